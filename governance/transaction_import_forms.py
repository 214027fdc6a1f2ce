"""Forms of the bank import: the upload, and the mapping of the file's columns (select lists with each header and
a sample value from the file). They validate what was chosen; reading the file is governance.transaction_import."""

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from msp import uploads
from msp.codelists import Currency

from .models import TransactionType
from .transaction_import import FIELDS, OUTGOING_TYPES, Mapping

FIELD_LABELS = {
    "date": _("Date"),
    "amount": _("Amount (money in positive, money out negative)"),
    "debit": _("Debit (money out)"),
    "credit": _("Credit (money in)"),
    "currency": _("Currency"),
    "counterpart": _("Counterpart"),
    "reference": _("Reference"),
    "description": _("Description"),
}
NUMBER_FORMATS = [
    ("guess", _("Guess from each number")),
    ("comma", _("Decimal comma (1.234,56 or 1 234,56)")),
    ("point", _("Decimal point (1,234.56)")),
]
DATE_ORDERS = [
    ("dmy", _("Day, month, year (31.03.2026, 31/03/2026)")),
    ("mdy", _("Month, day, year (03/31/2026)")),
    ("ymd", _("Year, month, day (2026-03-31)")),
]


def _helper():
    helper = FormHelper()
    helper.form_tag = False
    return helper


class TransactionUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Bank or accounting export"),
        help_text=_("CSV or Excel (.xlsx), at most 5 MB and 2,000 rows, as your bank or accounting software gives it."),
    )

    def __init__(self, *args, partnership=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ".csv,.txt,.xlsx"
        self.helper = _helper()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        uploads.check_spreadsheet(upload)
        return upload


class MappingForm(forms.Form):
    """Which column holds what. `table` is the file as read (its header row's names and sample values make the
    choices); `skip_errors` counts only on the import button."""

    header_row = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    number_format = forms.ChoiceField(label=_("Numbers"), choices=NUMBER_FORMATS)
    date_order = forms.ChoiceField(label=_("Dates"), choices=DATE_ORDERS)
    fixed_currency = forms.ChoiceField(
        label=_("Currency of the whole file"),
        required=False,
        help_text=_("When no column holds the currency."),
    )
    outgoing_type = forms.ChoiceField(
        label=_("Money going out is recorded as"),
        choices=[(t.value, t.label) for t in OUTGOING_TYPES],
    )
    skip_errors = forms.BooleanField(label=_("Import the other rows and skip the rows with errors"), required=False)

    def __init__(self, *args, table, **kwargs):
        super().__init__(*args, **kwargs)
        self.table = table
        samples = table.samples()
        columns = [("", pgettext_lazy("column of a file", "— not in the file —"))]
        for position, header in enumerate(table.headers):
            name = header or _("column %(n)d") % {"n": position + 1}
            sample = samples[position][:30] if position < len(samples) else ""
            columns.append((str(position), f"{name} ({_('e.g.')} {sample})" if sample else name))
        fields = {}
        for name in FIELDS:
            fields[name] = forms.ChoiceField(label=FIELD_LABELS[name], choices=columns, required=False)
        self.fields = {"header_row": self.fields.pop("header_row"), **fields, **self.fields}
        codes = Currency.objects.order_by("code").values_list("code", flat=True)
        self.fields["fixed_currency"].choices = [("", "—"), *((c, c) for c in codes)]
        self.helper = _helper()

    @staticmethod
    def initial_for(mapping: Mapping) -> dict:
        columns = {name: "" if mapping.columns.get(name) is None else str(mapping.columns[name]) for name in FIELDS}
        return {
            "header_row": mapping.header_row,
            **columns,
            "number_format": mapping.number_format,
            "date_order": mapping.date_order,
            "fixed_currency": mapping.currency,
            "outgoing_type": mapping.outgoing_type,
        }

    def clean(self):
        data = super().clean()
        chosen = [data.get(name) for name in FIELDS if data.get(name)]
        if len(chosen) != len(set(chosen)):
            raise forms.ValidationError(_("Each column of the file can hold one field only."))
        return data

    def mapping(self) -> Mapping:
        data = self.cleaned_data
        return Mapping(
            header_row=self.table.header_row,
            columns={name: int(data[name]) if data.get(name) else None for name in FIELDS},
            number_format=data["number_format"],
            date_order=data["date_order"],
            currency=data.get("fixed_currency") or "",
            outgoing_type=data.get("outgoing_type") or TransactionType.EXPENDITURE,
        )
