"""The members' rules on factory data: CS-5 (shared leadership) and FD-3 (handover and local partners)."""

import datetime as dt

import pytest
from django.urls import reverse

from governance.models import Commitment
from phases.catalogue import Result
from tests.factories import MembershipFactory, OrganisationFactory, PartnershipFactory
from tests.governance.factories import MilestoneFactory
from tests.monitoring import factories as f
from tests.monitoring.checking import check, moment

pytestmark = pytest.mark.django_db


@pytest.fixture
def partnership(db):
    return PartnershipFactory(name="Water Partnership", phase=2, countries=["GH"])


def _member(partnership, name, *, joined_on=dt.date(2025, 1, 1), **organisation):
    organisation = OrganisationFactory(name=name, **organisation)
    MembershipFactory(partnership=partnership, organisation=organisation, joined_on=joined_on)
    return organisation


def _commit(partnership, organisation, status="committed"):
    return Commitment.objects.create(
        partnership=partnership,
        organisation=organisation,
        type="staff_time",
        description="Two field officers",
        starts_on=dt.date(2026, 1, 1),
        ends_on=dt.date(2026, 12, 31),
        status=status,
    )


# CS-5 ------------------------------------------------------------------------------------------------------------


def test_cs5_fails_without_members(partnership):
    finding = check(partnership, "CS-5")
    assert finding.result == Result.FAIL
    assert finding.evidence == "The partnership has no active member."


def test_cs5_names_the_members_that_do_not_commit_or_own_anything(partnership):
    acme, river, delta = (_member(partnership, name) for name in ("Acme Ltd", "River NGO", "Delta University"))
    former = _member(partnership, "Gone Partner")
    former.memberships.update(left_on=dt.date(2025, 6, 1))
    node = f.node(partnership, level="impact")
    node.owner = acme
    node.save()
    _commit(partnership, acme)
    _commit(partnership, river, status="withdrawn")
    _commit(partnership, delta)

    finding = check(partnership, "CS-5")
    assert finding.result == Result.FAIL
    assert finding.evidence == (
        "2 of 3 members do not share the leadership: Delta University (owns no result, milestone or risk) and "
        "River NGO (no commitment, owns nothing)."
    )
    assert ("Commitments", reverse("governance:commitments", args=[partnership.pk])) in finding.links


def test_cs5_passes_when_every_member_commits_and_owns_a_node_a_milestone_or_a_risk(partnership):
    acme, river, delta = (_member(partnership, name) for name in ("Acme Ltd", "River NGO", "Delta University"))
    for organisation in (acme, river, delta):
        _commit(partnership, organisation)
    node = f.node(partnership, level="impact")
    node.owner = acme
    node.save()
    MilestoneFactory(version=node.version, owner=river)
    risk = f.RiskFactory(partnership=partnership, owner=delta, status="closed")
    assert "Delta University (owns no result, milestone or risk)" in check(partnership, "CS-5").evidence

    risk.status = "open"
    risk.save()
    finding = check(partnership, "CS-5")
    assert finding.result == Result.PASS
    assert finding.evidence == "All 3 members have a commitment and own a result, milestone or risk."


# FD-3 ------------------------------------------------------------------------------------------------------------


@pytest.fixture
def phase4(partnership):
    partnership.phase = 4
    partnership.phase_since = moment(dt.date(2026, 3, 1))
    partnership.save()
    return partnership


def test_fd3_warns_without_a_handover_plan(phase4):
    f.ContextAnalysisFactory(partnership=phase4)
    finding = check(phase4, "FD-3")
    assert finding.result == Result.WARN
    assert finding.evidence == (
        "No handover plan is recorded with a context analysis. No member joined in phase 4 and no capacity measure "
        "strengthens a local partner."
    )


def test_fd3_warns_with_a_plan_but_no_new_or_local_partner_strengthened(phase4):
    _member(phase4, "Old Friend", joined_on=dt.date(2025, 1, 1))
    f.ContextAnalysisFactory(
        partnership=phase4, analysed_on=dt.date(2026, 4, 1), handover_plan="Ghana Water takes over"
    )
    f.CapacityGapFactory(partnership=phase4, organisation=OrganisationFactory(name="Far Away"), measure="Training")
    finding = check(phase4, "FD-3")
    assert finding.result == Result.WARN
    assert finding.evidence.startswith("A handover plan is recorded (context analysis of 1 Apr 2026).")


def test_fd3_passes_with_a_plan_and_a_member_who_joined_in_phase_4(phase4):
    f.ContextAnalysisFactory(
        partnership=phase4, analysed_on=dt.date(2026, 4, 1), handover_plan="Ghana Water takes over"
    )
    _member(phase4, "Ghana Water", joined_on=dt.date(2026, 4, 15))
    finding = check(phase4, "FD-3")
    assert finding.result == Result.PASS
    assert finding.evidence == (
        "A handover plan is recorded (context analysis of 1 Apr 2026). Ghana Water joined in phase 4."
    )


def test_fd3_passes_with_a_plan_and_a_capacity_measure_for_a_local_partner(phase4):
    f.ContextAnalysisFactory(
        partnership=phase4, analysed_on=dt.date(2026, 4, 1), handover_plan="Ghana Water takes over"
    )
    local = OrganisationFactory(name="Kumasi Farmers", country_id="GH")
    f.CapacityGapFactory(partnership=phase4, organisation=local, measure="Bookkeeping training")
    finding = check(phase4, "FD-3")
    assert finding.result == Result.PASS
    assert finding.evidence.endswith("A capacity measure strengthens the local partner Kumasi Farmers.")
