"""The steering rules (SR-1, SR-2, SR-3, SR-4, CM-4): a passing and a failing case each, the evidence naming the
records; the coordinator's share and the papers' notice are parameters a partnership may override."""

import datetime as dt

import pytest

from phases.catalogue import Result
from tests.factories import PartnershipFactory
from tests.governance.checks_world import (
    body,
    check,
    commitment,
    decision,
    line,
    meeting,
    members,
    paper,
    secretariat,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def partnership():
    return PartnershipFactory(phase=3)


def test_sr1_passes_with_a_full_time_coordinator_and_a_secretariat_budget(partnership):
    (host,) = members(partnership, "Hub Org")
    secretariat(partnership, host)
    line(partnership, "secretariat", 50_000)
    finding = check(partnership, "SR-1")
    assert finding.result == Result.PASS
    assert "Ama Coordinator coordinates the secretariat" in finding.evidence


def test_sr1_fails_naming_what_is_missing_and_the_share_is_a_parameter(partnership):
    assert check(partnership, "SR-1").evidence == "No secretariat is set up."
    (host,) = members(partnership, "Hub Org")
    secretariat(partnership, host, time_share=60)
    finding = check(partnership, "SR-1")
    assert finding.result == Result.FAIL
    assert "no coordinator at 100 % or more" in finding.evidence
    assert "no secretariat budget line is above zero" in finding.evidence
    line(partnership, "secretariat", 50_000)
    assert check(partnership, "SR-1", coordinator_percent=50).result == Result.PASS


def test_sr2_warns_when_the_host_funds_most_sits_and_takes_positions(partnership):
    host, other = members(partnership, "Hub Org", "River NGO")
    secretariat(partnership, host, time_share=0)
    body(partnership, seats=[host, other])
    commitment(partnership, host, 900)
    commitment(partnership, other, 100)
    finding = check(partnership, "SR-2")
    assert finding.result == Result.WARN
    assert "The secretariat's host, Hub Org" in finding.evidence
    assert "it is the largest funder" in finding.evidence
    assert "voting seat on Steering committee" in finding.evidence


def test_sr2_names_the_decision_where_the_host_took_a_position(partnership):
    from governance.models import DecisionPosition

    (host,) = members(partnership, "Hub Org")
    secretariat(partnership, host, time_share=0)
    adopted = decision(partnership, "Budget 2027")
    DecisionPosition.objects.create(decision=adopted, organisation=host, position="support")
    assert "a position is recorded for it on Budget 2027" in check(partnership, "SR-2").evidence


def test_sr2_hint_passes_for_a_neutral_host(partnership):
    (host,) = members(partnership, "Hub Org")
    river, lake = members(partnership, "River NGO", "Lake Board")
    secretariat(partnership, host, time_share=0)
    body(partnership, seats=[river, lake])
    commitment(partnership, river, 500)
    finding = check(partnership, "SR-2")
    assert finding.result == Result.PASS
    assert "Hub Org, is not the largest funder" in finding.evidence


def test_sr3_passes_when_every_member_sits_on_the_primary_body(partnership):
    orgs = members(partnership, "Acme Ltd", "River NGO")
    body(partnership, seats=orgs)
    finding = check(partnership, "SR-3")
    assert finding.result == Result.PASS
    assert finding.evidence == "All 2 active members hold a seat on Steering committee."


def test_sr3_fails_naming_members_without_a_seat(partnership):
    assert check(partnership, "SR-3").evidence == "No primary decision-making body is recorded."
    acme, river, lake = members(partnership, "Acme Ltd", "River NGO", "Lake Board")
    body(partnership, seats=[acme])
    body(partnership, "Working group", seats=[river], primary=False)  # not the primary body
    finding = check(partnership, "SR-3")
    assert finding.result == Result.FAIL
    assert "2 of 3 active members have no seat on Steering committee: Lake Board and River NGO." in finding.evidence


def test_cm4_passes_when_every_core_group_organisation_attended_an_informal_meeting(partnership):
    acme, river = members(partnership, "Acme Ltd", "River NGO", core=True)
    members(partnership, "Not Core")
    meeting(partnership, "Coffee", dt.date(2026, 3, 1), formal=False, organisations=[acme])
    meeting(partnership, "Lunch", dt.date(2026, 4, 1), formal=False, organisations=[river])
    finding = check(partnership, "CM-4")
    assert finding.result == Result.PASS
    assert finding.evidence == "All 2 core-group organisations attended an informal meeting (2 held)."


def test_cm4_fails_naming_absent_core_group_organisations(partnership):
    acme, river = members(partnership, "Acme Ltd", "River NGO", core=True)
    assert check(partnership, "CM-4").evidence == "No informal meeting has been held yet."
    meeting(partnership, "Coffee", dt.date(2026, 3, 1), formal=False, organisations=[acme])
    meeting(partnership, "Board", dt.date(2026, 3, 2), formal=True, organisations=[river])  # formal: not counted
    meeting(partnership, "Later", dt.date(2026, 9, 1), formal=False, organisations=[river])  # not held yet
    finding = check(partnership, "CM-4")
    assert finding.result == Result.FAIL
    assert finding.evidence == "1 of 2 core-group organisations attended no informal meeting: River NGO."


def test_sr4_passes_when_papers_were_shared_in_time(partnership):
    board = body(partnership)
    held = meeting(partnership, "Board March", dt.date(2026, 3, 1), body=board)
    paper(held, shared_days_before=10)
    decision(partnership, "Budget 2027", meeting=held)
    finding = check(partnership, "SR-4")
    assert finding.result == Result.PASS
    assert "(1) shared its papers 7 days before" in finding.evidence


def test_sr4_fails_naming_meetings_with_late_or_no_papers_and_the_notice_is_a_parameter(partnership):
    board = body(partnership)
    late = meeting(partnership, "Board March", dt.date(2026, 3, 1), body=board)
    paper(late, shared_days_before=3)
    bare = meeting(partnership, "Board May", dt.date(2026, 5, 1), body=board)
    decision(partnership, "Budget 2027", meeting=late)
    decision(partnership, "Audit", meeting=bare)
    finding = check(partnership, "SR-4")
    assert finding.result == Result.FAIL
    assert "2 of 2 meetings" in finding.evidence
    assert "Board May and Board March" in finding.evidence
    assert "1 of 2" in check(partnership, "SR-4", days_before=2).evidence


def test_sr4_does_not_apply_without_meetings_that_decided(partnership):
    assert check(partnership, "SR-4").result == Result.NOT_APPLICABLE
