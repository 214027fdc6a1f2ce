"""Forms of exchange rates: record or correct one, upload a file of them, and the list's filter. They only validate
what was typed; the rules that need other rows (one rate per pair and day) are services.rates'."""

import django_filters
from crispy_forms.helper import FormHelper
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from msp import uploads
from msp.codelists import Currency

from .models import ExchangeRate
from .rate_import import DECIMALS


def _helper():
    helper = FormHelper()
    helper.form_tag = False
    return helper


class RateForm(forms.Form):
    """A rate to record, or (`instance`) to correct. Not a ModelForm: the rules that need other rows (one rate per
    pair and day) are the service's, said in words, not the model's constraint names."""

    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), input_formats=["%Y-%m-%d"]
    )
    base = forms.ModelChoiceField(label=_("Base currency"), queryset=Currency.objects.none())
    quote = forms.ModelChoiceField(label=_("Quote currency"), queryset=Currency.objects.none())
    rate = forms.DecimalField(
        label=_("Rate"),
        max_digits=24,
        decimal_places=DECIMALS,
        localize=True,
        help_text=_("How many units of the quote currency one unit of the base currency buys on that date."),
    )
    source = forms.CharField(
        label=_("Source"), max_length=100, required=False, help_text=_("Where the rate comes from, e.g. ECB or manual.")
    )

    def __init__(self, *args, instance=None, **kwargs):
        if instance is not None:
            kwargs["initial"] = {
                "date": instance.date,
                "base": instance.base_id,
                "quote": instance.quote_id,
                "rate": instance.rate.normalize() if instance.rate % 1 else instance.rate.quantize(1),
                "source": instance.source,
            }
        super().__init__(*args, **kwargs)
        current = Currency.objects.filter(withdrawn=False)
        if instance is not None:  # a withdrawn currency already recorded stays choosable
            current = Currency.objects.filter(Q(withdrawn=False) | Q(pk__in=[instance.base_id, instance.quote_id]))
        for name in ("base", "quote"):
            self.fields[name].queryset = current
            self.fields[name].label_from_instance = lambda c: c.display
        self.helper = _helper()

    def clean_rate(self):
        rate = self.cleaned_data["rate"]
        if rate is not None and rate <= 0:
            raise forms.ValidationError(_("The rate must be greater than zero."))
        return rate

    def clean(self):
        data = super().clean()
        if data.get("base") and data.get("base") == data.get("quote"):
            self.add_error("quote", _("Choose a currency other than the base currency."))
        return data

    def service_kwargs(self):
        return {name: self.cleaned_data[name] for name in ("date", "base", "quote", "rate", "source")}


class RateImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("CSV or Excel (.xlsx) with the columns date, base, quote and rate; at most 5 MB and 2,000 rows."),
    )
    source = forms.CharField(label=_("Source"), max_length=100, required=False, help_text=_("For example ECB."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ".csv,.xlsx"
        self.helper = _helper()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        uploads.check_spreadsheet(upload)
        return upload


class RateFilter(django_filters.FilterSet):
    currency = django_filters.ChoiceFilter(
        label=_("Currency"), choices=[], empty_label=_("Any currency"), method="by_currency"
    )

    class Meta:
        model = ExchangeRate
        fields = ["currency"]

    def __init__(self, *args, currencies=(), **kwargs):
        super().__init__(*args, **kwargs)
        field = self.form.fields["currency"]
        field.choices = [("", _("Any currency")), *((code, code) for code in currencies)]
        field.widget.attrs["class"] = "form-select form-select-sm"

    @property
    def active(self):
        return bool(self.data.get("currency"))

    def by_currency(self, queryset, name, value):
        return queryset.filter(Q(base_id=value) | Q(quote_id=value))
