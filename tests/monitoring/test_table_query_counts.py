"""The indicator table, the SDG page and the export run the same number of queries with 5 and with 50 indicators
of 12 quarterly periods each (half of them with an actual, a third locked), for a member and for a donor."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from monitoring.models import Actual, Indicator, Period
from msp.models import Role
from tests.factories import OrganisationFactory, PartnershipFactory, RoleFactory
from tests.monitoring import factories as f
from tests.querycount import queries_for

LEVELS = ["impact", "outcome", "output", "activity"]
LOCKED_AT = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def _grow(size):
    partnership = PartnershipFactory(sdg_goals=[1, 2], sdg_targets=["1.2", "2.3", "15.2"])
    viewers = {role: RoleFactory(partnership=partnership, role=role).user for role in (Role.SECRETARIAT, Role.DONOR)}
    nodes = [f.node(partnership, level=level) for level in LEVELS]
    organisations = [OrganisationFactory() for _ in range(3)]
    indicators = Indicator.objects.bulk_create(
        Indicator(
            partnership=partnership,
            result_node_key=nodes[i % 4].key,
            name=f"Indicator {i}",
            measure="1" if i % 5 else "5",
            baseline_value=Decimal(0),
            responsible=organisations[i % 3],
            position=i,
        )
        for i in range(size)
    )
    Through = Indicator.sdg_targets.through
    Through.objects.bulk_create(
        Through(indicator_id=indicator.pk, sdgtarget_id=code)
        for indicator in indicators
        for code in (["1.2", "2.3"] if indicator.pk % 2 else ["1.2"])
    )
    periods = Period.objects.bulk_create(
        Period(
            indicator=indicator,
            start=dt.date(2023 + q // 4, 3 * (q % 4) + 1, 1),
            end=dt.date(2023 + q // 4, 3 * (q % 4) + 1, 28),
            target_value=Decimal(100),
            locked_at=LOCKED_AT if q < 4 else None,
        )
        for indicator in indicators
        for q in range(12)
    )
    Actual.objects.bulk_create(
        Actual(period=period, value=Decimal(50 + i % 50), measured_on=period.end)
        for i, period in enumerate(periods)
        if i % 2 == 0
    )
    dimension = f.DimensionFactory(partnership=partnership, name="Sex")
    f.CategoryFactory(dimension=dimension, name="Female")
    return partnership, viewers


@pytest.fixture
def worlds(db):
    return _grow(5), _grow(50)


URLS = {
    "table": lambda p: reverse("monitoring:indicators", args=[p.pk]),
    "filtered": lambda p: reverse("monitoring:indicators", args=[p.pk]) + "?level=outcome&sdg_goal=2&status=red",
    "sdgs": lambda p: reverse("monitoring:sdgs", args=[p.pk]),
    "export": lambda p: reverse("monitoring:indicators_export", args=[p.pk]) + "?format=xlsx",
}

# Every page: session, user, partnership, my role. Table: the roadmap's nodes (of the approved version, else the
# latest: one query); the indicators with their responsible organisation, their SDG targets with goals, their
# visible periods with actuals; the organisation dropdown's choices (the goals' come with the SDG targets). Filtered: the same, and the chosen
# goal checked, and the ids of the indicators the level and goal let through. SDG page: the partnership's goals
# and targets, then the roadmap and the indicators as the table reads them (no dropdowns). Export: the roadmap's
# nodes, the indicators, their SDG targets, their periods with actuals, the actuals' breakdown (with category
# and dimension), the dimensions and their categories.
QUERIES = {"table": 9, "filtered": 11, "sdgs": 10, "export": 11}


@pytest.mark.parametrize("role", [Role.SECRETARIAT, Role.DONOR])
def test_the_results_pages_are_constant(client, worlds, role):
    counts, sql = {name: [] for name in URLS}, {}
    for partnership, viewers in worlds:
        client.force_login(viewers[role])
        for name, url in URLS.items():
            count, sql[name] = queries_for(client, url(partnership))
            counts[name].append(count)
    assert counts == {name: [n, n] for name, n in QUERIES.items()}, "\n\n".join(
        f"{name}:\n" + "\n".join(queries) for name, queries in sql.items()
    )


@pytest.mark.parametrize("role", [Role.SECRETARIAT, Role.DONOR])
def test_the_dashboard_with_the_results_card_is_constant(client, worlds, role):
    counts = []
    for partnership, viewers in worlds:
        client.force_login(viewers[role])
        counts.append(queries_for(client, reverse("msp:dashboard", args=[partnership.pk]))[0])
    assert counts[0] == counts[1], counts
