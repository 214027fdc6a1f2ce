"""Forms of the secretariat's definitions: a disaggregation dimension with its categories, and an indicator. They
validate what was typed (a number is a number, a name fits); the rules that need other rows (a result of the
chain, a member organisation, a measure that may not change) are the services' (services.indicators)."""

import uuid

from crispy_forms.helper import FormHelper
from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from governance.models import LEVEL_ORDER
from governance.selectors.budget import nodes_by_key
from msp.codelists import SdgTarget
from msp.forms import SdgTargetChoiceField
from msp.text import cap_length
from stakeholders.models import Organisation
from stakeholders.selectors import active_member_organisations

from .models import Dimension, Indicator
from .services.indicators import INDICATOR_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
NUMBER_ERRORS = {
    "invalid": _("Write a number, such as 1250.5."),
    "max_decimal_places": _("A value has at most four decimals."),
    "max_digits": _("This number is too large."),
    "max_whole_digits": _("This number is too large."),
}


def helper():
    form_helper = FormHelper()
    form_helper.form_tag = False
    return form_helper


def value_field(label, **kwargs):
    return forms.DecimalField(
        label=label,
        required=False,
        max_digits=18,
        decimal_places=4,
        localize=True,
        error_messages=NUMBER_ERRORS,
        **kwargs,
    )


class DimensionForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100, help_text=_("For example: Sex, Region, Age group."))
    categories = forms.CharField(
        label=_("Categories"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One per line, in the order they are shown. For example: female, male, other."),
        error_messages={"required": _("List at least one category, one per line.")},
    )

    def __init__(self, *args, dimension=None, **kwargs):
        if dimension is not None:
            names = "\n".join(c.name for c in dimension.categories.all())
            kwargs.setdefault("initial", {}).update({"name": dimension.name, "categories": names})
        super().__init__(*args, **kwargs)
        cap_length(self.fields["categories"], 5_000)
        self.helper = helper()

    def clean_categories(self):
        lines = [line.strip() for line in self.cleaned_data["categories"].splitlines()]
        too_long = [line for line in lines if len(line) > 100]
        if too_long:
            raise forms.ValidationError(
                _("A category has at most 100 characters: “%(name)s…” is longer."), params={"name": too_long[0][:40]}
            )
        return [line for line in lines if line]

    def service_kwargs(self):
        return dict(self.cleaned_data)


def node_choices(partnership):
    """The nodes of the roadmap version indicators link through (as budget lines do), top of the chain first."""
    nodes = sorted(nodes_by_key(partnership).values(), key=lambda n: (LEVEL_ORDER.index(n.level), n.position, n.pk))
    return [(str(node.key), str(node)) for node in nodes]


def sdg_choices(field, partnership, indicator):
    """The partnership's own SDG targets (and those of its goals) first, then all the others."""
    own = set(partnership.sdg_targets.values_list("code", flat=True))
    goals = set(partnership.sdg_goals.values_list("number", flat=True))
    if indicator is not None:
        own |= {t.code for t in indicator.sdg_targets.all()}
    ours, others = [], []
    for target in SdgTarget.objects.all():
        (ours if target.code in own or target.goal_id in goals else others).append(
            (target.code, field.label_from_instance(target))
        )
    if not ours:
        return others
    return [(_("This partnership's SDGs"), ours), (_("Other SDG targets"), others)]


class IndicatorForm(forms.ModelForm):
    result_node_key = forms.ChoiceField(
        label=_("Result"), help_text=_("The node of the results chain this indicator measures.")
    )
    baseline_value = value_field(_("Baseline"), help_text=_("For unit and percentage indicators: a number."))
    sdg_targets = SdgTargetChoiceField(
        label=_("SDG targets"),
        queryset=SdgTarget.objects.all(),
        required=False,
        widget=forms.SelectMultiple(
            attrs={"data-enhance": "multi", "data-placeholder": _("Type a target number or words, e.g. 6.1…")}
        ),
    )
    responsible = forms.ModelChoiceField(
        label=_("Responsible organisation"),
        queryset=Organisation.objects.none(),
        help_text=_("Its people enter the actual values."),
        empty_label=_("Choose a member organisation"),
        error_messages={"invalid_choice": _("Choose one of the partnership's active members.")},
    )
    dimensions = forms.ModelMultipleChoiceField(
        label=_("Disaggregated by"),
        queryset=Dimension.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Indicator
        fields = [name for name in INDICATOR_FIELDS if name != "result_node_key"] + ["sdg_targets", "dimensions"]
        widgets = {
            "baseline_date": DATE,
            "definition": forms.Textarea(attrs={"rows": 3}),
            "means_of_verification": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {"baseline_text": _("Baseline in words")}
        help_texts = {"baseline_text": _("For nominal, ordinal and qualitative indicators.")}

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        indicator = self.instance if self.instance.pk else None
        choices = node_choices(partnership)
        if indicator is not None and str(indicator.result_node_key) not in dict(choices):
            choices.append((str(indicator.result_node_key), _("No longer in the results chain")))
        self.fields["result_node_key"].choices = [("", _("Choose a result"))] + choices
        self.fields["result_node_key"].initial = str(indicator.result_node_key) if indicator else None
        members = active_member_organisations(partnership)
        if indicator is not None:
            members = (members | Organisation.objects.filter(pk=indicator.responsible_id)).distinct()
        self.fields["responsible"].queryset = members
        self.fields["dimensions"].queryset = Dimension.objects.filter(partnership=partnership)
        self.fields["dimensions"].help_text = format_html(
            '{} <a href="{}">{}</a>',
            _("Ways the actual values are broken down."),
            reverse("monitoring:dimensions", args=[partnership.pk]),
            _("Define the partnership's dimensions"),
        )
        self.fields["sdg_targets"].choices = sdg_choices(self.fields["sdg_targets"], partnership, indicator)
        cap_length(self.fields["definition"], 5_000)
        cap_length(self.fields["means_of_verification"], 5_000)
        self.order_fields(["name", "result_node_key", *self.Meta.fields])
        self.helper = helper()
        self.has_nodes = bool(choices)

    def clean_result_node_key(self):
        return uuid.UUID(self.cleaned_data["result_node_key"])

    def _post_clean(self):
        """The rules are the service's: no model validation here (it would ask for the partnership)."""

    def service_kwargs(self):
        return {**self.cleaned_data}
