"""The Open data (IATI) page runs the same number of queries for a small and a large partnership: members, results
chain, indicators with periods and actuals, budget lines and transactions grow tenfold. The file is built by
opendata.iati; the page reads it back (no query) and names its codes once per codelist."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from governance.models import BudgetLine, Transaction
from monitoring.models import Actual
from msp.models import Role
from tests.factories import MembershipFactory, PartnershipFactory, RoleFactory
from tests.monitoring import factories as f
from tests.querycount import queries_for

LEVELS = ["impact", "outcome", "output", "activity"]


def _grow(size):
    partnership = PartnershipFactory(countries=["GH", "CI"], sdg_goals=[1, 15], sdg_targets=["15.2"])
    secretariat = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
    organisations = [MembershipFactory(partnership=partnership).organisation for _ in range(size)]
    nodes = [f.node(partnership, level=LEVELS[i % 4]) for i in range(size)]
    for i in range(size):
        indicator = f.IndicatorFactory(
            partnership=partnership, responsible=organisations[i], result_node_key=nodes[i].key
        )
        for period in f.quarters(indicator, count=2):
            Actual.objects.create(period=period, value=Decimal(i), measured_on=period.end)
    BudgetLine.objects.bulk_create(
        BudgetLine(partnership=partnership, category="activities", description=f"Line {i}", year=2025 + i % 3,
                   amount=Decimal(1000), currency_id="EUR")
        for i in range(size)
    )  # fmt: skip
    Transaction.objects.bulk_create(
        Transaction(partnership=partnership, type="1" if i % 2 else "4", date=dt.date(2025, 1 + i % 12, 1),
                    amount=Decimal(10), currency_id="EUR", counterpart_name=f"Payee {i}")
        for i in range(size)
    )  # fmt: skip
    return partnership, secretariat


@pytest.fixture
def worlds(db):
    return _grow(3), _grow(30)


# Session, user, partnership, role (tabs), the publication, then the builder's queries; naming the codes: countries,
# SDG goals, SDG targets, organisation types.
def test_the_preview_is_constant(client, worlds):
    counts, sql = [], []
    for partnership, secretariat in worlds:
        client.force_login(secretariat)
        count, queries = queries_for(client, reverse("opendata:preview", args=[partnership.pk]))
        counts.append(count)
        sql.append(queries)
    assert counts[0] == counts[1], "\n".join(sql[1])
