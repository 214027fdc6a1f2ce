"""The balance rules (PM-1, SR-9, PM-3): a passing and a failing case each, the evidence naming the records."""

import pytest

from phases.catalogue import Result
from tests.factories import PartnershipFactory
from tests.governance.checks_world import body, check, commitment, line, members, node, roadmap

pytestmark = pytest.mark.django_db


@pytest.fixture
def partnership():
    return PartnershipFactory(phase=3, currency_id="EUR")


def test_pm1_passes_when_most_of_the_budget_serves_results(partnership):
    impact = node(roadmap(partnership), "impact", "Farmers thrive")
    line(partnership, "activities", 900, node_key=impact.key)
    line(partnership, "other", 100, description="Bank fees")
    finding = check(partnership, "PM-1", linked_percent=90)
    assert finding.result == Result.PASS
    assert finding.evidence == "90 % of the budget is linked to a result of the results chain."


def test_pm1_fails_naming_unlinked_lines(partnership):
    assert check(partnership, "PM-1").evidence == "No budget is planned yet."
    impact = node(roadmap(partnership), "impact", "Farmers thrive")
    line(partnership, "activities", 500, node_key=impact.key)
    line(partnership, "other", 500, description="Bank fees")
    finding = check(partnership, "PM-1")
    assert finding.result == Result.FAIL
    assert finding.evidence == "50 % of the budget is linked to results, less than 85 %; not linked: Bank fees."


def test_sr9_warns_naming_members_committing_more_staff_time_than_declared(partnership):
    (acme,) = members(partnership, "Acme Ltd", capacity_person_days=100)
    (river,) = members(partnership, "River NGO", capacity_person_days=300)
    commitment(partnership, acme, type="staff_time", quantity=150)
    commitment(partnership, river, type="staff_time", quantity=150)
    commitment(partnership, river, type="staff_time", quantity=500, year=2027)  # another year
    finding = check(partnership, "SR-9")
    assert finding.result == Result.WARN
    assert finding.evidence == (
        "1 member commits more staff time in 2026 than it declared: Acme Ltd (150 of 100 person-days)."
    )


def test_sr9_hint_passes_within_capacity(partnership):
    (acme,) = members(partnership, "Acme Ltd", capacity_person_days=200)
    commitment(partnership, acme, type="staff_time", quantity=150)
    assert check(partnership, "SR-9").result == Result.PASS


def test_pm3_warns_on_a_dominant_funder_in_the_chair_and_a_contributor_without_a_seat(partnership):
    acme, river, lake = members(partnership, "Acme Ltd", "River NGO", "Lake Board")
    body(partnership, seats=[acme, river], chair=acme)
    commitment(partnership, acme, 900)
    commitment(partnership, lake, 100, type="goods")
    finding = check(partnership, "PM-3")
    assert finding.result == Result.WARN
    assert "Acme Ltd provides 100 % of the cash and chairs a body" in finding.evidence
    assert "contributors without a seat: Lake Board" in finding.evidence


def test_pm3_hint_passes_when_contributors_sit_and_no_dominant_funder_chairs(partnership):
    acme, river = members(partnership, "Acme Ltd", "River NGO")
    body(partnership, seats=[acme, river], chair=river)
    commitment(partnership, acme, 600)
    commitment(partnership, river, 400)
    finding = check(partnership, "PM-3")
    assert finding.result == Result.PASS
    assert finding.evidence == "2 contributing members, each with a seat; no dominant funder chairs a body."


def test_long_lists_of_names_are_cut_after_five_and_each_name_comes_once(partnership):
    impact = node(roadmap(partnership), "impact", "Farmers thrive")
    line(partnership, "activities", 100, node_key=impact.key)
    for i in range(7):
        line(partnership, "other", 100, description=f"Cost {i}")
    line(partnership, "other", 100, year=2027, description="Cost 0")  # the same description another year
    finding = check(partnership, "PM-1")
    assert finding.evidence.endswith("not linked: Cost 0, Cost 1, Cost 2, Cost 3, Cost 4 and 2 more.")
