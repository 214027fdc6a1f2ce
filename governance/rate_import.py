"""Reading exchange rates from a CSV or XLSX file (columns date, base, quote, rate) and checking every row before
anything is written; governance.services.rates writes a checked file.

Headers are matched in English, French or German (their keys or labels, any case). Rates take a decimal point or a
decimal comma ("655,957"; with both, the last one is the decimal mark: "1.234,5" and "1,234.5"); dates are ISO
(2026-03-01), German (01.03.2026) or French (01/03/2026). A row for a pair and day already recorded with the same
rate is "already recorded" and skipped; with another rate it is an error (a correction is an edit, one rate at a
time, so the activity log shows who changed what).
"""

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from msp.codelists import Currency
from stakeholders.columns import header_key, in_every_language
from stakeholders.files import FileProblem, read_table

from .models import ExchangeRate

# key -> label (translated: matched in every language) and other names a bank or a central bank may write.
COLUMNS = {
    "date": (gettext_lazy("Date"), ("datum", "date_du_cours")),
    "base": (gettext_lazy("Base currency"), ("base", "from", "de", "von", "currency", "devise", "wahrung")),
    "quote": (gettext_lazy("Quote currency"), ("quote", "to", "a", "nach", "zu", "cotation")),
    "rate": (gettext_lazy("Rate"), ("exchange_rate", "taux", "taux_de_change", "kurs", "wechselkurs")),
}
MAX_DIGITS, DECIMALS = 24, 10  # ExchangeRate.rate
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y")

NEW, ALREADY = "new", "already"


@dataclass
class RateRow:
    number: int  # the row in the file, counting the header as 1
    cells: dict  # key -> text as in the file
    date: dt.date | None = None
    base: str = ""
    quote: str = ""
    rate: Decimal | None = None
    errors: list = field(default_factory=list)
    status: str = ""  # NEW or ALREADY once checked without errors
    note: str = ""

    @property
    def key(self):
        return (self.base, self.quote, self.date)


@dataclass
class RatePreview:
    filename: str
    problems: list = field(default_factory=list)  # the file as a whole
    rows: list = field(default_factory=list)

    @property
    def errors(self) -> list:
        return [r for r in self.rows if r.errors]

    @property
    def new(self) -> list:
        return [r for r in self.rows if r.status == NEW]

    @property
    def already(self) -> list:
        return [r for r in self.rows if r.status == ALREADY]

    @property
    def valid(self) -> bool:
        """Importable: the file is readable, no row has an error and at least one rate is new."""
        return not self.problems and not self.errors and bool(self.new)

    def canonical(self) -> str:
        """The new rows as a plain CSV (ISO dates, decimal points): what the "Import" button sends back."""
        lines = ["date,base,quote,rate"]
        lines += [f"{r.date.isoformat()},{r.base},{r.quote},{r.rate:f}" for r in self.new]
        return "\n".join(lines) + "\n"


def parse_rate(text: str) -> Decimal | None:
    """A positive decimal from "1.0845", "655,957", "1 234,5" or "1,234.5"; None when it is not one."""
    text = re.sub(r"[\s\u00a0\u202f']", "", text or "")
    if "," in text and "." in text:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        text = text.replace("." if decimal_mark == "," else ",", "")
    text = text.replace(",", ".")
    if not re.fullmatch(r"\d+(\.\d+)?|\.\d+", text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def parse_date(text: str) -> dt.date | None:
    for pattern in DATE_FORMATS:
        try:
            return dt.datetime.strptime((text or "").strip(), pattern).date()
        except ValueError:
            continue
    return None


def rate_problem(value: Decimal) -> str:
    """Why a rate cannot be stored, or ""."""
    if value <= 0:
        return _("The rate must be greater than zero.")
    if -value.normalize().as_tuple().exponent > DECIMALS:
        return _("A rate has at most %(n)d decimals.") % {"n": DECIMALS}
    if value >= Decimal(10) ** (MAX_DIGITS - DECIMALS):
        return _("The rate is too large.")
    return ""


def _positions(headers, preview) -> dict:
    known = {}
    for key, (label, others) in COLUMNS.items():
        for name in (key, *others, *in_every_language(label)):
            known.setdefault(header_key(name), key)
    positions = {}
    for position, header in enumerate(headers):
        key = known.get(header_key(header))
        if key is not None and key not in positions:
            positions[key] = position
    missing = [str(label) for key, (label, _o) in COLUMNS.items() if key not in positions]
    if missing:
        preview.problems.append(
            _("Missing columns: %(cols)s. A file of rates has the columns date, base, quote and rate.")
            % {"cols": ", ".join(missing)}
        )
    return positions


def _check_cells(row: RateRow, currencies: set):
    row.date = parse_date(row.cells["date"])
    if row.date is None:
        row.errors.append(
            _("“%(value)s” is not a date (2026-03-01, 01.03.2026 or 01/03/2026).") % {"value": row.cells["date"]}
        )
    for key in ("base", "quote"):
        code = row.cells[key].strip().upper()
        setattr(row, key, code)
        if code not in currencies:
            row.errors.append(_("“%(value)s” is not an ISO 4217 currency code.") % {"value": row.cells[key]})
    if row.base and row.base == row.quote:
        row.errors.append(_("The base and quote currencies are the same."))
    row.rate = parse_rate(row.cells["rate"])
    if row.rate is None:
        row.errors.append(_("“%(value)s” is not a positive number.") % {"value": row.cells["rate"]})
    elif problem := rate_problem(row.rate):
        row.errors.append(problem)


def _recorded(rows) -> dict:
    """{(base, quote, date): rate} of the pairs and days in the file that are already recorded: one query."""
    keys = {r.key for r in rows if not r.errors}
    if not keys:
        return {}
    found = ExchangeRate.objects.filter(
        base_id__in={k[0] for k in keys}, quote_id__in={k[1] for k in keys}, date__in={k[2] for k in keys}
    ).values_list("base_id", "quote_id", "date", "rate")
    return {(b, q, d): r for b, q, d, r in found if (b, q, d) in keys}


def _classify(row: RateRow, recorded: dict, seen: dict):
    earlier = seen.get(row.key)
    if earlier is not None:
        if earlier.rate != row.rate:
            row.errors.append(
                _("Row %(n)d gives another rate for the same currencies and date.") % {"n": earlier.number}
            )
        else:
            row.status, row.note = ALREADY, _("the same as row %(n)d") % {"n": earlier.number}
        return
    seen[row.key] = row
    existing = recorded.get(row.key)
    if existing is None:
        row.status = NEW
    elif existing == row.rate:
        row.status, row.note = ALREADY, _("already recorded")
    else:
        row.errors.append(
            _("A different rate is recorded for %(base)s/%(quote)s on %(date)s: %(rate)s.")
            % {"base": row.base, "quote": row.quote, "date": row.date.isoformat(), "rate": f"{existing.normalize():f}"}
        )


def preview(filename: str, content: bytes) -> RatePreview:
    """Read and check a whole file of rates; writes nothing. Two queries (currencies, rates already recorded)."""
    result = RatePreview(filename=filename)
    try:
        headers, table = read_table(filename, content)
    except FileProblem as exc:
        result.problems.append(str(exc))
        return result
    positions = _positions(headers, result)
    if result.problems:
        return result
    currencies = set(Currency.objects.values_list("code", flat=True))
    for number, cells in enumerate(table, start=2):
        if any(cells):
            row = RateRow(number, {key: cells[pos] for key, pos in positions.items()})
            _check_cells(row, currencies)
            result.rows.append(row)
    if not result.rows:
        result.problems.append(_("The file has column names but no rows."))
    recorded, seen = _recorded(result.rows), {}
    for row in result.rows:
        if not row.errors:
            _classify(row, recorded, seen)
    return result
