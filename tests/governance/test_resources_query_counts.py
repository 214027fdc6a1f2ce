"""The resources overview and the dashboard (with its resources card) run the same number of queries with few and
with many commitments, budget lines, transactions and rates, for the secretariat and for a donor."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from governance import services
from governance.models import ExchangeRate
from msp.codelists import Currency
from msp.models import Role
from tests.factories import ContactFactory, MembershipFactory, OrganisationFactory, PartnershipFactory, RoleFactory
from tests.querycount import queries_for


def _world(size):
    partnership = PartnershipFactory(currency_id="EUR")
    secretariat = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
    donor = RoleFactory(partnership=partnership, role=Role.DONOR).user
    currencies = [Currency.objects.get(pk=code) for code in ("EUR", "USD", "XOF")]
    for i in range(size):
        ExchangeRate.objects.get_or_create(
            base_id="USD", quote_id="EUR", date=dt.date(2024, 1, 1 + i), defaults={"rate": Decimal("0.9")}
        )
        organisation = OrganisationFactory(name=f"Funder {partnership.pk}-{i}")
        MembershipFactory(partnership=partnership, organisation=organisation)
        if i == 0:
            ContactFactory(organisation=organisation, user=donor)
        services.commitment_save(
            partnership=partnership,
            by=secretariat,
            organisation=organisation,
            type="cash" if i % 2 == 0 else "goods",
            description=f"Funding {i}",
            value=Decimal(1000 * (i + 1)),
            currency=currencies[i % 3],
            starts_on=dt.date(2025, 3, 1),
            ends_on=dt.date(2027, 2, 28),
            no_expectations=True,
        )
        line = services.budget_line_save(
            partnership=partnership,
            by=secretariat,
            category=["secretariat", "activities"][i % 2],
            description=f"Line {i}",
            year=2025 + i % 2,
            amount=100 + i,
            currency=currencies[i % 2].pk,
        )
        services.transaction_save(
            partnership=partnership,
            by=secretariat,
            type=["1", "4", "3"][i % 3],
            date=dt.date(2025, 2, 2),
            amount=10 + i,
            currency="EUR",
            counterpart=organisation if i % 3 == 0 else None,
            counterpart_name="" if i % 3 == 0 else "Shop",
            budget_line=line if i % 3 == 1 else None,
        )
    return partnership, secretariat, donor


@pytest.fixture
def worlds(db):
    return _world(1), _world(10)


# session, user, partnership, my role; commitments with organisation, their years, the planned lines, the
# transactions with counterpart and line, the rates (governance.resources.load); the scope of commitments (donor:
# the organisation they act for: contact, membership)
QUERIES = {"secretariat": 9, "donor": 11}


@pytest.mark.parametrize("viewer", ["secretariat", "donor"])
def test_the_overview_is_constant(client, worlds, viewer):
    counts, sql = [], []
    for partnership, secretariat, donor in worlds:
        client.force_login({"secretariat": secretariat, "donor": donor}[viewer])
        count, sql = queries_for(client, reverse("governance:resources", args=[partnership.pk]))
        counts.append(count)
    assert counts[0] == counts[1] == QUERIES[viewer], "\n".join(sql)


@pytest.mark.parametrize("viewer", ["secretariat", "donor"])
def test_the_dashboard_with_the_resources_card_is_constant(client, worlds, viewer):
    counts, sql = [], []
    for partnership, secretariat, donor in worlds:
        client.force_login({"secretariat": secretariat, "donor": donor}[viewer])
        count, sql = queries_for(client, reverse("msp:dashboard", args=[partnership.pk]))
        counts.append(count)
    assert counts[0] == counts[1], "\n".join(sql)
