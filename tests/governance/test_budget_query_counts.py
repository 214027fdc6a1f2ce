"""The budget page and the transactions list run the same number of queries with few and with many lines, revisions,
reviews and transactions."""

import datetime as dt

import pytest
from django.urls import reverse

from governance import services
from msp.models import Role
from tests.factories import OrganisationFactory, PartnershipFactory, RoleFactory
from tests.governance.factories import member, roadmap_draft
from tests.querycount import queries_for


def _world(size):
    partnership = PartnershipFactory()
    secretariat = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
    partner = member(partnership, f"q{partnership.pk}")
    roadmap = roadmap_draft(partnership, secretariat)
    node = services.result_node_save(version=roadmap, by=secretariat, level="impact", title="Impact", owner=None)
    decision = services.decision_save(partnership=partnership, by=secretariat, title="Budget", method="consensus")
    for i in range(size):
        line = services.budget_line_save(
            partnership=partnership,
            by=secretariat,
            category=["secretariat", "management", "monitoring"][i % 3],
            description=f"Line {i}",
            year=2025 + i % 2,
            amount=100 + i,
            currency=["EUR", "USD"][i % 2],
            result_node_key=node.key,
        )
        revised = services.budget_line_revise(line=line, by=secretariat, amount=200 + i)
        services.budget_review_save(
            partnership=partnership, by=secretariat, date=dt.date(2026, 1, 1), decision=decision
        )
        services.transaction_save(
            partnership=partnership,
            by=secretariat,
            type=["1", "4"][i % 2],
            date=dt.date(2026, 1, 2),
            amount=10 + i,
            currency="EUR",
            counterpart=OrganisationFactory() if i % 2 == 0 else None,
            counterpart_name="" if i % 2 == 0 else "Shop",
            budget_line=revised if i % 2 else None,
        )
    return partnership, secretariat, partner


@pytest.fixture
def worlds(db):
    return _world(1), _world(10)


# session, user, partnership, my role; the roadmap's nodes (of the approved version, else the latest: one query);
# the lines; the reviews with their decision
BUDGET_QUERIES = 7
# session, user, partnership, my role; the lines offered in the filter; the count and the page of transactions
# (with their counterpart and budget line)
TRANSACTIONS_QUERIES = 7


@pytest.mark.parametrize("viewer", ["secretariat", "partner"])
@pytest.mark.parametrize(
    ("name", "query", "expected"),
    [("budget", "", BUDGET_QUERIES), ("transactions", "?counterpart=s&date_from=2026-01-01", TRANSACTIONS_QUERIES)],
)
def test_the_page_is_constant(client, worlds, viewer, name, query, expected):
    counts, sql = [], []
    for partnership, secretariat, partner in worlds:
        client.force_login({"secretariat": secretariat, "partner": partner}[viewer])
        count, sql = queries_for(client, reverse(f"governance:{name}", args=[partnership.pk]) + query)
        counts.append(count)
    assert counts[0] == counts[1] == expected, "\n".join(sql)
