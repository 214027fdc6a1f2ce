"""The resource rules (SR-5, SR-6, SR-7, SR-8, CS-8, PM-2): a passing and a failing case each, the evidence naming
the records; SR-7's largest share is a parameter a partnership may override."""

import datetime as dt

import pytest

from phases.catalogue import Result
from tests.factories import PartnershipFactory
from tests.governance.checks_world import TODAY, check, commitment, decision, line, members

pytestmark = pytest.mark.django_db


@pytest.fixture
def partnership():
    return PartnershipFactory(phase=2, currency_id="EUR")


def test_sr5_passes_when_commitments_cover_the_plan_and_in_phase_3_a_recent_review(partnership):
    (acme,) = members(partnership, "Acme Ltd")
    line(partnership, "activities", 1000)
    commitment(partnership, acme, 600)
    commitment(partnership, acme, 400, type="goods")
    finding = check(partnership, "SR-5")
    assert finding.result == Result.PASS
    assert "EUR 1,000 cover the EUR 1,000 planned for 2026" in finding.evidence

    partnership.phase = 3
    partnership.save()
    finding = check(partnership, "SR-5")
    assert finding.result == Result.FAIL
    assert "not reviewed in the last 3 months" in finding.evidence
    from governance.models import BudgetReview

    BudgetReview.objects.create(partnership=partnership, date=TODAY - dt.timedelta(days=30))
    assert check(partnership, "SR-5").result == Result.PASS


def test_sr5_fails_with_the_gap(partnership):
    (acme,) = members(partnership, "Acme Ltd")
    assert check(partnership, "SR-5").evidence == "No budget is planned for 2026."
    line(partnership, "activities", 1000)
    commitment(partnership, acme, 250)
    finding = check(partnership, "SR-5")
    assert finding.result == Result.FAIL
    assert finding.evidence == "Commitments cover 25 % of the budget planned for 2026: EUR 750 are missing."


def test_sr6_passes_with_the_three_lines_and_fails_naming_the_missing_ones(partnership):
    line(partnership, "secretariat", 100)
    line(partnership, "monitoring", 0)
    finding = check(partnership, "SR-6")
    assert finding.result == Result.FAIL
    assert finding.evidence == "No budget line above zero for: Management and Monitoring and evaluation."
    line(partnership, "management", 100)
    line(partnership, "monitoring", 100)
    assert check(partnership, "SR-6").result == Result.PASS


def test_cs8_hint_passes_with_a_capacity_line_or_a_decision_that_none_is_needed(partnership):
    finding = check(partnership, "CS-8")
    assert finding.result == Result.WARN
    decision(partnership, "No training this year", topic="no_capacity_budget")
    finding = check(partnership, "CS-8")
    assert finding.result == Result.PASS
    assert "“No training this year”" in finding.evidence
    other = PartnershipFactory(phase=2)
    line(other, "capacity", 500)
    assert check(other, "CS-8").result == Result.PASS


def test_sr7_fails_on_one_dominant_source_and_the_threshold_is_a_parameter(partnership):
    acme, river = members(partnership, "Acme Ltd", "River NGO")
    assert check(partnership, "SR-7").evidence == "No cash is committed."
    commitment(partnership, acme, 700)
    assert check(partnership, "SR-7").evidence == "Acme Ltd is the only cash source (HHI 1.00)."
    commitment(partnership, river, 300)
    finding = check(partnership, "SR-7")
    assert finding.result == Result.FAIL
    assert finding.evidence == "Acme Ltd holds 70 % of committed cash, more than 50 % (HHI 0.58)."
    finding = check(partnership, "SR-7", max_share=75)
    assert finding.result == Result.PASS
    assert finding.evidence == "2 cash sources; the largest, Acme Ltd, holds 70 % (HHI 0.58)."


def test_sr8_fails_naming_cash_commitments_whose_expectations_came_late(partnership):
    acme, river = members(partnership, "Acme Ltd", "River NGO")
    commitment(partnership, acme, 700)
    commitment(partnership, river, 300, expectations_recorded_on=dt.date(2026, 3, 1))
    finding = check(partnership, "SR-8")
    assert finding.result == Result.FAIL
    assert "1 of 2 cash commitments has no expectations recorded" in finding.evidence
    assert "River NGO (cash, 2026-01-01)" in finding.evidence


def test_sr8_passes_when_every_cash_commitment_states_expectations_in_time(partnership):
    (acme,) = members(partnership, "Acme Ltd")
    assert check(partnership, "SR-8").result == Result.NOT_APPLICABLE
    commitment(partnership, acme, 700, no_expectations=False, funder_expectations="A yearly report.")
    finding = check(partnership, "SR-8")
    assert finding.result == Result.PASS
    assert finding.evidence == "The 1 cash commitment states the funder's expectations."


def test_pm2_passes_when_every_member_has_a_complete_commitment(partnership):
    acme, river = members(partnership, "Acme Ltd", "River NGO")
    commitment(partnership, acme, 700)
    commitment(partnership, river, type="staff_time", quantity=20)
    finding = check(partnership, "PM-2")
    assert finding.result == Result.PASS
    assert finding.evidence == "All 2 active members have a complete commitment."


def test_pm2_fails_naming_members_without_a_complete_commitment(partnership):
    acme, river, lake = members(partnership, "Acme Ltd", "River NGO", "Lake Board")
    commitment(partnership, acme, 700)
    commitment(partnership, river, type="expertise")  # neither value nor quantity
    commitment(partnership, lake, 100, status="withdrawn")
    finding = check(partnership, "PM-2")
    assert finding.result == Result.FAIL
    assert finding.evidence == "2 of 3 active members have no complete commitment: Lake Board and River NGO."
