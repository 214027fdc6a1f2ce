"""E-mails go out in the recipient's language: their profile's, else the partnership's working language; people
without an account (invitees) get the partnership's."""

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from msp import outbox, profiles
from msp.models import Notification, Phase
from msp.services import notify
from phases.services import phase_transition
from stakeholders import services as stakeholder_services
from tests.factories import ContactFactory, MembershipFactory

MOVED = "%(name)s moved to phase %(n)d: %(phase)s"

# Moving forward passes the phase gate, which these tests are not about.
pytestmark = pytest.mark.usefixtures("gates_open")


def send_all():
    for row in Notification.objects.order_by("pk"):
        outbox.send(notification_id=row.pk)
    return {message.to[0]: message for message in mail.outbox}


def test_each_recipient_gets_a_row_in_their_language(partnership, secretariat, partner, donor):
    partnership.language = "fr"
    partnership.save()
    profiles.user_language_set(user=partner, language="de")
    profiles.user_language_set(user=donor, language="en")
    phase_transition(partnership=partnership, to=2, by=secretariat)
    languages = dict(Notification.objects.values_list("recipient__username", "language"))
    # The secretariat member chose nothing: the partnership's working language.
    assert languages == {partner.username: "de", donor.username: "en", secretariat.username: "fr"}


def test_an_email_to_a_german_speaking_user_is_in_german(partnership, secretariat, partner):
    profiles.user_language_set(user=partner, language="de")
    phase_transition(partnership=partnership, to=2, by=secretariat)
    messages = send_all()
    with translation.override("de"):
        german = gettext(MOVED) % {"name": partnership.name, "n": 2, "phase": gettext("Design")}
    english = f"{partnership.name} moved to phase 2: Design"
    assert messages[partner.email].subject == german != english
    assert "ist in Phase 2 gewechselt: Konzeption" in german  # the catalogue's German, not an English fallback
    assert messages[secretariat.email].subject == english


def test_an_invitee_is_written_to_in_the_partnerships_language(partnership, secretariat):
    partnership.language = "fr"
    partnership.save()
    membership = MembershipFactory(partnership=partnership)
    contact = ContactFactory(organisation=membership.organisation, name="Awa Koné", email="awa@coop.example")
    invitation = stakeholder_services.invitation_create(
        partnership=partnership, contact=contact, role="partner", by=secretariat
    )
    [row] = Notification.objects.filter(kind="stakeholders.invitation", object_id=invitation.pk)
    assert row.language == "fr"
    assert outbox.send(notification_id=row.pk)
    [message] = mail.outbox
    with translation.override("fr"):  # Django's own catalogue names the months: no need for ours
        month = date_format(timezone.localtime(invitation.expires_at), "DATE_FORMAT")
    assert month in message.body
    assert month != date_format(timezone.localtime(invitation.expires_at), "DATE_FORMAT")


def test_the_daily_digest_keeps_each_language_apart(partnership, secretariat, partner):
    profiles.user_language_set(user=partner, language="fr")
    notify(
        partnership=partnership,
        recipients=[partner],
        subject=lambda: str(Phase.DESIGN.label),
        body="",
        delivery="daily",
    )
    [digest_id] = outbox.collect_daily_digest()
    assert Notification.objects.get(pk=digest_id).language == "fr"
