"""The results page runs the same number of queries with few and with many results: one per kind of record
(partnerships, organisations, contacts, clauses, papers, minutes, decisions, indicators), whatever they hold.

The queries: the session, the user, whether they keep the registry (a secretariat role anywhere, else the model
permission: the user's and their groups'), then one per kind (and, for those
who do not keep the registry, one for the organisations seated on governance bodies)."""

import pytest
from django.urls import reverse

from governance import services
from msp.models import Role
from tests.factories import (
    ContactFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    RoleFactory,
    UserFactory,
)
from tests.monitoring.factories import IndicatorFactory
from tests.querycount import queries_for


def _world(size, user):
    partnership = PartnershipFactory(name=f"Cocoa {size}", problem_statement="Cocoa prices fall.")
    RoleFactory(partnership=partnership, user=user, role=Role.PARTNER)
    sec = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
    for i in range(size):
        organisation = OrganisationFactory(name=f"Cocoa growers {size}-{i}")
        MembershipFactory(partnership=partnership, organisation=organisation)
        ContactFactory(organisation=organisation, name=f"Ama Cocoa {i}")
        IndicatorFactory(partnership=partnership, name=f"Cocoa yield {i}")
        decision = services.decision_save(
            partnership=partnership, by=sec, title=f"Cocoa price {i}", text="About cocoa.", method="consensus"
        )
        assert decision.pk


@pytest.mark.parametrize("role", ["partner", "registry"])
def test_the_number_of_queries_does_not_grow_with_the_results(client, db, role):
    counts = []
    for size in (1, 12):
        user = UserFactory()
        if role == "registry":
            RoleFactory(partnership=PartnershipFactory(), user=user, role=Role.SECRETARIAT)
        _world(size, user)
        client.force_login(user)
        n, sql = queries_for(client, reverse("search:results") + "?q=cocoa")
        page = client.get(reverse("search:results") + "?q=cocoa").content.decode()
        assert page.count('class="msp-search-hit"') >= min(3 * size + 1, 20)
        counts.append(n)
    assert counts[0] == counts[1], sql
    assert counts[0] <= 14, "\n".join(s[:100] for s in sql)
