"""The bodies list, a body's page and the secretariat's page run the same number of queries with few and with many
bodies, seats and staff: each is measured on a small partnership and on a large one."""

import datetime as dt

import pytest
from django.urls import reverse

from governance import services
from msp.models import Role
from tests.factories import ContactFactory, OrganisationFactory, PartnershipFactory, RoleFactory
from tests.governance.factories import member
from tests.querycount import queries_for


def _world(size):
    """A partnership with `size` + 1 members, `size` bodies with a seat for every member (one chair each), and a
    secretariat with `size` staff."""
    partnership = PartnershipFactory()
    secretariat = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
    partners = [member(partnership, f"p{partnership.pk}m{i}") for i in range(size + 1)]
    organisations = [p.contact.organisation for p in partners]
    bodies = []
    for i in range(size):
        body = services.body_save(
            partnership=partnership,
            by=secretariat,
            type="working_group",
            name=f"Group {i}",
            majority_threshold="simple",
        )
        for j, organisation in enumerate(organisations):
            services.seat_save(body=body, by=secretariat, organisation=organisation, is_chair=j == 0, is_voting=j % 2)
        bodies.append(body)
    host = OrganisationFactory()
    office = services.body_save(
        partnership=partnership,
        by=secretariat,
        type="secretariat",
        name="Secretariat",
        majority_threshold="simple",
        host_organisation=host,
    )
    for i in range(size):
        services.staff_save(
            body=office,
            by=secretariat,
            contact=ContactFactory(organisation=host),
            role="coordinator" if i == 0 else "officer",
            time_share=100 if i == 0 else 50,
            starts_on=dt.date(2025, 1, 1),
        )
    return partnership, secretariat, partners[0], bodies[0]


@pytest.fixture
def worlds(db):
    return _world(1), _world(10)


def _counts(client, worlds, viewer, name, with_body=False):
    counts, sql = [], []
    for partnership, secretariat, partner, body in worlds:
        client.force_login({"secretariat": secretariat, "partner": partner}[viewer])
        args = [partnership.pk, body.pk] if with_body else [partnership.pk]
        count, sql = queries_for(client, reverse(f"governance:{name}", args=args))
        counts.append(count)
    return counts, "\n".join(sql)


# session, user, partnership, my role; the bodies with their seat, voting-seat and staff counts and their chair
BODIES_QUERIES = 5


def test_the_bodies_list_is_constant(client, worlds):
    for viewer in ("partner", "secretariat"):
        counts, sql = _counts(client, worlds, viewer, "bodies")
        assert counts == [BODIES_QUERIES] * 2, sql


# session, user, partnership, my role; the body with its host; today's members; the seats with their organisations
BODY_QUERIES = 7


def test_the_body_page_is_constant(client, worlds):
    for viewer in ("partner", "secretariat"):
        counts, sql = _counts(client, worlds, viewer, "body", with_body=True)
        assert counts == [BODY_QUERIES] * 2, sql


# session, user, partnership, my role; the secretariat with its host; its staff with their contact persons
SECRETARIAT_QUERIES = 6


def test_the_secretariat_page_is_constant(client, worlds):
    for viewer in ("partner", "secretariat"):
        counts, sql = _counts(client, worlds, viewer, "secretariat")
        assert counts == [SECRETARIAT_QUERIES] * 2, sql
