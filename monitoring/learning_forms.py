"""Forms of the learning records (lessons, capacity gaps, context analyses, related initiatives, risks) and the
filters of their lists. They validate what was typed and offer the partnership's own records only; the rules that
need other rows are the services' (services.learning, services.context)."""

import django_filters
from crispy_forms.helper import FormHelper
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from msp.text import cap_length
from stakeholders.models import Organisation

from .models import CapacityGap, ContextAnalysis, Lesson, LessonSource, RelatedInitiative, Risk, RiskStatus
from .selectors import learning as selectors
from .services.context import INITIATIVE_FIELDS, RISK_FIELDS
from .services.learning import GAP_FIELDS, LESSON_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT_LIMIT = 10_000
SCORE_ERRORS = {
    "invalid": _("Enter a whole number from 1 to 5."),
    "min_value": _("Give a value from 1 (lowest) to 5 (highest)."),
    "max_value": _("Give a value from 1 (lowest) to 5 (highest)."),
}


class RecordForm(forms.ModelForm):
    """A record's form: the partnership's choices, long texts capped, no model validation (the service runs
    `full_clean` and puts each refusal on its field)."""

    texts: tuple = ()

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        for name in self.texts:
            cap_length(self.fields[name], TEXT_LIMIT)
            self.fields[name].widget.attrs["rows"] = 3
        self.helper = FormHelper()
        self.helper.form_tag = False

    def organisations(self, name):
        field = self.fields[name]
        field.queryset = selectors.member_organisations(self.partnership, getattr(self.instance, f"{name}_id"))
        field.empty_label = _("Choose a member organisation")
        field.error_messages["invalid_choice"] = _("Choose one of the partnership's member organisations.")

    def _post_clean(self):
        """No model validation here: the service checks the record."""

    def service_kwargs(self):
        return {name: self.cleaned_data.get(name) for name in self.Meta.fields}


class LessonForm(RecordForm):
    texts = ("what_happened", "action")

    class Meta:
        model = Lesson
        fields = list(LESSON_FIELDS)
        widgets = {"learned_on": DATE, "source": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations("owner")
        self.fields["source"].choices = LessonSource.choices  # radio buttons: no empty "---------" choice
        self.fields["indicator"].queryset = selectors.indicators_of(self.partnership)
        self.fields["indicator"].empty_label = _("No indicator")
        self.fields["decision"].queryset = selectors.decisions_of(self.partnership)
        self.fields["decision"].empty_label = _("No decision")
        self.fields["learned_on"].initial = timezone.localdate


class CapacityGapForm(RecordForm):
    texts = ("description", "measure")

    class Meta:
        model = CapacityGap
        fields = list(GAP_FIELDS)
        widgets = {"last_reviewed_on": DATE}
        help_texts = {"decision": _("The decision that addresses the gap, if one was taken.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations("organisation")
        self.fields["decision"].queryset = selectors.decisions_of(self.partnership)
        self.fields["decision"].empty_label = _("No decision")


class ContextAnalysisForm(RecordForm):
    texts = ("summary",)

    class Meta:
        model = ContextAnalysis
        fields = ["summary", "analysed_on", "no_related_initiatives"]
        widgets = {"analysed_on": DATE}
        help_texts = {
            "no_related_initiatives": _(
                "Tick when the analysis looked for other initiatives on the same problem and found none."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["summary"].widget.attrs["rows"] = 6
        self.fields["analysed_on"].initial = timezone.localdate


class InitiativeForm(RecordForm):
    texts = ("description", "alignment_action")

    class Meta:
        model = RelatedInitiative
        fields = list(INITIATIVE_FIELDS)
        widgets = {"last_exchange_on": DATE}
        help_texts = {
            "alignment_action": _("Overlapping and competing initiatives: how the partnership avoids duplication."),
            "last_exchange_on": _("Meta-platforms: when the partnership last exchanged with it."),
        }


class RiskForm(RecordForm):
    texts = ("description", "mitigation")

    class Meta:
        model = Risk
        fields = list(RISK_FIELDS)
        widgets = {"materialised_on": DATE}
        help_texts = {"materialised_on": _("Required when the risk materialised.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations("owner")
        for name in ("likelihood", "impact"):
            self.fields[name].error_messages.update(SCORE_ERRORS)
            self.fields[name].widget.attrs.update({"min": 1, "max": 5})
            self.fields[name].help_text = _("1 (lowest) to 5 (highest).")


def _small(filterset):
    for field in filterset.form.fields.values():
        field.widget.attrs.setdefault("class", "form-select form-select-sm")


class LessonFilter(django_filters.FilterSet):
    source = django_filters.ChoiceFilter(
        label=_("Learned from"), choices=LessonSource.choices, empty_label=_("Successes and failures")
    )
    owner = django_filters.ModelChoiceFilter(
        label=_("Owner"), queryset=Organisation.objects.none(), empty_label=_("Any owner")
    )

    class Meta:
        model = Lesson
        fields = ["source", "owner"]

    def __init__(self, data=None, queryset=None, *, owners, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["owner"].queryset = owners
        _small(self)

    @property
    def active(self):
        return any(self.data.get(name) for name in self.filters)


class RiskFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=RiskStatus.choices, empty_label=_("Any status"))

    class Meta:
        model = Risk
        fields = ["status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _small(self)

    @property
    def active(self):
        return bool(self.data.get("status"))
