"""Reading bank and accounting exports: the file's rows, where its table starts, and its amounts and dates as the
bank wrote them.

Real bank files are not tidy tables. A German or French export starts with a block of free lines (account number,
period, opening balance), separates its cells with semicolons (or commas, or tabs), writes `1.234,56` or
`1 234,56` (with a narrow no-break space) or `1,234.56`, puts the sign in front, behind (`1.234,56-`) or around
(`(1,234.56)`) the number, and dates as `31.03.2026`, `31/03/2026` or `2026-03-31`. Reading the bytes (limits,
byte-order marks, UTF-8 or Windows-1252, XLSX bombs) is stakeholders.files'; this module reads what they hold.
Nothing here touches the database.
"""

import csv
import datetime as dt
import io
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from stakeholders.files import (
    MAX_BYTES,
    MAX_COLUMNS,
    MAX_PHYSICAL_ROWS,
    MAX_ROWS,
    FileProblem,
    decode,
    read_xlsx,
    too_many_rows,
)

HEADER_BLOCK = 30
# Spaces that banks put between thousands: the ordinary one, no-break, narrow no-break, thin, and the apostrophe
# of Swiss francs.
_GROUPING = " \u00a0\u202f\u2009'’"
_CURRENCY_CODE = re.compile(r"(?<![A-Za-z])[A-Za-z]{3}(?![A-Za-z])")


def read_rows(filename: str, content: bytes) -> tuple[list[list[str]], bool]:
    """The file's rows as lists of cell texts (trailing empty cells dropped), and whether it is a workbook (whose
    numbers and dates are cells, not text). FileProblem when it cannot be read."""
    if len(content) > MAX_BYTES:
        raise FileProblem(_("The file is larger than 5 MB. Split it into smaller files."))
    name = (filename or "").lower()
    if name.endswith(".xlsx"):
        rows, workbook = read_xlsx(content), True
    elif name.endswith((".csv", ".txt")):
        rows, workbook = _read_text(content), False
    else:
        raise FileProblem(_("Upload a .csv or .xlsx file (this one is “%(name)s”).") % {"name": filename})
    rows = [_trimmed(row) for row in rows]
    if not any(rows):
        raise FileProblem(_("The file is empty."))
    # A header block of a few lines above the table is allowed on top of the rows an import takes.
    if sum(1 for row in rows if any(row)) > MAX_ROWS + HEADER_BLOCK:
        raise too_many_rows()
    return rows, workbook


def _trimmed(row):
    row = [cell.strip() for cell in row]
    while row and not row[-1]:
        row.pop()
    return row


def sniff_delimiter(text: str) -> str:
    """The separator that splits the most lines into the same, largest number of cells. A header block has few
    separators per line; the table has many, on every line."""
    lines = [line for line in text.splitlines() if line.strip()][:50]
    best, best_score = ";", -1
    for delimiter in (";", ",", "\t"):
        widths = [len(next(csv.reader([line], delimiter=delimiter))) for line in lines]
        common = max(set(widths), key=lambda w: (widths.count(w), w)) if widths else 1
        score = widths.count(common) * (common - 1)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_text(content: bytes) -> list[list[str]]:
    text = decode(content)
    delimiter = sniff_delimiter(text)
    rows = []
    try:
        for physical, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
            if physical > MAX_PHYSICAL_ROWS:
                raise too_many_rows()
            rows.append(row[:MAX_COLUMNS])
    except csv.Error as exc:
        raise FileProblem(_("The file is not valid CSV: %(why)s") % {"why": exc}) from exc
    return rows


def _is_label(cell: str) -> bool:
    return any(ch.isalpha() for ch in cell) and parse_amount(cell, "guess") is None


def find_header_row(rows) -> int:
    """The index of the row that names the table's columns: the first row of the widest kind whose cells are mostly
    labels (not numbers or dates) and that the next rows match in width. 0 when nothing fits better."""
    widths = [len(row) for row in rows]
    table_width = max(widths, default=0)
    for index, row in enumerate(rows):
        if len(row) < max(2, table_width - 1):
            continue
        labels = sum(1 for cell in row if _is_label(cell))
        if labels * 2 < len(row):
            continue
        following = [w for w in widths[index + 1 : index + 4] if w]
        if all(w <= len(row) and w * 2 > len(row) for w in following):
            return index
    return 0


def parse_amount(text: str, number_format: str = "guess") -> Decimal | None:
    """The signed amount in a cell (`1.234,56-` is -1234.56), or None when the text is not an amount (an empty
    cell is None too). Currency symbols and codes around the number are dropped."""
    text = (text or "").strip()
    for space in _GROUPING:
        text = text.replace(space, "")
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    # A currency code or symbol next to the number goes; any other letter means this is not an amount.
    text = "".join(ch for ch in _CURRENCY_CODE.sub("", text) if unicodedata.category(ch) != "Sc")
    if text.endswith("-"):
        negative, text = not negative, text[:-1]
    elif text.endswith("+"):
        text = text[:-1]
    if text.startswith("-"):
        negative, text = not negative, text[1:]
    elif text.startswith("+"):
        text = text[1:]
    if not text or not re.fullmatch(r"[\d.,]*\d[\d.,]*", text):
        return None
    text = _plain(text, number_format)
    if text is None:
        return None
    try:
        amount = Decimal(text)
    except InvalidOperation:
        return None
    return -amount if negative else amount


def _plain(text, number_format):
    """`1234.56` from the digits and separators, read by the number format; None when they do not fit it."""
    if number_format == "guess":
        number_format = _guess(text)
    decimal, grouping = (",", ".") if number_format == "comma" else (".", ",")
    if text.count(decimal) > 1:
        return None
    whole, _sep, fraction = text.partition(decimal)
    if grouping in whole and not re.fullmatch(r"\d{1,3}(" + re.escape(grouping) + r"\d{3})+", whole):
        return None
    if grouping in fraction:
        return None
    whole = whole.replace(grouping, "") or "0"
    return f"{whole}.{fraction}" if fraction else whole


def _guess(text):
    """Which separator is the decimal one: the last of two kinds; one that comes twice groups thousands; a single
    one followed by exactly three digits groups thousands too (`1.234` is one thousand two hundred and
    thirty-four, as a European bank means it)."""
    last_comma, last_point = text.rfind(","), text.rfind(".")
    if last_comma >= 0 and last_point >= 0:
        return "comma" if last_comma > last_point else "point"
    separator = "," if last_comma >= 0 else "."
    if separator not in text:
        return "point"
    if text.count(separator) > 1 or len(text) - text.rfind(separator) - 1 == 3:
        return "point" if separator == "," else "comma"
    return "comma" if separator == "," else "point"


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?")
_PARTS = re.compile(r"(\d{1,4})[./\-](\d{1,2})[./\-](\d{1,4})")


def parse_date(text: str, order: str = "dmy") -> dt.date | None:
    """The date in a cell: ISO (`2026-03-31`, also what a workbook's date cells become) whatever the order, else
    three numbers separated by dots, slashes or dashes in the given order (two-digit years are 20xx)."""
    text = (text or "").strip()
    match = _ISO.fullmatch(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _PARTS.fullmatch(text)
        if not match:
            return None
        a, b, c = (int(g) for g in match.groups())
        day, month, year = {"dmy": (a, b, c), "mdy": (b, a, c), "ymd": (c, b, a)}[order]
        if year < 100:
            year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
