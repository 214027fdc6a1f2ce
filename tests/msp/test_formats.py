"""Dates and numbers follow the language: month names from Django's catalogues, separators from its formats."""

import datetime as dt
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format

from msp.templatetags.msp_tags import money


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "EUR 1,250,000.50"), ("fr", "EUR 1\xa0250\xa0000,50"), ("de", "EUR 1.250.000,50")],
)
def test_money_is_formatted_for_the_language(language, expected):
    with translation.override(language):
        assert money(Decimal("1250000.5"), "EUR") == expected


@pytest.mark.parametrize(("language", "month"), [("en", "December"), ("fr", "décembre"), ("de", "Dezember")])
def test_templates_name_the_month_in_the_language(language, month):
    with translation.override(language):
        text = Template('{{ day|date:"j F Y" }} {{ n|floatformat:1 }}').render(
            Context({"day": dt.date(2026, 12, 5), "n": 1234.5})
        )
    assert text.startswith(f"5 {month} 2026 ")
    assert text.endswith("1234,5" if language in ("fr", "de") else "1234.5")


def test_pages_write_dates_the_way_each_language_does():
    day = dt.date(2025, 9, 1)
    written = {}
    for language in ("en", "fr", "de"):
        with translation.override(language):
            written[language] = date_format(day)  # what `{{ value|date }}` gives
    assert written == {"en": "1 Sep 2025", "fr": "1 sept. 2025", "de": "1. Sept. 2025"}
