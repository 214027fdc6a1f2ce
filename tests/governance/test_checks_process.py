"""The process rules (ME-2, FD-1, FD-2): a passing and a failing case each, the evidence naming the records."""

import datetime as dt

import pytest
from django.utils import timezone

from phases.catalogue import Result
from tests.factories import PartnershipFactory
from tests.governance.checks_world import body, check, decision, meeting, minutes

pytestmark = pytest.mark.django_db


@pytest.fixture
def partnership():
    return PartnershipFactory(phase=4, phase_since=timezone.make_aware(dt.datetime(2026, 1, 1)))


def test_me2_passes_when_bodies_meet_at_their_cadence_with_prompt_minutes(partnership):
    board = body(partnership, cadence=2)
    for day in (dt.date(2025, 9, 1), dt.date(2026, 3, 1)):
        minutes(meeting(partnership, f"Board {day:%B}", day, body=board), days_after=5)
    finding = check(partnership, "ME-2")
    assert finding.result == Result.PASS
    assert "within 14 days" in finding.evidence


def test_me2_fails_naming_a_body_below_its_cadence_and_late_minutes(partnership):
    board = body(partnership, cadence=4)
    minutes(meeting(partnership, "Board March", dt.date(2026, 3, 1), body=board), days_after=30)
    meeting(partnership, "Board May", dt.date(2026, 5, 1), body=board)  # no minutes, long overdue
    meeting(partnership, "Board June", dt.date(2026, 6, 10), body=board)  # minutes not due yet
    finding = check(partnership, "ME-2")
    assert finding.result == Result.FAIL
    assert "Steering committee met 3 times in the last 12 months, 4 planned" in finding.evidence
    assert "2 meetings without minutes within 14 days: Board May and Board March" in finding.evidence
    # Minutes late but every body at its cadence: a warning; the delay is a parameter.
    finding = check(partnership, "ME-2", minutes_days=40)
    assert "Board March" not in finding.evidence and "Board May" in finding.evidence


def test_me2_only_late_minutes_warn(partnership):
    board = body(partnership, cadence=1)
    minutes(meeting(partnership, "Board March", dt.date(2026, 3, 1), body=board), days_after=20)
    finding = check(partnership, "ME-2")
    assert finding.result == Result.WARN
    assert finding.evidence == "1 meeting without minutes within 14 days: Board March."


def test_fd1_hint_passes_with_a_direction_decided_in_phase_4(partnership):
    decision(partnership, "Scale to Togo", topic="scale_up", decided_on=dt.date(2026, 4, 1))
    finding = check(partnership, "FD-1")
    assert finding.result == Result.PASS
    assert finding.evidence == "“Scale to Togo” (2026-04-01) settles the future direction: Future direction: scale up."


def test_fd1_fails_when_the_direction_was_decided_before_phase_4_or_not_at_all(partnership):
    decision(partnership, "Scale to Togo", topic="scale_up", decided_on=dt.date(2025, 4, 1))
    decision(partnership, "Audit", decided_on=dt.date(2026, 4, 1))  # settles no topic
    finding = check(partnership, "FD-1")
    assert finding.result == Result.FAIL
    assert "No decision on the partnership's future direction" in finding.evidence


def test_fd2_passes_with_continuation_decided_by_consent(partnership):
    decision(partnership, "Carry on", topic="continue", method="consent")
    finding = check(partnership, "FD-2")
    assert finding.result == Result.PASS
    assert finding.evidence == "“Carry on” was adopted by consent."


def test_fd2_warns_when_decided_by_majority_and_fails_without_a_decision(partnership):
    assert check(partnership, "FD-2").result == Result.FAIL
    decision(partnership, "Carry on", topic="continue", method="majority")
    finding = check(partnership, "FD-2")
    assert finding.result == Result.WARN
    assert finding.evidence == "“Carry on” decided how to continue, but not by consensus or consent."


def test_fd2_does_not_apply_once_the_partnership_decided_to_close(partnership):
    decision(partnership, "Close down", topic="close", decided_on=dt.date(2026, 5, 1))
    finding = check(partnership, "FD-2")
    assert finding.result == Result.NOT_APPLICABLE
    assert "Close down" in finding.evidence


def test_the_secretariat_records_what_a_decision_settles_and_the_page_shows_it(client):
    from governance.models import Decision
    from msp.models import Role
    from tests.factories import RoleFactory

    role = RoleFactory(partnership=PartnershipFactory(phase=4), role=Role.SECRETARIAT)
    client.force_login(role.user)
    url = f"/partnerships/{role.partnership.pk}/governance/decisions/new/"
    response = client.post(url, {"title": "Scale to Togo", "method": "consensus", "topic": "scale_up"})
    assert response.status_code == 302, response.content.decode()[:2000]
    decision = Decision.objects.get(title="Scale to Togo")
    assert decision.topic == "scale_up"
    page = client.get(f"/partnerships/{role.partnership.pk}/governance/decisions/{decision.pk}/").content.decode()
    assert "Future direction: scale up" in page
