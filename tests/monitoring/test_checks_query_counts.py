"""The monitoring loader reads a partnership in the same number of queries whatever its size: 3 or 15 members with
their commitments, owned nodes, milestones and risks, indicators with periods, actuals and SDG targets, lessons,
capacity gaps, context analyses, related initiatives, backward transitions and released or published reports."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from governance.models import Commitment
from monitoring.models import Report
from phases.catalogue import ITEMS
from phases.checks import RULES, find, load
from tests.factories import MembershipFactory, OrganisationFactory, PartnershipFactory, TransitionFactory
from tests.governance.factories import MilestoneFactory
from tests.monitoring import factories as f
from tests.monitoring.checking import TODAY

pytestmark = pytest.mark.django_db

MONITORING_ITEMS = {"CS-5", "CX-1", "CX-2", "CX-3", "CX-4", "FD-3", "ME-1", "ME-3", "ME-4", "ME-5", "ME-6"}


def _partnership(size):
    partnership = PartnershipFactory(phase=3, countries=["GH"], sdg_targets=["6.1", "6.4"])
    for i in range(size):
        organisation = OrganisationFactory(name=f"Member {i}", country_id="GH")
        MembershipFactory(partnership=partnership, organisation=organisation, joined_on=dt.date(2025, 1, 1))
        Commitment.objects.create(
            partnership=partnership,
            organisation=organisation,
            type="expertise",
            description="Advice",
            starts_on=dt.date(2026, 1, 1),
            ends_on=dt.date(2026, 12, 31),
        )
        node = f.node(partnership, level=["impact", "outcome", "output"][i % 3])
        node.owner = organisation
        node.save()
        MilestoneFactory(version=node.version, owner=organisation, node=node)
        indicator = f.IndicatorFactory(partnership=partnership, responsible=organisation, result_node_key=node.key)
        indicator.sdg_targets.set(["6.1"])
        for period in f.quarters(indicator, year=2025, count=3):
            f.ActualFactory(period=period)
        f.LessonFactory(partnership=partnership, owner=organisation, learned_on=dt.date(2026, 1, 1), source="success")
        f.CapacityGapFactory(partnership=partnership, organisation=organisation, measure="Coaching")
        f.ContextAnalysisFactory(partnership=partnership, handover_plan="Local partners take over")
        f.RelatedInitiativeFactory(partnership=partnership, kind=["overlapping", "meta_platform"][i % 2])
        f.RiskFactory(partnership=partnership, owner=organisation, status="materialised", materialised_on=TODAY)
        TransitionFactory(partnership=partnership, from_phase=3, to_phase=2)
        Report.objects.create(
            partnership=partnership, kind=["donor", "public"][i % 2], number=i + 1, period_start=dt.date(2026, 1, 1),
            period_end=dt.date(2026, 3, 31), language="en", status="done",
            **{["released_at", "published_at"][i % 2]: timezone.now()},
        )  # fmt: skip
    return partnership


def _queries(partnership):
    with CaptureQueriesContext(connection) as ctx:
        facts = load(partnership, today=TODAY, only=["monitoring"])
        findings = {item.id: find(item, facts, {}) for item in ITEMS if item.id in MONITORING_ITEMS}
    assert all(finding.evidence for finding in findings.values())
    return len(ctx)


def test_the_loader_reads_a_small_and_a_large_partnership_in_the_same_number_of_queries():
    small, large = _queries(_partnership(3)), _queries(_partnership(15))
    assert small == large, (small, large)
    # Alone, the loader reads what it shares with the others in a full evaluation (phases.checks.shared): the
    # members with their contacts, the budget's five, every roadmap version and the parts of those in force.
    assert large <= 24


def test_monitoring_registers_its_rules_with_its_loader():
    mine = {item_id for item_id, (_function, needs) in RULES.items() if needs == ("monitoring",)}
    assert mine == MONITORING_ITEMS
