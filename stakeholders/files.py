"""Spreadsheet files as bytes: writing CSV and XLSX that no spreadsheet program evaluates, and reading them back in
bounded time and memory.

Writing. The registry is shared by all partnerships, so a text typed by the secretariat of one partnership reaches
the exports of another: a cell that starts like a formula (``=``, ``+``, ``-``, ``@``, tab, carriage return) must
arrive as text. In a CSV it gets a leading apostrophe (what Excel and LibreOffice take as "this is text"), which
the import removes again; in an XLSX it is a string cell marked "quote prefix", its text unchanged.

Reading. A file is read as a stream and given up as soon as it has more rows than an import takes: an XLSX is a
zip archive, and a few hundred kilobytes of it can unpack into a million rows. The dimension an XLSX declares is
not trusted (it can lie in both directions). Text files are decoded by their byte-order mark (Excel's "Unicode
text" is UTF-16), else as UTF-8, else as Windows-1252.
"""

import codecs
import csv
import datetime as dt
import io
import re
import zipfile

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

MAX_BYTES = settings.IMPORT_MAX_MB * 1024 * 1024  # also checked on upload (msp.uploads)
MAX_ROWS = 2000
# Blank rows are skipped, but not without end: a file with more rows than this, filled or not, is refused.
MAX_PHYSICAL_ROWS = 5 * MAX_ROWS
MAX_COLUMNS = 64
# What the parts of an XLSX may unpack to in all: 2,000 rows of 30 long cells are a few megabytes.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
# openpyxl reads the shared-string table and the styles whole before the first row, at some 17 microseconds a
# string: a million one-letter strings (46 KB zipped) took 17 seconds. 2,000 rows of 19 columns hold at most
# 38,000 different texts; the other XML parts of a spreadsheet are kilobytes.
MAX_SHARED_STRINGS = 50_000
MAX_SHARED_STRINGS_BYTES = 20 * 1024 * 1024
MAX_OTHER_PART_BYTES = 1024 * 1024

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class FileProblem(Exception):
    """The file as a whole cannot be read: nothing in it is looked at further."""


class TooManyRows(FileProblem):
    pass


def too_many_rows() -> TooManyRows:
    return TooManyRows(_("The file has more than %(max)d rows; import at most %(max)d at a time.") % {"max": MAX_ROWS})


# --- writing -----------------------------------------------------------------------------------------------------


def _looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_START)


def neutralise(value):
    """A CSV cell that no spreadsheet evaluates: text starting like a formula gets a leading apostrophe. So does
    text that already starts with apostrophes before such a character, so `restore` gives back exactly what was
    typed."""
    if isinstance(value, str) and _looks_like_formula(value.lstrip("'")):
        return "'" + value
    return value


def restore(text: str) -> str:
    """The text as typed, from a CSV cell written by `neutralise` (or by a person marking a cell as text)."""
    if text.startswith("'") and _looks_like_formula(text[1:].lstrip("'")):
        return text[1:]
    return text


def csv_bytes(headers, rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if v is None else neutralise(v) for v in row])
    # A byte-order mark, so Excel reads the accents of "Côte d'Ivoire" right; the import skips it.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(headers, rows, title) -> bytes:
    """A workbook of one sheet: bold headers, frozen first row, every text a string cell (never a formula)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = re.sub(r"[\\/*?:\[\]]", "-", str(title))[:31] or "Sheet"
    widths = [len(str(h)) for h in headers]
    for column, header in enumerate(headers, start=1):
        sheet.cell(row=1, column=column, value=str(header)).font = Font(bold=True)
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=number, column=column)
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
                cell.value = value
                cell.data_type = "s"  # openpyxl would take "=..." for a formula
                if _looks_like_formula(value):
                    cell.quotePrefix = True  # as if typed with an apostrophe: stays text when edited
            else:
                cell.value = value
            if column <= len(widths):
                widths[column - 1] = max(widths[column - 1], len(str(value or "")))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(width + 2, 60)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# --- reading -----------------------------------------------------------------------------------------------------


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def decode(content: bytes) -> str:
    """Text by the byte-order mark (UTF-8, UTF-16 or UTF-32), else UTF-8, else Windows-1252."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if content.startswith(bom):
            try:
                return content.decode(encoding).lstrip("\ufeff")
            except UnicodeDecodeError:
                break
    else:
        for encoding in ("utf-8", "cp1252"):
            try:
                text = content.decode(encoding)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text:
                return text
    raise FileProblem(_("The file is not text in a known encoding. Save it as CSV (UTF-8) or as XLSX."))


def _kept(rows):
    """Rows up to the limits, as lists of cell texts; TooManyRows as soon as a limit is passed."""
    filled = 0
    for physical, row in enumerate(rows, start=1):
        if physical > MAX_PHYSICAL_ROWS + 1:
            raise too_many_rows()
        cells = [cell_text(v) for v in row[:MAX_COLUMNS]]
        if physical > 1 and any(cells):
            filled += 1
            if filled > MAX_ROWS:
                raise too_many_rows()
        yield cells


def _count_shared_strings(archive, info) -> int:
    """The <si> elements of the shared-string table, counted in the raw bytes (fast), prefixed or not."""
    pattern = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s/>]")
    count, tail = 0, b""
    with archive.open(info) as part:
        while chunk := part.read(1024 * 1024):
            data = tail + chunk
            count += len(pattern.findall(data))
            tail = data[-16:]
            count -= len(pattern.findall(tail))  # counted again with the next chunk
    return count + len(pattern.findall(tail))


def _check_parts(archive):
    """Refuse, before openpyxl parses anything, a workbook whose parts would take long to read."""
    too_big = _(
        "The workbook is too large or too complex to read at once (an import takes at most %(max)d rows). "
        "Split it into smaller files, or save it as CSV."
    ) % {"max": MAX_ROWS}
    infos = archive.infolist()
    if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
        raise FileProblem(too_big)
    for info in infos:
        name = info.filename.lower()
        if name.startswith("xl/worksheets/") or not name.endswith((".xml", ".rels")):
            continue  # sheets are read as a stream, pictures are not read
        if name.endswith("sharedstrings.xml"):
            if info.file_size > MAX_SHARED_STRINGS_BYTES or _count_shared_strings(archive, info) > MAX_SHARED_STRINGS:
                raise FileProblem(too_big)
        elif info.file_size > MAX_OTHER_PART_BYTES:
            raise FileProblem(too_big)


def read_xlsx(content: bytes) -> list[list[str]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        _check_parts(archive)
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except FileProblem:
        raise
    except Exception as exc:  # openpyxl and zipfile raise many unrelated types for a broken workbook
        raise FileProblem(_("The file could not be read as an Excel workbook (.xlsx): %(why)s") % {"why": exc}) from exc
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # the declared size may lie; read what is there
        return list(_kept(sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)))
    except FileProblem:
        raise
    except Exception as exc:
        raise FileProblem(_("The file could not be read as an Excel workbook (.xlsx): %(why)s") % {"why": exc}) from exc
    finally:
        workbook.close()


def read_csv(content: bytes) -> list[list[str]]:
    text = decode(content)
    first_line = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first_line.count)
    try:
        rows = list(_kept(csv.reader(io.StringIO(text), delimiter=delimiter)))
    except csv.Error as exc:
        raise FileProblem(_("The file is not valid CSV: %(why)s") % {"why": exc}) from exc
    rows = [[restore(cell).strip() for cell in row] for row in rows]
    width = len(rows[0]) if rows else 0
    for number, row in enumerate(rows[1:], start=2):
        if row and len(row) != width:
            raise FileProblem(
                _("Row %(n)d has %(cells)d cells, but the first row names %(width)d columns.")
                % {"n": number, "cells": len(row), "width": width}
            )
    return rows


def read_table(filename: str, content: bytes) -> tuple[list[str], list[list[str]]]:
    """(headers, rows of cell texts) from a .csv, .txt or .xlsx file; FileProblem when it cannot be read."""
    if len(content) > MAX_BYTES:
        raise FileProblem(_("The file is larger than 5 MB. Split it into smaller files."))
    name = (filename or "").lower()
    if name.endswith(".xlsx"):
        rows = read_xlsx(content)
    elif name.endswith((".csv", ".txt")):
        rows = read_csv(content)
    else:
        raise FileProblem(_("Upload a .csv or .xlsx file (this one is “%(name)s”).") % {"name": filename})
    if not rows or not any(rows[0]):
        raise FileProblem(_("The file is empty: its first row must name the columns."))
    headers = rows[0]
    while headers and not headers[-1]:
        headers = headers[:-1]
    width = max(len(headers), max((len(r) for r in rows[1:]), default=0))
    headers = headers + [""] * (width - len(headers))
    return headers, [r + [""] * (width - len(r)) for r in rows[1:]]
