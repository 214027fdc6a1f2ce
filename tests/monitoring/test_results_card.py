"""The dashboard's results card: indicators on track, at risk, off track and without data, overdue data, a link to
the indicator table; an empty state. Donors count checked (locked) data only."""

import re

import pytest
from django.urls import reverse

from tests.monitoring.table_world import build


def _card(client, user, partnership):
    client.force_login(user)
    html = client.get(reverse("msp:dashboard", args=[partnership.pk])).content.decode()
    start = html.index('id="results-card"')
    return html[start : html.index("</section>", start)]


def _counts(card):
    return dict(re.findall(r'data-count="(\w+)">(\d+)<', card))


@pytest.fixture
def world(partnership):
    return build(partnership)


def test_it_counts_indicators_by_light_and_overdue_data(client, secretariat, partnership, world):
    card = _card(client, secretariat, partnership)
    assert _counts(card) == {"green": "0", "amber": "1", "red": "2", "none": "1", "overdue": "1"}
    assert "4 indicators" in card
    table = reverse("monitoring:indicators", args=[partnership.pk])
    assert f'href="{table}"' in card and f'href="{table}?status=red"' in card


def test_a_donor_counts_checked_data_only(client, donor, partnership, world):
    card = _card(client, donor, partnership)
    assert _counts(card) == {"green": "1", "amber": "0", "red": "0", "none": "3", "overdue": "0"}
    assert "checked and locked" in card


def test_without_indicators_it_says_what_to_do(client, secretariat, partner, partnership):
    assert "Define them on the Results tab" in _card(client, secretariat, partnership)
    assert "the secretariat has not defined them" in _card(client, partner, partnership)
