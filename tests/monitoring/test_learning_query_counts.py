"""The Learning tab's lists and the dashboard's learning card run the same number of queries with few and with
many records."""

import datetime as dt

import pytest
from django.urls import reverse

from governance import services as governance_services
from msp.models import Role
from tests.factories import MembershipFactory, OrganisationFactory, PartnershipFactory, RoleFactory
from tests.monitoring import factories as f
from tests.querycount import queries_for


def _world(size):
    """A partnership whose every learning list grows with `size`: lessons linked to indicators and decisions,
    gaps with decisions, analyses, initiatives of every kind, risks of every status."""
    partnership = PartnershipFactory()
    secretariat = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
    partner = RoleFactory(partnership=partnership, role=Role.PARTNER).user
    for i in range(size):
        organisation = OrganisationFactory(name=f"Member {partnership.pk}-{i}")
        MembershipFactory(partnership=partnership, organisation=organisation)
        indicator = f.IndicatorFactory(partnership=partnership, responsible=organisation)
        decision = governance_services.decision_save(
            partnership=partnership, by=secretariat, title=f"Decision {i}", method="consent"
        )
        f.LessonFactory(partnership=partnership, owner=organisation, indicator=indicator, decision=decision)
        f.LessonFactory(partnership=partnership, source="success", owner=organisation)
        f.CapacityGapFactory(partnership=partnership, organisation=organisation, decision=decision)
        f.CapacityGapFactory(partnership=partnership, organisation=organisation, last_reviewed_on=dt.date(2020, 1, 1))
        f.ContextAnalysisFactory(partnership=partnership, analysed_on=dt.date(2020 + i, 1, 1))
        for kind in ("complementary", "overlapping", "competing", "meta_platform"):
            f.RelatedInitiativeFactory(partnership=partnership, kind=kind)
        f.RiskFactory(partnership=partnership, owner=organisation, likelihood=i % 5 + 1, impact=(i * 2) % 5 + 1)
        f.RiskFactory(partnership=partnership, status="materialised", materialised_on=dt.date(2025, 1, 1))
    return partnership, secretariat, partner


@pytest.fixture
def worlds(db):
    return _world(1), _world(10)


# session, user, partnership, my role, then the page's own: lessons (the owners of the filter, the lessons with
# owner, indicator and decision); gaps (with organisation and decision); context (the analyses, the initiatives);
# risks (the matrix's counts, the risks with owner); filtered lessons: the owner chosen is checked (one more).
QUERIES = {
    "lessons": 6,
    "lessons?source=failure&owner=": 7,
    "capacity_gaps": 5,
    "context": 6,
    "risks": 6,
    "risks?status=open": 6,
}


@pytest.mark.parametrize("viewer", ["secretariat", "partner"])
def test_the_learning_lists_are_constant(client, worlds, viewer):
    counts = {name: [] for name in QUERIES}
    for partnership, secretariat, partner in worlds:
        client.force_login({"secretariat": secretariat, "partner": partner}[viewer])
        owner = partnership.lessons.values_list("owner", flat=True).first()
        for name in QUERIES:
            page, _sep, query = name.partition("?")
            query = query + str(owner) if query.endswith("owner=") else query
            url = reverse(f"monitoring:{page}", args=[partnership.pk]) + (f"?{query}" if query else "")
            counts[name].append(queries_for(client, url)[0])
    assert counts == {name: [n, n] for name, n in QUERIES.items()}, counts


def test_the_dashboard_with_the_learning_card_is_constant(client, worlds):
    counts, sql = [], []
    for partnership, _secretariat, partner in worlds:
        client.force_login(partner)
        count, sql = queries_for(client, reverse("msp:dashboard", args=[partnership.pk]))
        counts.append(count)
    assert counts[0] == counts[1], "\n".join(sql)
