"""The invitation e-mail in the outbox: written when sent, so a revoked or replaced link never goes out."""

import re

import pytest
from django.core import mail
from django.utils import timezone

from msp import outbox
from msp.models import Notification
from msp.models import NotificationStatus as Status
from stakeholders import services
from stakeholders.models import Invitation
from tests.factories import ContactFactory, MembershipFactory


@pytest.fixture
def invitation(partnership, secretariat):
    """An invitation whose e-mail is still in the outbox (the transaction has not committed)."""
    membership = MembershipFactory(partnership=partnership)
    contact = ContactFactory(organisation=membership.organisation, name="Kofi Boateng", email="kofi@coop.example")
    return services.invitation_create(partnership=partnership, contact=contact, role="partner", by=secretariat)


def email_rows(invitation):
    return Notification.objects.filter(kind="stakeholders.invitation", object_id=invitation.pk).order_by("pk")


def token_in(message):
    return re.search(r"/invitations/(\S+)/", message.body).group(1)


def test_the_link_is_not_stored_in_the_outbox(invitation):
    [row] = email_rows(invitation)
    assert invitation.token() not in f"{row.subject} {row.body} {row.link}"
    assert outbox.send(notification_id=row.pk) is True
    [message] = mail.outbox
    assert token_in(message) == invitation.token()
    assert "Kofi Boateng" in message.body and row.subject == message.subject


def test_a_revoked_invitation_is_not_sent(invitation, secretariat):
    services.invitation_revoke(invitation=invitation, by=secretariat)
    [row] = email_rows(invitation)
    assert row.status == Status.CANCELLED
    assert outbox.send(notification_id=row.pk) is False
    assert mail.outbox == []


def test_a_resend_sends_only_the_new_link(invitation, secretariat):
    old_token = invitation.token()
    resent = services.invitation_resend(invitation=invitation, by=secretariat)
    first, second = email_rows(invitation)
    assert (first.status, second.status) == (Status.CANCELLED, Status.PENDING)
    assert outbox.send(notification_id=first.pk) is False
    assert outbox.send(notification_id=second.pk) is True
    [message] = mail.outbox
    assert token_in(message) == resent.token() != old_token


def test_a_row_taken_after_the_link_changed_carries_the_new_link(invitation):
    """Even a row that escaped cancelling (written by an older version, say) renders the current link."""
    [row] = email_rows(invitation)
    Invitation.objects.filter(pk=invitation.pk).update(nonce="fresh-nonce")
    assert outbox.send(notification_id=row.pk) is True
    invitation.refresh_from_db()
    assert token_in(mail.outbox[0]) == invitation.token()


def test_an_invitation_that_expired_before_sending_is_cancelled(invitation):
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    [row] = email_rows(invitation)
    assert outbox.send(notification_id=row.pk) is False
    row.refresh_from_db()
    assert row.status == Status.CANCELLED and mail.outbox == []
