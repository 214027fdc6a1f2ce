"""The roadmap and MoU rules (CS-3, CS-4, CM-5, PM-5): a passing and a failing case each, the evidence naming the
records; a member that joined after the MoU was signed re-opens PM-5 (issue 13, acceptance 2)."""

import datetime as dt

import pytest

from governance.models import MouVersion
from phases.catalogue import Result
from tests.factories import PartnershipFactory
from tests.governance.checks_world import approve, check, members, milestone, mou, node, roadmap

pytestmark = pytest.mark.django_db


@pytest.fixture
def partnership():
    return PartnershipFactory(phase=2)


def test_cs3_passes_when_every_member_approved_a_roadmap_with_vision_and_goals(partnership):
    orgs = members(partnership, "Acme Ltd", "River NGO")
    approve(roadmap(partnership), *orgs)
    finding = check(partnership, "CS-3")
    assert finding.result == Result.PASS
    assert "approved by every active member (2)" in finding.evidence
    assert finding.links[0][1].endswith("/roadmap/v1/")


def test_cs3_fails_naming_the_members_that_have_not_approved(partnership):
    acme, river, lake = members(partnership, "Acme Ltd", "River NGO", "Lake Board")
    approve(roadmap(partnership), acme)
    finding = check(partnership, "CS-3")
    assert finding.result == Result.FAIL
    assert "2 of 3 active members have not approved it: Lake Board and River NGO" in finding.evidence


def test_cs3_fails_without_a_vision_or_goals_and_without_an_approved_version(partnership):
    (acme,) = members(partnership, "Acme Ltd")
    approve(roadmap(partnership, vision="", goals=()), acme)
    evidence = check(partnership, "CS-3").evidence
    assert "it has no vision" in evidence and "it has no common goal" in evidence

    other = PartnershipFactory(phase=2)
    assert check(other, "CS-3").evidence == "No roadmap has been written yet."


def _chain(version):
    impact = node(version, "impact", "Farmers thrive")
    outcome = node(version, "outcome", "Farms have water", parent=impact)
    node(version, "output", "Ponds dug", parent=outcome)
    return outcome


def test_cs4_passes_with_a_complete_chain_and_a_milestone_per_outcome(partnership):
    version = roadmap(partnership)
    milestone(version, "First ponds", node=_chain(version))
    finding = check(partnership, "CS-4")
    assert finding.result == Result.PASS, finding.evidence
    assert "The results chain of roadmap version 1 is complete" in finding.evidence


def test_cs4_fails_naming_orphans_and_outcomes_without_milestones(partnership):
    version = roadmap(partnership)
    _chain(version)
    node(version, "activity", "Train diggers")  # no parent
    finding = check(partnership, "CS-4")
    assert finding.result == Result.FAIL
    assert "no parent for Train diggers" in finding.evidence
    assert "1 outcome without a milestone: Farms have water" in finding.evidence


def test_cs4_fails_without_impact_or_outcome(partnership):
    roadmap(partnership)
    evidence = check(partnership, "CS-4").evidence
    assert "no impact" in evidence and "no outcome" in evidence


def test_cm5_hint_passes_when_the_problem_statement_is_in_the_approved_roadmap(partnership):
    approve(roadmap(partnership, problem="Drought ruins harvests."))
    assert check(partnership, "CM-5").result == Result.PASS


def test_cm5_hint_warns_without_an_approved_roadmap_or_problem_statement(partnership):
    roadmap(partnership)
    assert check(partnership, "CM-5").result == Result.WARN
    other = PartnershipFactory(phase=2)
    approve(roadmap(other, problem=""))
    finding = check(other, "CM-5")
    assert finding.result == Result.WARN
    assert "version 1" in finding.evidence and "no problem statement" in finding.evidence


def test_pm5_passes_when_every_active_member_signed_the_mou_in_force(partnership):
    orgs = members(partnership, "Acme Ltd", "River NGO")
    mou(partnership, *orgs)
    finding = check(partnership, "PM-5")
    assert finding.result == Result.PASS
    assert finding.evidence == "MoU version 1 is in force, signed by every active member (2)."


def test_pm5_a_member_joining_after_the_signature_reopens_it(partnership):
    orgs = members(partnership, "Acme Ltd", "River NGO")
    mou(partnership, *orgs)
    members(partnership, "Newcomer Co", joined=dt.date(2026, 6, 1))
    finding = check(partnership, "PM-5")
    assert finding.result == Result.FAIL
    assert "1 of 3 active members has not signed the MoU in force (version 1): Newcomer Co." in finding.evidence
    # A member that left no longer counts.
    members(partnership, "Gone Ltd", joined=dt.date(2025, 1, 1), left_on=dt.date(2026, 1, 1))
    assert "1 of 3" in check(partnership, "PM-5").evidence


def test_pm5_fails_without_an_mou_in_force_naming_who_still_signs(partnership):
    acme, river = members(partnership, "Acme Ltd", "River NGO")
    assert check(partnership, "PM-5").evidence == "No MoU is in force or out for signature."
    mou(partnership, acme, status=MouVersion.Status.PARTIALLY_SIGNED)
    finding = check(partnership, "PM-5")
    assert finding.result == Result.FAIL
    assert "version 1 still needs the signature of River NGO" in finding.evidence


def test_the_evidence_speaks_the_reader_s_language(partnership):
    from django.utils import translation

    orgs = members(partnership, "Acme Ltd", "River NGO")
    mou(partnership, orgs[0])
    with translation.override("fr"):
        assert check(partnership, "PM-5").evidence == (
            "1 membre actif sur 2 n'a pas signé le protocole d'accord en vigueur (version 1) : River NGO."
        )
    with translation.override("de"):
        assert check(partnership, "SR-3").evidence == "Es ist kein wichtigstes Entscheidungsgremium erfasst."
