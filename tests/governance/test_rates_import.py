"""Reading a file of exchange rates: headers in three languages, decimal commas, and what each row becomes."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied

from governance import rate_import
from governance.models import ExchangeRate
from governance.services import rates as services
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _preview(text, name="rates.csv"):
    return rate_import.preview(name, text.encode("utf-8"))


def test_english_headers_and_points():
    preview = _preview("date,base,quote,rate\n2026-01-01,EUR,USD,1.0845\n2026-01-01,eur,xof,655.957\n")
    assert preview.valid and not preview.problems
    assert [(r.base, r.quote, r.date, r.rate, r.status) for r in preview.rows] == [
        ("EUR", "USD", dt.date(2026, 1, 1), D("1.0845"), "new"),
        ("EUR", "XOF", dt.date(2026, 1, 1), D("655.957"), "new"),
    ]


def test_german_headers_semicolons_decimal_commas_and_german_dates():
    preview = _preview("Datum;Basiswährung;Kurswährung;Kurs\n01.03.2026;EUR;XOF;655,957\n02.03.2026;USD;KES;1.129,5\n")
    assert preview.valid, (preview.problems, [r.errors for r in preview.rows])
    assert [(r.date, r.rate) for r in preview.rows] == [
        (dt.date(2026, 3, 1), D("655.957")),
        (dt.date(2026, 3, 2), D("1129.5")),
    ]


def test_french_headers_and_dates():
    preview = _preview("Date;Devise de base;Devise de cotation;Taux\n01/03/2026;GHS;EUR;0,0784\n")
    assert preview.valid, preview.problems
    assert (preview.rows[0].date, preview.rows[0].rate) == (dt.date(2026, 3, 1), D("0.0784"))


def test_a_file_without_the_columns_says_which_are_missing():
    preview = _preview("when,amount\n2026-01-01,3\n")
    assert not preview.valid
    assert "Missing columns: Date, Base currency, Quote currency, Rate." in preview.problems[0]


def test_bad_rows_get_their_errors_in_words():
    preview = _preview(
        "date,base,quote,rate\n"
        "2026-13-01,EUR,USD,1.1\n"
        "2026-01-01,EUR,ZZZ,1.1\n"
        "2026-01-01,EUR,EUR,1\n"
        "2026-01-01,EUR,USD,-1.1\n"
        "2026-01-01,EUR,USD,0\n"
        "2026-01-01,EUR,GBP,1.12345678901\n"
    )
    errors = {r.number: r.errors for r in preview.rows}
    assert not preview.valid
    assert errors[2] == ["“2026-13-01” is not a date (2026-03-01, 01.03.2026 or 01/03/2026)."]
    assert errors[3] == ["“ZZZ” is not an ISO 4217 currency code."]
    assert errors[4] == ["The base and quote currencies are the same."]
    assert errors[5] == ["“-1.1” is not a positive number."]
    assert errors[6] == ["The rate must be greater than zero."]
    assert errors[7] == ["A rate has at most 10 decimals."]


def test_a_recorded_rate_is_skipped_and_a_different_one_is_an_error():
    ExchangeRate.objects.create(base_id="EUR", quote_id="USD", date=dt.date(2026, 1, 1), rate=D("1.0845"))
    preview = _preview('date,base,quote,rate\n2026-01-01,EUR,USD,"1,0845"\n2026-02-01,EUR,USD,1.09\n')
    assert [(r.status, r.note) for r in preview.rows] == [("already", "already recorded"), ("new", "")]
    assert preview.valid
    preview = _preview("date,base,quote,rate\n2026-01-01,EUR,USD,1.09\n")
    assert preview.rows[0].errors == ["A different rate is recorded for EUR/USD on 2026-01-01: 1.0845."]
    assert not preview.valid


def test_a_row_repeated_in_the_file():
    preview = _preview(
        "date,base,quote,rate\n2026-01-01,EUR,USD,1.1\n2026-01-01,EUR,USD,1.10\n2026-01-01,EUR,USD,1.2\n"
    )
    assert [r.status for r in preview.rows[:2]] == ["new", "already"]
    assert preview.rows[2].errors == ["Row 2 gives another rate for the same currencies and date."]


def test_a_file_of_known_rates_only_has_nothing_to_import():
    ExchangeRate.objects.create(base_id="EUR", quote_id="USD", date=dt.date(2026, 1, 1), rate=D("1.1"))
    preview = _preview("date,base,quote,rate\n2026-01-01,EUR,USD,1.1\n")
    assert not preview.valid and not preview.errors and preview.already


def test_the_import_writes_the_new_rates_only(secretariat):
    ExchangeRate.objects.create(base_id="EUR", quote_id="USD", date=dt.date(2026, 1, 1), rate=D("1.1"))
    content = b"date,base,quote,rate\n2026-01-01,EUR,USD,1.1\n2026-02-01,EUR,USD,1.2\n"
    services.rates_import(by=secretariat, filename="r.csv", content=content, source="ECB")
    feb = ExchangeRate.objects.get(date=dt.date(2026, 2, 1))
    assert (feb.rate, feb.source, feb.recorded_by) == (D("1.2"), "ECB", secretariat)
    assert ExchangeRate.objects.count() == 2


def test_an_import_that_became_invalid_writes_nothing(secretariat):
    content = b"date,base,quote,rate\n2026-01-01,EUR,USD,1.1\n2026-02-01,EUR,USD,1.2\n"
    ExchangeRate.objects.create(base_id="EUR", quote_id="USD", date=dt.date(2026, 2, 1), rate=D("1.25"))
    with pytest.raises(services.ImportRefused) as refused:
        services.rates_import(by=secretariat, filename="r.csv", content=content)
    assert refused.value.preview.errors
    assert ExchangeRate.objects.count() == 1


def test_only_secretariat_staff_import(partner):
    with pytest.raises(PermissionDenied):
        services.rates_import(by=partner, filename="r.csv", content=b"date,base,quote,rate\n2026-01-01,EUR,USD,1\n")
    with pytest.raises(PermissionDenied):
        services.rates_import(by=UserFactory(), filename="r.csv", content=b"date,base,quote,rate\n")
    assert not ExchangeRate.objects.exists()
