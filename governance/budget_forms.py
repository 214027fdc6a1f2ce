"""Forms of the budget and the transactions, and the transaction list's filters. They validate what was typed (an
amount is a number of at most four decimals, a currency one of the list); the rules are the services'."""

import django_filters
from crispy_forms.helper import FormHelper
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from msp.codelists import Currency
from msp.forms import CodelistChoiceField
from stakeholders.forms import OrganisationChoiceField, organisation_picker
from stakeholders.models import Organisation

from .models import LEVEL_ORDER, RECORDED_TYPES, BudgetLine, Decision, Transaction, TransactionType
from .selectors import budget as selectors
from .services.budget import TRANSACTION_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
AMOUNT_ERRORS = {
    "invalid": _("Write the amount as a number, such as 1250.50."),
    "min_value": _("An amount cannot be negative: the type says which way the money goes."),
    "max_decimal_places": _("An amount has at most four decimals."),
    "max_digits": _("This amount is too large."),
    "max_whole_digits": _("This amount is too large."),
}


def _helper():
    helper = FormHelper()
    helper.form_tag = False
    return helper


def _amount_field(label=None):
    return forms.DecimalField(
        label=label or _("Amount"), min_value=0, max_digits=18, decimal_places=4, error_messages=AMOUNT_ERRORS
    )


def _currency_field(partnership):
    return CodelistChoiceField(
        label=_("Currency"),
        queryset=Currency.objects.current(),
        initial=partnership.currency_id,
        widget=forms.Select(attrs={"data-enhance": "single"}),
        error_messages={"invalid_choice": _("Choose a currency of the list.")},
    )


def node_choices(partnership):
    """The nodes of the roadmap version lines link through, top of the chain first, by key."""
    nodes = sorted(
        selectors.nodes_by_key(partnership).values(), key=lambda n: (LEVEL_ORDER.index(n.level), n.position, n.pk)
    )
    return [("", _("None"))] + [(str(node.key), str(node)) for node in nodes]


def line_label(line):
    return f"{line} ({line.get_budget_type_display()})" if line.revises_id else str(line)


class BudgetLineForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=BudgetLine._meta.get_field("category").choices)
    description = forms.CharField(label=_("Description"), max_length=300)
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2100)
    amount = _amount_field()
    result_node_key = forms.TypedChoiceField(
        label=_("Results-chain node it serves"), required=False, empty_value=None, coerce=str
    )

    def __init__(self, *args, partnership, line=None, **kwargs):
        if line is not None:
            kwargs.setdefault("initial", {}).update(
                {name: getattr(line, name) for name in ("category", "description", "year", "amount")}
                | {"currency": line.currency_id, "result_node_key": line.result_node_key}
            )
        else:
            kwargs.setdefault("initial", {}).setdefault("year", timezone.localdate().year)
        super().__init__(*args, **kwargs)
        self.fields["currency"] = _currency_field(partnership)
        self.fields["result_node_key"].choices = node_choices(partnership)
        self.order_fields(["category", "description", "year", "amount", "currency", "result_node_key"])
        self.helper = _helper()

    def service_kwargs(self):
        return dict(self.cleaned_data)


class ReviseForm(forms.Form):
    description = forms.CharField(label=_("Description"), max_length=300)
    amount = _amount_field(_("Revised amount"))
    result_node_key = forms.TypedChoiceField(
        label=_("Results-chain node it serves"), required=False, empty_value=None, coerce=str
    )

    def __init__(self, *args, partnership, line, **kwargs):
        initial = {
            "description": line.description,
            "currency": line.currency_id,
            "result_node_key": line.result_node_key,
        }
        kwargs.setdefault("initial", {}).update(initial)
        super().__init__(*args, **kwargs)
        self.fields["currency"] = _currency_field(partnership)
        self.fields["result_node_key"].choices = node_choices(partnership)
        self.order_fields(["description", "amount", "currency", "result_node_key"])
        self.helper = _helper()


class ReviewForm(forms.Form):
    date = forms.DateField(label=_("Date of the review"), widget=DATE, initial=timezone.localdate)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What was looked at, and what changes."),
    )
    decision = forms.ModelChoiceField(label=_("Decision"), queryset=Decision.objects.none(), required=False)

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = Decision.objects.filter(partnership=partnership)
        self.fields["decision"].empty_label = _("None")
        self.helper = _helper()


def _recorded_choices():
    return [(value, label) for value, label in TransactionType.choices if value in RECORDED_TYPES]


class TransactionForm(forms.ModelForm):
    amount = _amount_field()

    class Meta:
        model = Transaction
        fields = list(TRANSACTION_FIELDS)  # what the service takes
        widgets = {
            "date": DATE,
            "counterpart": organisation_picker(),
        }
        field_classes = {"counterpart": OrganisationChoiceField}

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = _recorded_choices()
        self.fields["currency"] = _currency_field(partnership)
        if self.instance.pk:
            self.initial["currency"] = self.instance.currency_id
        self.fields["date"].initial = timezone.localdate
        self.fields["counterpart"].queryset = Organisation.objects.order_by("name")
        self.fields["budget_line"].queryset = BudgetLine.objects.filter(partnership=partnership).order_by(
            "year", "category", "pk"
        )
        self.fields["budget_line"].label_from_instance = line_label
        self.fields["budget_line"].help_text = _("For a disbursement or expenditure: the line it is spent on.")
        self.order_fields(self.Meta.fields)
        self.helper = _helper()

    def service_kwargs(self):
        return {name: self.cleaned_data.get(name) for name in self.Meta.fields}


class TransactionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    type = django_filters.ChoiceFilter(label=_("Type"), choices=TransactionType.choices, empty_label=_("Any type"))
    date_from = django_filters.DateFilter(label=_("From"), field_name="date", lookup_expr="gte", widget=DATE)
    date_to = django_filters.DateFilter(label=_("Until"), field_name="date", lookup_expr="lte", widget=DATE)
    counterpart = django_filters.CharFilter(label=_("Counterpart"), method="by_counterpart")
    budget_line = django_filters.ModelChoiceFilter(
        label=_("Budget line"), queryset=BudgetLine.objects.none(), empty_label=_("Any line")
    )

    class Meta:
        model = Transaction
        fields = ["q", "type", "date_from", "date_to", "counterpart", "budget_line"]

    def __init__(self, data=None, queryset=None, *, partnership, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["budget_line"].queryset = BudgetLine.objects.filter(partnership=partnership).order_by(
            "year", "category", "pk"
        )
        for field in self.form.fields.values():
            css = "form-select form-select-sm" if hasattr(field, "choices") else "form-control form-control-sm"
            field.widget.attrs.setdefault("class", css)
        self.form.fields["budget_line"].label_from_instance = line_label

    @property
    def active(self):
        return any(self.data.get(name) for name in self.filters)

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(reference__icontains=value) | Q(description__icontains=value)) if value else queryset

    def by_counterpart(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(counterpart__name__icontains=value) | Q(counterpart_name__icontains=value))
