"""Conversions against hand-computed figures, and rounding to the currency's minor unit (display only)."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.template import Context, Template
from django.utils import translation

from governance.models import ExchangeRate
from governance.money import RateBook
from msp.money import minor_unit, round_money

JAN, FEB, MAR = dt.date(2026, 1, 1), dt.date(2026, 2, 1), dt.date(2026, 3, 1)


def book(*rows):
    return RateBook.from_rows([(b, q, d, D(r)) for b, q, d, r in rows])


def test_the_same_currency_is_unchanged():
    result = book().convert(D("12.345"), "EUR", "EUR", JAN)
    assert result.amount == D("12.345") and result.rate.how == "same"
    assert result.rate.how_label == "same currency"


def test_a_direct_rate_multiplies():
    result = book(("EUR", "USD", JAN, "1.0845")).convert(D("1000"), "EUR", "USD", FEB)
    assert result.amount == D("1084.5")
    assert (result.rate.how, result.rate.date, result.rate.value) == ("direct", JAN, D("1.0845"))


def test_an_inverted_rate_divides():
    # 1 EUR = 1.25 USD, so 100 USD = 80 EUR
    result = book(("EUR", "USD", JAN, "1.25")).convert(D("100"), "USD", "EUR", FEB)
    assert result.amount == D("80")
    assert (result.rate.how, result.rate.date) == ("inverted", JAN)


def test_a_common_currency_bridges_two_without_a_rate():
    # 1 EUR = 655.957 XOF and 1 EUR = 1.10 USD: 655,957 XOF = 1,000 EUR = 1,100 USD
    rates = book(("EUR", "XOF", JAN, "655.957"), ("EUR", "USD", FEB, "1.10"))
    result = rates.convert(D("655957"), "XOF", "USD", MAR)
    assert result.amount == D("1100")
    assert (result.rate.how, result.rate.via) == ("through", "EUR")
    assert result.rate.date == JAN  # the older of the two rates
    assert result.rate.how_label == "through EUR"
    # and through a currency that is the quote of both: 1 USD = 130 KES, 1 USD = 10 GHS, so 1,300 KES = 100 GHS
    result = book(("USD", "KES", JAN, "130"), ("USD", "GHS", JAN, "10")).convert(D("1300"), "KES", "GHS", FEB)
    assert result.amount == D("100") and result.rate.via == "USD"


def test_the_latest_rate_on_or_before_the_date_is_used_never_a_later_one():
    rates = book(("EUR", "USD", JAN, "1.10"), ("EUR", "USD", FEB, "1.20"), ("EUR", "USD", MAR, "1.30"))
    assert rates.convert(D("10"), "EUR", "USD", dt.date(2026, 2, 28)).amount == D("12.00")
    assert rates.convert(D("10"), "EUR", "USD", FEB).amount == D("12.00")  # on the day itself
    assert rates.convert(D("10"), "EUR", "USD", dt.date(2026, 1, 31)).amount == D("11.00")


def test_a_direct_and_an_inverted_rate_the_later_one_counts():
    rates = book(("EUR", "USD", JAN, "1.10"), ("USD", "EUR", FEB, "0.80"))
    assert rates.convert(D("8"), "USD", "EUR", MAR).amount == D("6.40")  # direct USD→EUR of February
    assert rates.convert(D("8"), "EUR", "USD", MAR).amount == D("10")  # inverted 0.80 (February), not 1.10
    assert rates.convert(D("8"), "EUR", "USD", JAN).amount == D("8.80")  # in January only the direct one exists


def test_no_rate_gives_no_amount_and_says_so():
    rates = book(("EUR", "USD", MAR, "1.10"), ("EUR", "XOF", MAR, "655.957"))
    result = rates.convert(D("500"), "XOF", "EUR", dt.date(2026, 2, 28))  # the only rate is later
    assert result.amount is None and not result.ok
    assert result.missing == "no rate for XOF on 2026-02-28"
    assert book().convert(D("1"), "KES", "EUR", MAR).missing == "no rate for KES on 2026-03-01"
    with translation.override("fr"):
        assert "XOF" in book().convert(D("1"), "XOF", "EUR", MAR).missing
        assert book().convert(D("1"), "XOF", "EUR", MAR).missing != "no rate for XOF on 2026-03-01"


def test_conversions_keep_every_decimal_and_round_only_for_display():
    result = book(("EUR", "USD", JAN, "1.0845")).convert(D("0.115"), "EUR", "USD", JAN)
    assert result.amount == D("0.1247175")  # not rounded inside the conversion
    assert result.rounded() == D("0.12")
    thirds = book(("EUR", "USD", JAN, "3")).convert(D("1"), "USD", "EUR", JAN)
    assert str(thirds.amount).startswith("0.33333333333333333333333333333")  # 34 significant digits


def test_minor_units_follow_the_currency():
    assert (minor_unit("EUR"), minor_unit("JPY"), minor_unit("KWD"), minor_unit("XOF")) == (2, 0, 3, 0)
    assert minor_unit(None) == 2


def test_rounding_is_half_up_to_the_minor_unit():
    assert round_money(D("0.125"), "EUR") == D("0.13")
    assert round_money(D("0.124"), "EUR") == D("0.12")
    assert round_money(D("2.5"), "JPY") == D("3")
    assert round_money(D("1234.4"), "JPY") == D("1234")
    assert round_money(D("1.0005"), "KWD") == D("1.001")


def _money(amount, code):
    return Template("{% load msp_tags %}{{ amount|money:code }}").render(Context({"amount": amount, "code": code}))


def test_the_money_filter_shows_the_currencys_minor_unit():
    with translation.override("en"):
        assert _money(D("0.125"), "EUR") == "EUR 0.13"
        assert _money(D("1250000.4"), "JPY") == "JPY 1,250,000"
        assert _money(D("3.1255"), "KWD") == "KWD 3.126"
        assert _money(D("655957"), "XOF") == "XOF 655,957"
    with translation.override("de"):
        assert _money(D("1234.5"), "EUR") == "EUR 1.234,50"


@pytest.mark.django_db
def test_the_book_loads_in_one_query_and_keeps_what_a_bridge_needs(django_assert_num_queries):
    ExchangeRate.objects.create(base_id="EUR", quote_id="XOF", date=JAN, rate=D("655.957"))
    ExchangeRate.objects.create(base_id="EUR", quote_id="USD", date=JAN, rate=D("1.10"))
    ExchangeRate.objects.create(base_id="GBP", quote_id="CHF", date=JAN, rate=D("1.12"))
    with django_assert_num_queries(1):
        rates = RateBook.load(["XOF", "USD"])
    assert rates.convert(D("655957"), "XOF", "USD", FEB).amount == D("1100")
    assert ("GBP", "CHF") not in rates.pairs
    assert RateBook.load(until=dt.date(2025, 12, 31)).pairs == {}


def test_a_conversion_says_which_rate_it_used_in_words():
    rates = book(("EUR", "XOF", JAN, "655.957"), ("EUR", "USD", FEB, "1.10"))
    with translation.override("en"):
        assert (
            rates.rate("EUR", "XOF", MAR).describe("EUR", "XOF") == "1 EUR = 655.957 XOF, rate of 1 Jan 2026 (direct)"
        )
        assert rates.rate("USD", "EUR", MAR).describe("USD", "EUR") == (
            "1 USD = 0.909091 EUR, rate of 1 Feb 2026 (inverted)"
        )
        assert rates.rate("XOF", "USD", MAR).describe("XOF", "USD").endswith("rate of 1 Jan 2026 (through EUR)")
        assert rates.rate("USD", "USD", MAR).describe("USD", "USD") == "same currency"
    with translation.override("de"):
        assert (
            rates.rate("EUR", "XOF", MAR).describe("EUR", "XOF")
            == "1 EUR = 655,957 XOF, Kurs vom 1. Jan. 2026 (direkt)"
        )
