"""The commitments list runs the same number of queries with few and with many commitments and years."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from governance import services
from msp.codelists import Currency
from msp.models import Role
from tests.factories import ContactFactory, MembershipFactory, OrganisationFactory, PartnershipFactory, RoleFactory
from tests.querycount import queries_for


def _world(size):
    partnership = PartnershipFactory()
    secretariat = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
    donor = RoleFactory(partnership=partnership, role=Role.DONOR).user
    currencies = [Currency.objects.get(pk=code) for code in ("EUR", "USD", "XOF")]
    for i in range(size):
        organisation = OrganisationFactory(name=f"Member {partnership.pk}-{i}")
        MembershipFactory(partnership=partnership, organisation=organisation)
        if i == 0:
            ContactFactory(organisation=organisation, user=donor)
        for j in range(2):
            services.commitment_save(
                partnership=partnership,
                by=secretariat,
                organisation=organisation,
                type="cash",
                description=f"Funding {i}.{j}",
                value=Decimal(1000 * (i + 1)),
                currency=currencies[(i + j) % 3],
                starts_on=dt.date(2025 + j, 3, 1),
                ends_on=dt.date(2027 + j, 2, 28),
                no_expectations=True,
                status="withdrawn" if i == j == 1 else "committed",
            )
    return partnership, secretariat, donor


@pytest.fixture
def worlds(db):
    return _world(1), _world(10)


# session, user, partnership, my role; the organisations of the filter; the commitments with organisation and
# currency, and their years (one prefetch); the donor: their organisation (acting_for: contact, membership)
QUERIES = {"secretariat": 7, "donor": 9}


@pytest.mark.parametrize("viewer", ["secretariat", "donor"])
def test_the_commitments_list_is_constant(client, worlds, viewer):
    counts, sql = [], []
    for partnership, secretariat, donor in worlds:
        client.force_login({"secretariat": secretariat, "donor": donor}[viewer])
        count, sql = queries_for(client, reverse("governance:commitments", args=[partnership.pk]) + "?sort=value")
        counts.append(count)
    assert counts[0] == counts[1] == QUERIES[viewer], "\n".join(sql)
