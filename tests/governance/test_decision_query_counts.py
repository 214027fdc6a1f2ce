"""The decision log runs the same number of queries with few and with many decisions and positions."""

import pytest
from django.urls import reverse

from governance import services
from msp.models import Role
from tests.factories import PartnershipFactory, RoleFactory
from tests.governance.factories import member
from tests.querycount import queries_for


def _world(size):
    partnership = PartnershipFactory()
    secretariat = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
    partners = [member(partnership, f"p{partnership.pk}d{i}") for i in range(size + 1)]
    body = services.body_save(
        partnership=partnership, by=secretariat, type="steering_committee", name="SC", majority_threshold="simple"
    )
    for partner in partners:
        services.seat_save(body=body, by=secretariat, organisation=partner.contact.organisation)
    for i in range(size):
        decision = services.decision_save(
            partnership=partnership, by=secretariat, title=f"Decision {i}", method="majority", body=body
        )
        services.decision_open(decision=decision, by=secretariat)
        for partner in partners:
            services.position_record(
                decision=decision, by=partner, organisation=partner.contact.organisation, position="support"
            )
        services.decision_decide(decision=decision, by=secretariat, outcome="adopted")
    return partnership, secretariat, partners[0]


@pytest.fixture
def worlds(db):
    return _world(1), _world(10)


# session, user, partnership, my role; the bodies offered in the filter; the count and the page of decisions (with
# their body and position counts)
LOG_QUERIES = 7


@pytest.mark.parametrize("viewer", ["secretariat", "partner"])
def test_the_decision_log_is_constant(client, worlds, viewer):
    counts, sql = [], []
    for partnership, secretariat, partner in worlds:
        client.force_login({"secretariat": secretariat, "partner": partner}[viewer])
        count, sql = queries_for(client, reverse("governance:decisions", args=[partnership.pk]) + "?method=majority")
        counts.append(count)
    assert counts[0] == counts[1] == LOG_QUERIES, "\n".join(sql)
