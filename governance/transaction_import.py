"""The bank import's mapping and preview: which column holds what, and every row of the file read with it.

`Mapping` says where the table starts (the header row), which column holds each field (a date; an amount, or a
debit and a credit column; currency, or one currency for the whole file; counterpart, reference, description),
how numbers and dates are written, and which type money going out gets (expenditure by default, or disbursement).
`preview` reads every row with it and writes nothing: each row gets its parsed values, its errors (no date, no
amount, unknown currency, a date in the future, too large) and whether it is already imported (the same
fingerprint: date, signed amount, currency, reference and counterpart, and the how-many-th such row of the file it
is, so two identical card payments of one day are two transactions and a second import of the same file adds
none). Money in (a positive amount or a credit) is incoming funds; the stored amount is never negative.
`services.transactions_import` writes a preview, in one transaction.
"""

import hashlib
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from msp.codelists import Currency
from stakeholders.files import FileProblem
from stakeholders.models import Membership

from .bank_files import find_header_row, parse_amount, parse_date, read_rows
from .models import Transaction, TransactionType

FIELDS = ("date", "amount", "debit", "credit", "currency", "counterpart", "reference", "description")
OUTGOING_TYPES = (TransactionType.EXPENDITURE, TransactionType.DISBURSEMENT)
MAX_AMOUNT = Decimal("1e14")  # what max_digits=18, decimal_places=4 holds
LENGTHS = {"counterpart": 200, "reference": 100, "description": 300}
# Header names that say what a column holds, in the banks' languages (normalised by `header_key`); an exact name
# wins over one that only contains a word.
KNOWN_HEADERS = {
    "date": ["buchungstag", "buchungsdatum", "datum", "date", "booking_date", "transaction_date", "date_operation",
             "date_d_opération", "date_comptable", "posting_date"],
    "amount": ["betrag", "amount", "montant", "umsatz", "betrag_eur", "value"],
    "debit": ["soll", "debit", "débit", "lastschrift", "ausgang", "withdrawal", "paid_out", "money_out"],
    "credit": ["haben", "credit", "crédit", "gutschrift", "eingang", "deposit", "paid_in", "money_in"],
    "currency": ["währung", "waehrung", "currency", "devise", "wkz", "monnaie"],
    "counterpart": ["auftraggeber_begünstigter", "begünstigter_auftraggeber", "zahlungsbeteiligter", "begünstigter",
                    "auftraggeber", "empfänger", "counterpart", "payee", "beneficiary", "name", "tiers",
                    "bénéficiaire", "contrepartie", "donneur_d_ordre"],
    "reference": ["referenz", "reference", "référence", "kundenreferenz", "end_to_end_referenz", "ref"],
    "description": ["verwendungszweck", "description", "libellé", "libelle", "buchungstext", "memo", "details",
                    "purpose", "motif"],
}  # fmt: skip


def header_key(text) -> str:
    """A header as compared across files: lower case, any run of punctuation or spaces one underscore."""
    return re.sub(r"\W+", "_", str(text or "").casefold()).strip("_")


@dataclass
class Mapping:
    header_row: int = 0
    columns: dict = field(default_factory=dict)  # field -> column index (None: not in the file)
    number_format: str = "guess"
    date_order: str = "dmy"
    currency: str = ""  # the whole file's currency, when no column holds it
    outgoing_type: str = TransactionType.EXPENDITURE

    def remembered(self, headers) -> dict:
        """What `TransactionImportMapping.choices` keeps: the header names, not their positions."""
        columns = {f: header_key(headers[i]) for f, i in self.columns.items() if i is not None and i < len(headers)}
        settings = {"number_format": self.number_format, "date_order": self.date_order, "currency": self.currency}
        return {"columns": columns, **settings, "outgoing_type": self.outgoing_type}


@dataclass
class Table:
    filename: str
    rows: list  # every row of the file
    workbook: bool
    header_row: int

    @property
    def headers(self):
        headers = self.rows[self.header_row] if self.header_row < len(self.rows) else []
        return [*headers, *[""] * (self.width - len(headers))]

    @property
    def width(self):
        return max((len(r) for r in self.rows[self.header_row :]), default=0)

    def data(self):
        """(line number in the file, cells) of the non-empty rows after the header row."""
        width = self.width
        for index in range(self.header_row + 1, len(self.rows)):
            row = self.rows[index]
            if any(row):
                yield index + 1, [*row, *[""] * (width - len(row))]

    def samples(self):
        """The first non-empty value of each column under the header: the mapping's select lists show it."""
        samples = [""] * self.width
        for _number, cells in self.data():
            samples = [s or c for s, c in zip(samples, cells, strict=True)]
            if all(samples):
                break
        return samples


def read_table(filename, content, header_row=None) -> Table:
    """The file's table, its header row as given or found; FileProblem when the file cannot be read."""
    rows, workbook = read_rows(filename, content)
    if header_row is None or not 0 <= header_row < len(rows):
        header_row = find_header_row(rows)
    return Table(filename=filename, rows=rows, workbook=workbook, header_row=header_row)


def guess_mapping(headers, remembered=None) -> Mapping:
    """The mapping last used for files with these headers (all the columns it names are here), else one found by
    the header names."""
    keys = [header_key(h) for h in headers]
    remembered = remembered or {}
    columns = remembered.get("columns") or {}
    if columns and all(name in keys for name in columns.values()):
        return Mapping(
            columns={f: keys.index(columns[f]) if f in columns else None for f in FIELDS},
            number_format=remembered.get("number_format", "guess"),
            date_order=remembered.get("date_order", "dmy"),
            currency=remembered.get("currency", ""),
            outgoing_type=remembered.get("outgoing_type", TransactionType.EXPENDITURE),
        )
    found, used = {}, set()
    for exact in (True, False):
        for name in FIELDS:
            for position, key in enumerate(keys):
                if name in found or position in used or not key:
                    continue
                if any(key == known if exact else known in key for known in KNOWN_HEADERS[name]):
                    found[name] = position
                    used.add(position)
    if "amount" in found and ("debit" in found or "credit" in found):
        found.pop("debit", None), found.pop("credit", None)
    return Mapping(columns={name: found.get(name) for name in FIELDS})


@dataclass
class ImportRow:
    number: int
    cells: list
    date: object = None
    amount: Decimal | None = None
    type: str = ""
    currency: str = ""
    counterpart: object = None  # a member organisation whose name is the counterpart's
    counterpart_name: str = ""
    reference: str = ""
    description: str = ""
    fingerprint: str = ""
    errors: list = field(default_factory=list)
    duplicate: bool = False

    def get_type_display(self):
        return TransactionType(self.type).label if self.type else ""


@dataclass
class Preview:
    table: Table
    mapping: Mapping
    rows: list = field(default_factory=list)
    problems: list = field(default_factory=list)  # about the mapping or the file as a whole

    @property
    def error_rows(self):
        return [r for r in self.rows if r.errors]

    @property
    def duplicate_rows(self):
        return [r for r in self.rows if r.duplicate and not r.errors]

    @property
    def new_rows(self):
        return [r for r in self.rows if not r.errors and not r.duplicate]

    @property
    def valid(self):
        return not self.problems and not self.error_rows


def check_mapping(mapping: Mapping) -> list[str]:
    columns = mapping.columns
    problems = []
    if columns.get("date") is None:
        problems.append(_("Choose the column with the date of each transaction."))
    if columns.get("amount") is None and columns.get("debit") is None and columns.get("credit") is None:
        problems.append(_("Choose the column with the amount, or the debit and credit columns."))
    if columns.get("currency") is None and not mapping.currency:
        problems.append(_("Choose the column with the currency, or one currency for the whole file."))
    return problems


def _cell(cells, mapping, name):
    position = mapping.columns.get(name)
    return cells[position].strip() if position is not None and position < len(cells) else ""


def _amount(text, mapping, table):
    if table.workbook and re.fullmatch(r"-?\d+(\.\d+)?([eE][-+]?\d+)?", text):
        return Decimal(text)  # a number cell: the workbook wrote it, not a person
    return parse_amount(text, mapping.number_format)


def _signed_amount(row, cells, mapping, table):
    """Money in is positive: the amount column, or the credit less the debit (whichever sign the bank gave)."""
    if mapping.columns.get("amount") is not None:
        texts = [_cell(cells, mapping, "amount")]
    else:
        texts = [_cell(cells, mapping, "credit"), _cell(cells, mapping, "debit")]
    values = []
    for text in texts:
        value = _amount(text, mapping, table) if text else Decimal(0)
        if value is None:
            row.errors.append(_("“%(value)s” is not an amount.") % {"value": text})
            return None
        values.append(abs(value) if len(texts) == 2 else value)
    amount = values[0] - (values[1] if len(values) == 2 else 0)
    if not amount:
        row.errors.append(_("There is no amount in this row."))
    elif abs(amount) >= MAX_AMOUNT or amount.as_tuple().exponent < -4:
        row.errors.append(_("“%(value)s” is too large or too precise an amount.") % {"value": " ".join(texts)})
    return amount


def _read_row(row, cells, mapping, table, context):
    text = _cell(cells, mapping, "date")
    row.date = parse_date(text, mapping.date_order)
    if row.date is None:
        row.errors.append(_("“%(value)s” is not a date.") % {"value": text})
    elif row.date > context["today"]:
        row.errors.append(_("The date %(date)s is in the future.") % {"date": row.date.isoformat()})
    amount = _signed_amount(row, cells, mapping, table)
    if amount:
        row.amount = abs(amount)
        row.type = TransactionType.INCOMING_FUNDS if amount > 0 else mapping.outgoing_type
    row.currency = (_cell(cells, mapping, "currency") or mapping.currency).upper()
    if row.currency not in context["currencies"]:
        row.errors.append(_("Unknown currency “%(code)s”.") % {"code": row.currency})
    name = _cell(cells, mapping, "counterpart")[: LENGTHS["counterpart"]]
    row.counterpart = context["members"].get(name.casefold())
    row.counterpart_name = "" if row.counterpart else name
    row.reference = _cell(cells, mapping, "reference")[: LENGTHS["reference"]]
    row.description = _cell(cells, mapping, "description")[: LENGTHS["description"]]
    return amount


def _fingerprint(row, amount, seen) -> str:
    name = row.counterpart.name if row.counterpart else row.counterpart_name
    key = "|".join([row.date.isoformat(), f"{amount:f}", row.currency, row.reference.casefold(), name.casefold()])
    seen[key] = seen.get(key, 0) + 1
    return hashlib.sha256(f"{key}|{seen[key]}".encode()).hexdigest()


def preview(*, partnership, filename, content, mapping: Mapping) -> Preview:
    """Read every row of the file with `mapping`; writes nothing. A file that cannot be read, or a mapping that
    leaves out the date, the amount or the currency, gives `problems` and no rows."""
    try:
        table = read_table(filename, content, mapping.header_row)
    except FileProblem as exc:
        return Preview(table=Table(filename, [], False, 0), mapping=mapping, problems=[str(exc)])
    result = Preview(table=table, mapping=mapping, problems=check_mapping(mapping))
    if result.problems:
        return result
    members = Membership.objects.filter(partnership=partnership).select_related("organisation")
    context = {
        "today": timezone.localdate(),
        "currencies": set(Currency.objects.values_list("code", flat=True)),
        "members": {m.organisation.name.casefold(): m.organisation for m in members},
    }
    seen = {}
    for number, cells in table.data():
        row = ImportRow(number=number, cells=cells)
        amount = _read_row(row, cells, mapping, table, context)
        if not row.errors:
            row.fingerprint = _fingerprint(row, amount, seen)
        result.rows.append(row)
    if not result.rows:
        result.problems.append(_("The file has no rows under its header row."))
    fingerprints = [r.fingerprint for r in result.rows if r.fingerprint]
    known = set(
        Transaction.objects.filter(partnership=partnership, fingerprint__in=fingerprints).values_list(
            "fingerprint", flat=True
        )
    )
    for row in result.rows:
        row.duplicate = row.fingerprint in known
    return result
