"""The MoU page offers the signature form exactly to those msp.access lets sign."""

from django.urls import reverse

from governance import services
from stakeholders.models import ContactPerson
from tests.governance.factories import mou_draft


def page(client, user, version):
    client.force_login(user)
    return client.get(reverse("governance:mou_version", args=[version.partnership_id, version.number])).content.decode()


def test_only_a_partner_who_may_sign_sees_the_signature_form(client, partnership, secretariat, kofi, awa):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    assert "Sign for Ghana Cocoa Board" in page(client, kofi, version)

    ContactPerson.objects.filter(user=kofi).update(may_sign=False)
    body = page(client, kofi, version)
    assert "Sign for Ghana Cocoa Board" not in body
    assert "You are not registered as allowed to sign for Ghana Cocoa Board" in body


def test_a_contact_marked_inactive_is_not_offered_the_signature_form(client, partnership, secretariat, kofi, awa):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    ContactPerson.objects.filter(user=kofi).update(is_active=False)
    assert "Sign for Ghana Cocoa Board" not in page(client, kofi, version)
