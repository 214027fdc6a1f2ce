"""msp.widgets.PlainSelect draws the very HTML of Django's Select (its templates), only without the engine."""

import datetime as dt
from decimal import Decimal

import pytest
from django import forms
from django.utils import translation

from msp.widgets import PlainSelect

CHOICES = [
    ("", "Any"),
    (1, "A <b> & c"),
    ('x"y', "Zürich"),
    ("Group", [(3, "three"), (4, "four")]),
    (5, 12345),  # a number or a date for a label is localised, as a template does
    (6, Decimal("1234.5")),
    (7, dt.date(2026, 12, 1)),
]
ATTRS = {"class": "form-select form-select-sm", "required": True, "data-x": "a&b", "disabled": False}


@pytest.mark.parametrize("language", ["en", "fr", "de"])
@pytest.mark.parametrize("value", [None, "", "1", ['x"y'], "3", ["1", "4"], "not a choice"])
def test_it_draws_what_djangos_select_draws(value, language):
    with translation.override(language):
        django = forms.Select(attrs=ATTRS, choices=CHOICES).render("status", value, attrs={"id": "id_status"})
        plain = PlainSelect(attrs=ATTRS, choices=CHOICES).render("status", value, attrs={"id": "id_status"})
    assert plain == django


def test_it_draws_a_filters_dropdown_as_before():
    class Form(forms.Form):
        status = forms.ChoiceField(choices=CHOICES, widget=forms.Select(attrs=ATTRS))
        plain = forms.ChoiceField(choices=CHOICES, widget=PlainSelect(attrs=ATTRS))

    form = Form({"status": "3", "plain": "3"})
    assert str(form["plain"]).replace("plain", "status") == str(form["status"])
