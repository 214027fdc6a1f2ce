"""The SDG page lists the targets a partnership contributes to: those it names and those its indicators inform,
grouped by goal, each with the indicators informing it (and their latest light) and the results they measure; a
named target no indicator informs is flagged."""

import re

import pytest
from django.urls import reverse

from msp.models import SdgGoal
from tests.factories import PartnershipFactory, RoleFactory
from tests.monitoring import factories as f
from tests.monitoring.table_world import build


@pytest.fixture
def world(partnership):
    # The partnership (tests/conftest.py) names goal 1 and target 15.2; its indicators inform 2.3 and 1.2.
    return build(partnership)


def _page(client, user, partnership):
    client.force_login(user)
    response = client.get(reverse("monitoring:sdgs", args=[partnership.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _target(html, code):
    start = html.index(f'<tr data-target="{code}">')
    return html[start : html.index("</tr>", start)]


def test_it_lists_the_named_targets_and_those_indicators_inform_by_goal(client, secretariat, partnership, world):
    html = _page(client, secretariat, partnership)
    assert re.findall(r'<table [^>]*data-goal="(\d+)"', html) == ["1", "2", "15"]
    assert re.findall(r'<tr data-target="([\d.]+)">', html) == ["1.2", "2.3", "15.2"]
    assert SdgGoal.objects.get(number=2).display_name in html


def test_each_target_shows_its_indicators_lights_and_results(client, secretariat, partnership, world):
    html = _page(client, secretariat, partnership)
    row = _target(html, "2.3")
    assert "Yield" in row and 'data-light="red"' in row and "Impact: The impact" in row
    assert reverse("monitoring:indicator", args=[partnership.pk, world["yield"].pk]) in row
    assert "Not among the partnership’s targets" in row
    row = _target(html, "1.2")
    assert "Farmers trained" in row and 'data-light="amber"' in row and "Outcome: The outcome" in row


def test_a_named_target_without_indicator_is_flagged(client, secretariat, partnership, world):
    html = _page(client, secretariat, partnership)
    assert "No indicator yet" in _target(html, "15.2")
    assert "No indicator yet" not in _target(html, "2.3")


def test_a_goal_named_without_targets_says_so(client, secretariat, db):
    partnership = PartnershipFactory(sdg_goals=[5])
    RoleFactory(partnership=partnership, user=secretariat, role="secretariat")
    html = _page(client, secretariat, partnership)
    assert 'id="goal-5"' in html and "none of its targets yet" in html


def test_a_donor_sees_lights_of_locked_periods(client, donor, partnership, world):
    html = _page(client, donor, partnership)
    assert 'data-light="green"' in _target(html, "2.3")
    assert 'data-light="none"' in _target(html, "1.2")


def test_another_partnerships_indicators_do_not_count(client, secretariat, partnership, world):
    other = f.IndicatorFactory(partnership=PartnershipFactory())
    other.sdg_targets.add("6.1")
    assert 'data-target="6.1"' not in _page(client, secretariat, partnership)


def test_with_nothing_named_the_secretariat_is_shown_where_to_name_sdgs(client, secretariat, db):
    partnership = PartnershipFactory()
    RoleFactory(partnership=partnership, user=secretariat, role="secretariat")
    html = _page(client, secretariat, partnership)
    assert "No SDG named yet." in html and reverse("msp:partnership_edit", args=[partnership.pk]) in html
