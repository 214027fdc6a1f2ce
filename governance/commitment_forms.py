"""Forms of commitments: the record (with one field per year of its amounts once it has some) and the list's
filters. They validate what was typed; the rules that need other rows (members only, the years adding up) are the
service's (services.commitments)."""

import django_filters
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Fieldset, Layout
from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from msp.codelists import Currency
from msp.forms import CodelistChoiceField
from stakeholders.models import Organisation

from .models import Commitment, CommitmentStatus, CommitmentType
from .selectors.commitments import SORTS
from .services.commitments import EDITABLE

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
AMOUNT_ERRORS = {
    "invalid": gettext_lazy("Enter the amount as a number, without a currency sign (for example 1250.50)."),
    "min_value": gettext_lazy("An amount cannot be negative: enter 0 or more."),
    "max_digits": gettext_lazy("This amount is too large."),
}
FIELDS = list(EDITABLE)  # what the service takes, in the order of the form


def amount_field(**kwargs):
    return forms.DecimalField(
        max_digits=18, decimal_places=4, min_value=0, localize=True, error_messages=AMOUNT_ERRORS, **kwargs
    )


class CommitmentForm(forms.ModelForm):
    currency = CodelistChoiceField(
        label=gettext_lazy("Currency"),
        queryset=Currency.objects.current(),
        required=False,
        widget=forms.Select(attrs={"data-enhance": "single"}),
        error_messages={
            "invalid_choice": gettext_lazy("Unknown currency: choose one from the list (ISO 4217, such as EUR).")
        },
        help_text=gettext_lazy("Required when a value is given."),
    )
    respread = forms.BooleanField(label=gettext_lazy("Spread the total over the years again"), required=False)

    class Meta:
        model = Commitment
        fields = FIELDS
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "funder_expectations": forms.Textarea(attrs={"rows": 3}),
            "starts_on": DATE,
            "ends_on": DATE,
            "committed_on": DATE,
            "expectations_recorded_on": DATE,
        }
        help_texts = {
            "value": gettext_lazy("Required for cash; optional for a contribution in kind."),
            "funder_expectations": gettext_lazy(
                "Cash: what the funder expects in return (reports, visibility, conditions), in writing."
            ),
            "expectations_recorded_on": gettext_lazy("Today if left empty when the expectations are first given."),
        }

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.filter(memberships__partnership=partnership).distinct()
        self.fields["organisation"].queryset = organisations.order_by("name")
        self.fields["organisation"].error_messages["invalid_choice"] = _(
            "Choose one of the partnership's members: only members (active or former) make commitments."
        )
        self.fields["quantity"] = amount_field(label=_("Quantity"), required=False)
        self.fields["value"] = amount_field(label=_("Value"), required=False, help_text=self._meta.help_texts["value"])
        if not self.instance.pk:
            self.initial.setdefault("currency", partnership.currency_id)
        self.fields["committed_on"].show_hidden_initial = False  # a callable default's hidden copy: not needed
        self.year_names = []
        for year in self.instance.years.all() if self.instance.pk else []:
            name = f"year_{year.year}"
            self.fields[name] = amount_field(label=str(year.year), required=False, initial=year.amount)
            self.year_names.append(name)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = self._layout()

    def _layout(self):
        rule = _(
            "The amounts per year must add up to the value. Leave them empty, or tick “Spread the total over the "
            "years again”, to share the value over the years of the period in proportion to their days."
        )
        if not self.year_names:
            rule = _(
                "When you save, the value is shared over the years of the period in proportion to their days; you "
                "can then change the amount of each year."
            )
        years = [*self.year_names, "respread"] if self.year_names else []
        return Layout(
            Fieldset(_("The commitment"), "organisation", "type", "description", "quantity", "unit", "status"),
            Fieldset(_("Value and period"), "value", "currency", "starts_on", "ends_on", "committed_on"),
            Fieldset(
                _("Amounts per year"), HTML(format_html('<p class="small text-body-secondary">{}</p>', rule)), *years
            ),
            Fieldset(
                _("Funder's expectations (cash)"), "funder_expectations", "no_expectations", "expectations_recorded_on"
            ),
        )

    def _post_clean(self):
        """No model validation here: the service checks the commitment (services.commitment_save) and puts each
        refusal on its field, with the database constraints' rules among them."""

    def service_kwargs(self):
        kwargs = {name: self.cleaned_data[name] for name in FIELDS}
        kwargs["years"] = {int(name.removeprefix("year_")): self.cleaned_data.get(name) for name in self.year_names}
        kwargs["respread"] = self.cleaned_data.get("respread", False)
        return kwargs


class CommitmentFilter(django_filters.FilterSet):
    organisation = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Organisation"),
        queryset=Organisation.objects.none(),
        empty_label=gettext_lazy("Any organisation"),
    )
    type = django_filters.ChoiceFilter(
        label=gettext_lazy("Type"), choices=CommitmentType.choices, empty_label=gettext_lazy("Any type")
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"), choices=CommitmentStatus.choices, empty_label=gettext_lazy("Any status")
    )
    sort = django_filters.ChoiceFilter(
        label=gettext_lazy("Sort by"),
        choices=[(key, key) for key in SORTS],
        method="sort_by",
        empty_label=None,
    )

    class Meta:
        model = Commitment
        fields = ["organisation", "type", "status", "sort"]

    def __init__(self, data=None, queryset=None, *, organisations, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["organisation"].queryset = organisations
        for field in self.form.fields.values():
            field.widget.attrs.setdefault("class", "form-select form-select-sm")

    @property
    def active(self):
        return any(self.data.get(name) for name in ("organisation", "type", "status"))

    def sort_by(self, queryset, name, value):
        return queryset.order_by(*SORTS.get(value, SORTS["organisation"]))
