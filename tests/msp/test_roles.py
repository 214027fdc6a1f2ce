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
    response = client.post(roles_url(partnership), {"user": "sara", "role": "partner"})
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
