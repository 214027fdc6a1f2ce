"""How the bank import reads what banks write: amounts with decimal commas, grouping and signs in every place,
dates in three orders, separators it has to guess, and the header block above the table."""

import datetime as dt
from decimal import Decimal

import pytest

from governance.bank_files import find_header_row, parse_amount, parse_date, sniff_delimiter
from governance.transaction_import import guess_mapping, header_key


@pytest.mark.parametrize(
    ("text", "number_format", "expected"),
    [
        ("1.234,56", "guess", "1234.56"),
        ("1.234,56", "comma", "1234.56"),
        ("1,234.56", "guess", "1234.56"),
        ("1,234.56", "point", "1234.56"),
        ("-1.234,56", "guess", "-1234.56"),
        ("1.234,56-", "guess", "-1234.56"),
        ("(1,234.56)", "guess", "-1234.56"),
        ("1\u202f234,56", "guess", "1234.56"),
        ("1 234,56 €", "comma", "1234.56"),
        ("€ -12,50", "guess", "-12.50"),
        ("EUR 1.234.567,89", "guess", "1234567.89"),
        ("$1,000", "point", "1000"),
        ("12,5", "guess", "12.5"),
        ("0.5", "guess", "0.5"),
        ("1.234", "guess", "1234"),
        ("1.234", "point", "1.234"),
    ],
)
def test_it_reads_amounts_as_banks_write_them(text, number_format, expected):
    assert parse_amount(text, number_format) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "abc", "12,34,56.7.8", "1.234,56", "Kontostand"])
def test_it_refuses_what_is_not_an_amount_in_the_format(text):
    # "1.234,56" read with a decimal point has its grouping after the decimals: not a number.
    assert parse_amount(text, "point") is None


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("31.03.2026", "dmy", dt.date(2026, 3, 31)),
        ("31/03/2026", "dmy", dt.date(2026, 3, 31)),
        ("03/31/2026", "mdy", dt.date(2026, 3, 31)),
        ("2026-03-31", "mdy", dt.date(2026, 3, 31)),
        ("31.03.26", "dmy", dt.date(2026, 3, 31)),
        ("2026/03/31", "ymd", dt.date(2026, 3, 31)),
    ],
)
def test_it_reads_dates_in_the_order_chosen(text, order, expected):
    assert parse_date(text, order) == expected


@pytest.mark.parametrize("text", ["", "31.02.2026", "morgen", "13/13/2026"])
def test_it_refuses_what_is_not_a_date(text):
    assert parse_date(text, "dmy") is None


def test_it_finds_the_separator_of_the_table_not_of_the_header_block():
    text = "Konto, Girokonto\nZeitraum, März\nDatum;Betrag;Text\n01.03.2026;1,00;a, b\n02.03.2026;2,00;c\n"
    assert sniff_delimiter(text) == ";"
    assert sniff_delimiter("Date,Amount,Memo\n2026-03-01,1.00,x\n") == ","
    assert sniff_delimiter("Date\tAmount\tMemo\n2026-03-01\t1.00\tx\n") == "\t"


def test_it_finds_the_header_row_under_the_header_block():
    rows = [
        ["Umsatzanzeige"],
        ["IBAN", "DE12 5005 0201 0012 3456 78"],
        ["Kontostand", "12.345,67 EUR"],
        [],
        ["Buchungstag", "Valuta", "Auftraggeber / Begünstigter", "Verwendungszweck", "Soll", "Haben", "Währung"],
        ["02.03.2026", "02.03.2026", "Fund", "Zuschuss", "", "25.000,00", "EUR"],
    ]
    assert find_header_row(rows) == 4


def test_it_maps_german_and_french_headers_by_their_names():
    german = guess_mapping(["Buchungstag", "Valuta", "Auftraggeber / Begünstigter", "Verwendungszweck", "Soll",
                            "Haben", "Währung"])  # fmt: skip
    assert german.columns == {
        "date": 0, "amount": None, "debit": 4, "credit": 5, "currency": 6, "counterpart": 2, "reference": None,
        "description": 3,
    }  # fmt: skip
    french = guess_mapping(["Date d'opération", "Libellé", "Tiers", "Débit", "Crédit", "Référence"])
    assert (french.columns["date"], french.columns["debit"], french.columns["credit"]) == (0, 3, 4)
    assert (french.columns["description"], french.columns["counterpart"], french.columns["reference"]) == (1, 2, 5)


def test_a_remembered_mapping_wins_when_its_headers_are_all_there():
    remembered = {"columns": {"date": "wert", "amount": "summe"}, "number_format": "comma", "currency": "EUR"}
    mapping = guess_mapping(["Wert", "Summe", "Datum"], remembered)
    assert (mapping.columns["date"], mapping.columns["amount"], mapping.number_format) == (0, 1, "comma")
    assert guess_mapping(["Datum", "Betrag"], remembered).columns["date"] == 0  # other headers: guessed
    assert header_key("  Auftraggeber / Begünstigter ") == "auftraggeber_begünstigter"
