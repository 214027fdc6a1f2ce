"""The shared registry does not reach another partnership's signing authority, and every change to it shows in the
activity feed of each partnership the organisation is a member of."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from msp import access
from msp.models import PartnershipRole, Role
from stakeholders import services, spreadsheets
from stakeholders.models import ContactPerson
from tests.factories import (
    ContactFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    RoleFactory,
    UserFactory,
)


@pytest.fixture
def board(partnership):
    """A member of `partnership` (A) with its signatory."""
    org = OrganisationFactory(name="Ghana Cocoa Board", sector="public")
    MembershipFactory(partnership=partnership, organisation=org)
    return org


@pytest.fixture
def signatory(board):
    return ContactFactory(organisation=board, name="Esi Mensah", email="esi@cocobod.example", may_sign=True)


def contact_data(contact, **changes):
    data = {
        "name": contact.name,
        "job_title": contact.job_title,
        "seniority": contact.seniority,
        "email": contact.email,
        "phone": contact.phone,
        "is_active": "on" if contact.is_active else "",
        "may_sign": "on" if contact.may_sign else "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v != ""}


def edit_url(contact):
    return reverse("organisations:contact_edit", kwargs={"pk": contact.pk})


@pytest.mark.parametrize(
    "changes",
    [{"may_sign": ""}, {"is_active": ""}, {"email": "attacker@evil.example"}],
)
def test_secretariat_of_another_partnership_cannot_change_signing_authority(client, outsider, signatory, changes):
    client.force_login(outsider)
    client.post(edit_url(signatory), contact_data(signatory, **changes))  # the fields are locked: ignored
    signatory.refresh_from_db()
    assert (signatory.may_sign, signatory.is_active, signatory.email) == (True, True, "esi@cocobod.example")
    with pytest.raises(ValidationError) as refused:  # and the service refuses on its own
        services.contact_update(contact=signatory, by=outsider, **{k: v or False for k, v in changes.items()})
    assert "Only the secretariat of every partnership" in str(refused.value)
    signatory.refresh_from_db()
    assert (signatory.may_sign, signatory.is_active, signatory.email) == (True, True, "esi@cocobod.example")


def test_the_form_shows_why_authority_fields_are_locked(client, outsider, signatory):
    client.force_login(outsider)
    html = client.get(edit_url(signatory)).content.decode()
    assert "Only the secretariat of every partnership" in html
    assert 'name="may_sign"' in html and "disabled" in html


def test_the_partnerships_own_secretariat_can(client, secretariat, signatory):
    client.force_login(secretariat)
    response = client.post(edit_url(signatory), contact_data(signatory, may_sign="", email="esi@new.example"))
    assert response.status_code == 302
    signatory.refresh_from_db()
    assert (signatory.may_sign, signatory.email) == (False, "esi@new.example")


def test_a_member_of_two_partnerships_needs_the_secretariat_of_both(partnership, secretariat, board, signatory):
    MembershipFactory(partnership=PartnershipFactory(name="Water"), organisation=board)
    with pytest.raises(ValidationError):
        services.contact_update(contact=signatory, by=secretariat, may_sign=False)
    superuser = UserFactory(username="root", is_superuser=True)
    services.contact_update(contact=signatory, by=superuser, may_sign=False)
    assert not ContactPerson.objects.get(pk=signatory.pk).may_sign


def test_other_details_stay_open_to_every_registry_keeper(outsider, signatory):
    services.contact_update(contact=signatory, by=outsider, job_title="Director General", phone="+233 1")
    signatory.refresh_from_db()
    assert signatory.job_title == "Director General"


def test_a_member_that_left_is_no_longer_protected(partnership, outsider, board, signatory):
    board.memberships.update(left_on="2025-01-01", joined_on="2024-01-01")
    services.contact_update(contact=signatory, by=outsider, may_sign=False)


def test_a_new_signatory_cannot_be_added_from_outside(client, outsider, board):
    client.force_login(outsider)
    url = reverse("organisations:contact_create", kwargs={"pk": board.pk})
    data = {"name": "Mallory", "seniority": "executive", "email": "m@evil.example", "is_active": "on", "may_sign": "on"}
    assert "Only the secretariat of every partnership" in client.get(url).content.decode()
    assert client.post(url, data).status_code == 302  # a contact who does not sign is fine; may_sign is locked
    assert not ContactPerson.objects.get(name="Mallory").may_sign
    with pytest.raises(ValidationError):
        services.contact_create(organisation=board, by=outsider, name="Mallory 2", may_sign=True)


def test_the_import_cannot_add_a_signatory_from_outside(outsider, board):
    elsewhere = PartnershipRole.objects.get(user=outsider).partnership
    content = "Organisation,Contact name,E-mail,May sign\nGhana Cocoa Board,Mallory,m@evil.example,yes\n"
    preview = spreadsheets.preview(
        partnership=elsewhere, kind="contacts", filename="c.csv", content=content.encode(), by=outsider
    )
    assert not preview.valid
    assert any("Only the secretariat of every partnership" in e for e in preview.rows[0].errors)


def test_the_access_rule(partnership, secretariat, outsider, partner):
    assert access.can_change_authority(secretariat, [partnership.pk])
    assert not access.can_change_authority(outsider, [partnership.pk])
    assert not access.can_change_authority(partner, [partnership.pk])
    assert access.can_change_authority(outsider, [])  # no partnership relies on it: any registry keeper
    assert not access.can_change_authority(partner, [])  # partners do not keep the registry


def test_services_refuse_authority_changes_for_partners_outright(partner, signatory):
    with pytest.raises(PermissionDenied):
        services.contact_update(contact=signatory, by=partner, may_sign=False)


# --- the activity feed -------------------------------------------------------------------------------------------


def test_registry_changes_show_in_the_feed_of_every_member_partnership(client, partnership, outsider, board, signatory):
    water = PartnershipFactory(name="Water")
    MembershipFactory(partnership=water, organisation=board)
    water_staff = RoleFactory(partnership=water, user=UserFactory(username="wanda"), role=Role.SECRETARIAT).user
    services.contact_update(contact=signatory, by=outsider, job_title="Acting director")
    services.organisation_update(organisation=board, by=outsider, description="Regulates the cocoa sector.")
    unrelated = OrganisationFactory(name="Unrelated Org")
    services.organisation_update(organisation=unrelated, by=outsider, description="Not a member anywhere.")

    for place, user in (
        (partnership, RoleFactory(partnership=partnership, role=Role.PARTNER).user),
        (water, water_staff),
    ):
        client.force_login(user)
        html = client.get(reverse("msp:activity", kwargs={"partnership_pk": place.pk})).content.decode()
        assert "Acting director" in html
        assert "Regulates the cocoa sector." in html
        assert "Not a member anywhere." not in html
