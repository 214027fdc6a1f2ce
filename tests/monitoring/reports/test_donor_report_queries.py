"""Acceptance 5: building the donor report (every section, donor.build) runs the same number of queries with 5 and
with 50 indicators of eight quarterly periods each (locked, with actuals broken down by two dimensions), and
with ten times the budget lines, commitments, transactions, milestones, risks, lessons, capacity gaps, open
and taken decisions, members on the map and meetings (so the other sections are measured too)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from governance import services
from governance.models import Body, Decision, ExchangeRate, Meeting, Milestone, RoadmapVersion
from monitoring.models import Actual, Breakdown, Indicator, Period, ReportKind
from monitoring.reports import donor, jobs
from msp.codelists import Currency
from msp.models import Role
from tests.factories import MembershipFactory, OrganisationFactory, PartnershipFactory, RoleFactory, TransitionFactory
from tests.monitoring import factories as f
from tests.stakeholders.factories import MapEntryFactory

pytestmark = pytest.mark.django_db

LEVELS = ["impact", "outcome", "output"]
LOCKED_AT = dt.datetime(2026, 1, 20, tzinfo=dt.UTC)
# A bound for the whole report, all sections together; the sections of results, finances, risks, lessons and
# the next period need 21 (the indicators with their SDG targets, checked periods with actuals and breakdowns;
# the roadmap version and its results chain and milestones; the resources overview's five; risks, closed risks,
# context analysis, related initiatives; lessons, capacity gaps; next period's indicator periods, decisions).
MOST = 60


def _resources(partnership, size):
    secretariat = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
    ExchangeRate.objects.get_or_create(
        base_id="USD", quote_id="EUR", date=dt.date(2024, 1, 1), defaults={"rate": Decimal("0.9")}
    )
    for i in range(size):
        organisation = OrganisationFactory(name=f"Funder {partnership.pk}-{i}")
        MembershipFactory(partnership=partnership, organisation=organisation)
        services.commitment_save(
            partnership=partnership, by=secretariat, organisation=organisation, type="cash" if i % 2 == 0 else "goods",
            description=f"Funding {i}", value=Decimal(1000 * (i + 1)), currency=Currency.objects.get(pk=["EUR", "USD"][i % 2]),
            starts_on=dt.date(2025, 1, 1), ends_on=dt.date(2026, 12, 31), no_expectations=True,
        )  # fmt: skip
        line = services.budget_line_save(
            partnership=partnership, by=secretariat, category=["secretariat", "activities"][i % 2],
            description=f"Line {i}", year=2025 + i % 2, amount=100 + i, currency=["EUR", "USD"][i % 2],
        )  # fmt: skip
        services.transaction_save(
            partnership=partnership, by=secretariat, type=["1", "4", "3"][i % 3], date=dt.date(2025, 2, 2),
            amount=10 + i, currency="EUR", counterpart=organisation if i % 3 == 0 else None,
            counterpart_name="" if i % 3 == 0 else "Shop", budget_line=line if i % 3 == 1 else None,
        )  # fmt: skip


def _indicators(partnership, size):
    nodes = [f.node(partnership, level=level) for level in LEVELS]
    owner = OrganisationFactory()
    indicators = Indicator.objects.bulk_create(
        Indicator(
            partnership=partnership, result_node_key=nodes[i % 3].key, name=f"Indicator {i}",
            measure="1" if i % 5 else "5", baseline_value=Decimal(0) if i % 5 else None, baseline_text="",
            aggregation="cumulative" if i % 2 else "period", responsible=owner, position=i,
        )
        for i in range(size)
    )  # fmt: skip
    periods = Period.objects.bulk_create(
        Period(
            indicator=indicator,
            start=dt.date(2025 + q // 4, 3 * (q % 4) + 1, 1),
            end=dt.date(2025 + q // 4, 3 * (q % 4) + 1, 28),
            target_value=Decimal(100),
            target_text="Every district",
            locked_at=LOCKED_AT if q < 4 else None,
        )
        for indicator in indicators
        for q in range(8)
    )
    actuals = Actual.objects.bulk_create(
        Actual(period=period, value=Decimal(50 + i % 50), text="Most districts", light="amber", measured_on=period.end)
        for i, period in enumerate(periods)
        if period.start.year == 2025
    )
    categories = [
        f.CategoryFactory(dimension=dimension, name=name)
        for dimension, names in (
            (f.DimensionFactory(partnership=partnership, name="Sex"), ["Female", "Male"]),
            (f.DimensionFactory(partnership=partnership, name="Region", position=1), ["North", "South", "East"]),
        )
        for name in names
    ]
    Breakdown.objects.bulk_create(
        Breakdown(actual=actual, category=category, value=Decimal(10)) for actual in actuals for category in categories
    )
    version = RoadmapVersion.objects.get(partnership=partnership)
    for i in range(size // 5):
        Milestone.objects.create(version=version, title=f"Milestone {i}", due_on=dt.date(2025, 3 + i % 10, 1))
    RoadmapVersion.objects.filter(pk=version.pk).update(status=RoadmapVersion.Status.APPROVED)


def _governance_and_map(partnership, size):
    """For the other sections (status, movement, governance): members with their map entries, phase transitions,
    a body with meetings, decisions taken."""
    body = Body.objects.create(partnership=partnership, name="Steering committee")
    for i in range(size // 5):
        organisation = OrganisationFactory(sector=["civil_society", "private"][i % 2])
        MembershipFactory(partnership=partnership, organisation=organisation)
        MapEntryFactory(partnership=partnership, organisation=organisation, power=1 + i % 5, interest=5 - i % 5)
        start = dt.datetime(2025, 1 + i % 12, 10, 9, tzinfo=dt.UTC)
        meeting = Meeting.objects.create(
            partnership=partnership, body=body, title=f"Meeting {i}", start=start, end=start + dt.timedelta(hours=2)
        )
        Decision.objects.create(
            partnership=partnership, title=f"Adopted {i}", body=body, meeting=meeting, status="decided",
            outcome="adopted", decided_on=start.date(),
        )  # fmt: skip
    TransitionFactory(partnership=partnership, from_phase=1, to_phase=2)


def _learning(partnership, size):
    for i in range(size // 5):
        f.RiskFactory(partnership=partnership, owner=OrganisationFactory(), status=["open", "closed"][i % 2])
        f.LessonFactory(partnership=partnership, learned_on=dt.date(2025, 1 + i % 12, 1))
        f.CapacityGapFactory(partnership=partnership)
        f.RelatedInitiativeFactory(partnership=partnership)
        Decision.objects.create(partnership=partnership, title=f"Decision {i}", status="open")
    f.ContextAnalysisFactory(partnership=partnership)


def _report(size):
    partnership = PartnershipFactory(currency_id="EUR")
    _indicators(partnership, size)
    _resources(partnership, size // 5)
    _learning(partnership, size)
    _governance_and_map(partnership, size)
    report = jobs.report_request(
        kind=ReportKind.DONOR, period_start=dt.date(2025, 1, 1), period_end=dt.date(2025, 12, 31), language="en",
        partnership=partnership,
    )  # fmt: skip
    # As the job loads it (monitoring.reports.jobs.report_generate).
    return type(report).objects.select_related("partnership", "partnership__currency").get(pk=report.pk)


def _queries(report):
    with translation.override("en"), CaptureQueriesContext(connection) as captured:
        output = donor.build(report, lambda key: None)
    return len(captured), output.html


def test_the_donor_report_runs_the_same_queries_whatever_the_size():
    small, small_html = _queries(_report(5))
    large, large_html = _queries(_report(50))
    # The data made it into the report: every indicator, with its breakdown.
    assert small_html.count("Region:") == 5 and large_html.count("Region:") == 50
    assert "Indicator 49" in large_html and "Milestone 9" in large_html and "Decision 9" in large_html
    assert small == large, (small, large)
    assert large <= MOST, large
