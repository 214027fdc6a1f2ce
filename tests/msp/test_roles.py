import pytest
from django.urls import reverse

from msp import access
from msp.models import PartnershipRole, Role
from tests.factories import UserFactory


def roles_url(partnership):
    return reverse("msp:roles", kwargs={"partnership_pk": partnership.pk})


def test_secretariat_grants_a_role_by_username_or_email(client, partnership, secretariat):
    newcomer = UserFactory(username="nadia", email="nadia@ngo.example")
    client.force_login(secretariat)
    response = client.post(roles_url(partnership), {"user": "NADIA@ngo.example", "role": "donor"}, follow=True)
    assert "is now donor on this partnership." in response.content.decode()
    assert access.role_on(newcomer, partnership) == Role.DONOR
    assert partnership in access.partnerships_for(newcomer)


def test_granting_again_changes_the_role(client, partnership, secretariat, partner):
    client.force_login(secretariat)
    client.post(roles_url(partnership), {"user": "pablo", "role": "secretariat"})
    assert PartnershipRole.objects.get(partnership=partnership, user=partner).role == Role.SECRETARIAT


def test_an_unknown_user_is_refused_with_a_message(client, partnership, secretariat):
    client.force_login(secretariat)
    response = client.post(roles_url(partnership), {"user": "ghost", "role": "partner"})
    assert "No active account with the username or e-mail “ghost”." in response.content.decode()


def test_a_name_longer_than_any_account_is_refused_on_the_form(client, partnership, secretariat):
    client.force_login(secretariat)
    response = client.post(roles_url(partnership), {"user": "x" * 100_000, "role": "partner"})
    assert response.status_code == 200  # was a 500 on SQLite: a LIKE pattern too long (tests/test_bad_input.py)
    assert "Ensure this value has at most 254 characters" in response.content.decode()


def test_revoking_removes_access(client, partnership, secretariat, partner):
    client.force_login(secretariat)
    role = PartnershipRole.objects.get(partnership=partnership, user=partner)
    response = client.post(
        reverse("msp:role_revoke", kwargs={"partnership_pk": partnership.pk, "pk": role.pk}), follow=True
    )
    assert "no longer has a role on this partnership" in response.content.decode()
    client.force_login(partner)
    assert client.get(reverse("msp:dashboard", kwargs={"partnership_pk": partnership.pk})).status_code == 404


def test_the_last_secretariat_cannot_be_removed(client, partnership, secretariat):
    client.force_login(secretariat)
    role = PartnershipRole.objects.get(partnership=partnership, user=secretariat)
    response = client.post(
        reverse("msp:role_revoke", kwargs={"partnership_pk": partnership.pk, "pk": role.pk}), follow=True
    )
    assert "is the last secretariat member of this partnership" in response.content.decode()
    assert PartnershipRole.objects.filter(pk=role.pk).exists()
    response = client.post(roles_url(partnership), {"user": "sara", "role": "donor"})
    assert "is the last secretariat member" in response.content.decode()


def test_a_role_of_another_partnership_cannot_be_revoked_through_this_one(client, partnership, secretariat, outsider):
    client.force_login(secretariat)
    foreign = PartnershipRole.objects.get(user=outsider)
    url = reverse("msp:role_revoke", kwargs={"partnership_pk": partnership.pk, "pk": foreign.pk})
    assert client.post(url).status_code == 404
    assert PartnershipRole.objects.filter(pk=foreign.pk).exists()


def test_superusers_see_every_partnership_without_a_role(partnership, superuser, outsider):
    assert partnership in access.partnerships_for(superuser)
    assert access.can(superuser, "move_phase", partnership)
    assert partnership not in access.partnerships_for(outsider)


# --- partners act for an organisation ----------------------------------------------------------------------------


@pytest.fixture
def member_contact(partnership):
    from tests.factories import ContactFactory, MembershipFactory, OrganisationFactory

    coop = OrganisationFactory(name="Cocoa Coop")
    MembershipFactory(partnership=partnership, organisation=coop)
    return ContactFactory(organisation=coop, name="Ama Owusu", email="ama@coop.example")


def test_a_partner_role_without_an_organisation_is_refused_with_the_reason(client, partnership, secretariat):
    UserFactory(username="nadia")
    client.force_login(secretariat)
    response = client.post(roles_url(partnership), {"user": "nadia", "role": "partner"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "A partner acts for one organisation" in html
    assert 'value="nadia"' in html  # what was typed is kept
    assert not PartnershipRole.objects.filter(user__username="nadia").exists()


def test_a_partner_is_linked_to_the_contact_person_chosen(client, partnership, secretariat, member_contact):
    nadia = UserFactory(username="nadia")
    client.force_login(secretariat)
    page = client.get(roles_url(partnership)).content.decode()
    assert "Ama Owusu – Cocoa Coop" in page
    response = client.post(
        roles_url(partnership), {"user": "nadia", "role": "partner", "contact": member_contact.pk}, follow=True
    )
    assert "is now partner on this partnership." in response.content.decode()
    member_contact.refresh_from_db()
    assert member_contact.user == nadia
    assert access.role_on(nadia, partnership) == Role.PARTNER
    assert "Cocoa Coop" in client.get(roles_url(partnership)).content.decode()  # shown beside the person


def test_a_user_who_acts_for_an_organisation_needs_no_choice(client, partnership, secretariat, member_contact):
    nadia = UserFactory(username="nadia")
    member_contact.user = nadia
    member_contact.save()
    client.force_login(secretariat)
    response = client.post(roles_url(partnership), {"user": "nadia", "role": "partner"})
    assert response.status_code == 302
    assert access.role_on(nadia, partnership) == Role.PARTNER


def test_a_user_cannot_be_linked_to_a_second_organisation(client, partnership, secretariat, member_contact):
    from tests.factories import ContactFactory

    nadia = UserFactory(username="nadia")
    ContactFactory(name="Nadia", user=nadia)
    client.force_login(secretariat)
    response = client.post(roles_url(partnership), {"user": "nadia", "role": "partner", "contact": member_contact.pk})
    assert response.status_code == 200
    assert "already acts for" in response.content.decode()
    member_contact.refresh_from_db()
    assert member_contact.user is None


def test_secretariat_and_donor_roles_need_no_organisation(client, partnership, secretariat):
    UserFactory(username="nadia")
    client.force_login(secretariat)
    assert client.post(roles_url(partnership), {"user": "nadia", "role": "donor"}).status_code == 302


def test_partners_without_an_organisation_are_marked(client, partnership, secretariat, partner):
    client.force_login(secretariat)
    assert "acts for no organisation" in client.get(roles_url(partnership)).content.decode()
