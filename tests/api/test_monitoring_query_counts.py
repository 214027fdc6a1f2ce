"""Every monitoring list endpoint (and the indicator detail) runs the same number of queries with a few records and
with many, for a member and for a donor where they may read it: no query per row."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance.models import Decision
from monitoring.models import Actual, Breakdown, Indicator, Period
from msp.models import Role
from phases.models import HealthCheck
from tests.api.conftest import token_client
from tests.factories import OrganisationFactory, PartnershipFactory, RoleFactory, TransitionFactory, UserFactory
from tests.monitoring import factories as f
from tests.monitoring.reports.report_rows import report_row
from tests.phases.runs import make_run

pytestmark = pytest.mark.django_db
LOCKED_AT = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def grow(size):
    """A partnership with `size` of every monitoring record (each indicator with 8 quarters, half with an actual
    broken down by sex, the first four locked)."""
    p = PartnershipFactory()
    users = {role: RoleFactory(partnership=p, role=role).user for role in (Role.SECRETARIAT, Role.PARTNER, Role.DONOR)}
    organisations = [OrganisationFactory() for _ in range(3)]
    nodes = [f.node(p, level=level) for level in ("impact", "outcome", "output")]
    sex = f.DimensionFactory(partnership=p, name="Sex")
    female, male = f.CategoryFactory(dimension=sex, name="Female"), f.CategoryFactory(dimension=sex, name="Male")
    indicators = [
        f.IndicatorFactory(partnership=p, responsible=organisations[i % 3], result_node_key=nodes[i % 3].key)
        for i in range(size)
    ]
    for indicator in indicators:
        indicator.dimensions.add(sex)
        indicator.sdg_targets.add("1.2", "2.3")
    periods = Period.objects.bulk_create(
        Period(
            indicator=indicator,
            start=dt.date(2024 + q // 4, 3 * (q % 4) + 1, 1),
            end=dt.date(2024 + q // 4, 3 * (q % 4) + 1, 28),
            target_value=Decimal(100),
            locked_at=LOCKED_AT if q < 4 else None,
        )
        for indicator in indicators
        for q in range(8)
    )
    actuals = Actual.objects.bulk_create(
        Actual(period=period, value=Decimal(50), measured_on=period.end) for period in periods[::2]
    )
    Breakdown.objects.bulk_create(
        Breakdown(actual=actual, category=category, value=Decimal(25))
        for actual in actuals
        for category in (female, male)
    )
    decision = Decision.objects.create(partnership=p, title="A decision") if size else None
    for i in range(size):
        owner = organisations[i % 3]
        f.LessonFactory(partnership=p, owner=owner, indicator=indicators[i], decision=decision)
        f.CapacityGapFactory(partnership=p, organisation=owner, decision=decision)
        f.RelatedInitiativeFactory(partnership=p)
        f.RiskFactory(partnership=p, owner=owner)
        TransitionFactory(partnership=p, by=UserFactory())
        report_row(p, users[Role.SECRETARIAT], released=True)
        make_run(p, days_ago=i)
        HealthCheck.objects.create(
            partnership=p, title=f"Round {i}", closes_on=dt.date(2099, 1, 1), item_ids=["CM-6", "PM-4"]
        )
    return p, users, indicators


# Every request reads the token, the partnership and the role on it (three); then the endpoint's own reads, as its
# page's selector makes them: a page of rows with its count, or a computed list (indicators with their results chain,
# SDG targets and visible periods; the context's analyses and initiatives; the capacity gaps) paged in Python.
LISTS = {
    "indicator_list": 7,
    "lesson_list": 5,
    "capacity_gap_list": 4,
    "initiative_list": 5,
    "risk_list": 5,
    "report_list": 5,
    "phase_transition_list": 5,
    "checklist_run_list": 5,
    "health_check_list": 5,
}
DONORS = {"indicator_list", "report_list"}


def count(user, url):
    client = token_client(user)
    client.get(url)  # the token's first use records it: not a cost of the endpoint
    with CaptureQueriesContext(connection) as ctx:
        answer = client.get(url)
    assert answer.status_code == 200, (url, answer.status_code)
    return len(ctx), [q["sql"] for q in ctx.captured_queries]


@pytest.fixture
def small():
    return grow(2)


@pytest.fixture
def large():
    return grow(12)


@pytest.mark.parametrize(
    ("name", "role"), [(name, Role.PARTNER) for name in LISTS] + [(name, Role.DONOR) for name in sorted(DONORS)]
)
def test_a_list_is_constant(name, role, small, large):
    counts = []
    for p, users, _indicators in (small, large):
        counts.append(count(users[role], reverse(f"api:{name}", args=[p.pk])))
    (n_small, _), (n_large, sql) = counts
    assert n_small == n_large, "\n".join(sql)
    assert n_large == LISTS[name], "\n".join(sql)


@pytest.mark.parametrize("role", [Role.PARTNER, Role.DONOR])
def test_the_indicator_detail_is_constant(role, small, large):
    counts = []
    for p, users, indicators in (small, large):
        Period.objects.bulk_create(
            Period(indicator=indicators[0], start=dt.date(2026, 1, 1 + day), end=dt.date(2026, 1, 1 + day))
            for day in range(len(indicators))
        )
        counts.append(count(users[role], reverse("api:indicator_detail", args=[p.pk, indicators[0].pk])))
    (n_small, _), (n_large, sql) = counts
    assert n_small == n_large, "\n".join(sql)


def test_the_grown_data_is_there(large):
    p, users, indicators = large
    assert Indicator.objects.filter(partnership=p).count() == 12
    answer = token_client(users[Role.PARTNER]).get(reverse("api:checklist_run_list", args=[p.pk]))
    assert answer.json()["count"] == 12
