"""Stakeholder lists run the same number of queries for 3 and for 30 organisations."""

from django.urls import reverse

from tests.factories import ContactFactory, MembershipFactory, OrganisationFactory
from tests.querycount import queries_for

from .factories import InvitationFactory, MapEntryFactory


def grow(partnership, n):
    """n more organisations in the partnership: members with two contacts each, on the map, one invited."""
    for i in range(n):
        org = OrganisationFactory(country_id="GH", iati_type_id="22", sector=["public", "private", "academia"][i % 3])
        MembershipFactory(partnership=partnership, organisation=org, is_core_group=i % 2 == 0)
        contact = ContactFactory(organisation=org, may_sign=True)
        ContactFactory(organisation=org)
        MapEntryFactory(
            partnership=partnership,
            organisation=org,
            power=1 + i % 5,
            interest=1 + (i * 3) % 5,
            country_id="GH",
            is_key=i % 4 == 0,
        )
        InvitationFactory(partnership=partnership, contact=contact)


def url(name, partnership):
    return reverse(f"stakeholders:{name}", kwargs={"partnership_pk": partnership.pk})


def constant(client, partnership, page_url, extra=None):
    grow(partnership, 3)
    small, _ = queries_for(client, page_url)
    grow(partnership, 27)
    if extra:
        extra()
    large, sql = queries_for(client, page_url)
    return small, large, sql


# session, user, partnership, my role, memberships (with contact counts)
MEMBERS_QUERIES = 5


def test_the_members_list_is_constant(client, partnership, partner):
    client.force_login(partner)
    small, large, sql = constant(client, partnership, url("members", partnership))
    assert small == large == MEMBERS_QUERIES, "\n".join(sql)


# session, user, partnership, my role, the organisation filter's choices, count, page of contacts
CONTACTS_QUERIES = 7


def test_the_contacts_list_is_constant(client, partnership, secretariat):
    client.force_login(secretariat)
    small, large, sql = constant(client, partnership, url("contacts", partnership))
    assert small == large == CONTACTS_QUERIES, "\n".join(sql)


# session, user, partnership, my role, the country filter's choices, map entries (chart and table share them)
MAP_QUERIES = 6


def test_the_stakeholder_map_is_constant(client, partnership, partner):
    client.force_login(partner)
    small, large, sql = constant(client, partnership, url("map", partnership))
    assert small == large == MAP_QUERIES, "\n".join(sql)
    small, large, sql = constant(client, partnership, url("map", partnership) + "?flag=key&quadrant=monitor&country=GH")
    assert small == large == MAP_QUERIES + 1, "\n".join(sql)  # + validating the chosen country


# session, user, partnership, my role, invitations, "anyone left to invite?", the invitable contacts (form choices)
INVITATIONS_QUERIES = 7


def test_the_invitations_list_is_constant(client, partnership, secretariat):
    client.force_login(secretariat)
    small, large, sql = constant(client, partnership, url("invitations", partnership))
    assert small == large == INVITATIONS_QUERIES, "\n".join(sql)


# session, user, "keeps the registry?", the country filter's choices, count, page of organisations
REGISTRY_QUERIES = 6
# session, user, "keeps the registry?", organisation, contacts, partnerships the user sees: memberships, map entries
DETAIL_QUERIES = 7


def test_the_registry_and_an_organisation_are_constant(client, partnership, secretariat):
    client.force_login(secretariat)
    small, large, sql = constant(client, partnership, reverse("organisations:list"))
    assert small == large == REGISTRY_QUERIES, "\n".join(sql)

    org = OrganisationFactory()
    detail = reverse("organisations:detail", kwargs={"pk": org.pk})
    MembershipFactory(organisation=org, partnership=partnership)
    small, _ = queries_for(client, detail)
    for _ in range(10):
        ContactFactory(organisation=org)
        MembershipFactory(organisation=org)
    large, sql = queries_for(client, detail)
    assert small == large == DETAIL_QUERIES, "\n".join(sql)
