"""Inviting a contact person: one e-mail with a link that works once, expires, can be revoked and resent."""

import re
import threading

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from msp import outbox, tasks
from msp.models import ActivityEntry, Notification, PartnershipRole, Role
from stakeholders import services
from stakeholders.models import Invitation
from tests.conftest import needs_postgres
from tests.factories import ContactFactory, MembershipFactory, PartnershipFactory, UserFactory

from .factories import InvitationFactory

User = get_user_model()
PASSWORD = "cocoa-tree-47-shade"


@pytest.fixture
def contact(partnership):
    membership = MembershipFactory(partnership=partnership, organisation__name="Farmers' Union")
    return ContactFactory(organisation=membership.organisation, name="Abena Asante", email="abena@union.example")


def invitations_url(partnership):
    return reverse("stakeholders:invitations", kwargs={"partnership_pk": partnership.pk})


def link_in(message):
    return re.search(r"http://\S+/invitations/(\S+)/", message.body).group(0)


def path_of(link):
    return "/" + link.split("/", 3)[3]


def invite(client, secretariat, partnership, contact, django_capture_on_commit_callbacks, **extra):
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            invitations_url(partnership), {"contact": contact.pk, "role": "partner", "valid_days": 7, **extra}
        )
    client.logout()
    return response


def accept(client, path, username="abena", password=PASSWORD):
    return client.post(path, {"username": username, "password1": password, "password2": password})


def test_the_secretariat_invites_and_an_email_with_a_link_goes_out(
    client, partnership, secretariat, contact, django_capture_on_commit_callbacks
):
    response = invite(client, secretariat, partnership, contact, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["abena@union.example"]
    assert partnership.name in message.subject
    assert "as a partner for Farmers' Union" in message.body
    assert "works once" in message.body
    invitation = Invitation.objects.get()
    assert invitation.sent_at is not None and invitation.send_count == 1
    assert (invitation.expires_at - timezone.now()).days == 6  # 7 days, minus the moment since
    client.force_login(secretariat)
    page = client.get(invitations_url(partnership)).content.decode()
    assert "Abena Asante" in page and "Pending" in page


def test_accepting_sets_a_password_and_lands_on_the_partnership_with_exactly_that_role(
    client, partnership, secretariat, contact, django_capture_on_commit_callbacks
):
    invite(client, secretariat, partnership, contact, django_capture_on_commit_callbacks)
    other = PartnershipFactory(name="Another partnership")
    path = path_of(link_in(mail.outbox[0]))

    page = client.get(path)
    assert page.status_code == 200
    assert "You are invited to Cocoa Partnership" in page.content.decode()
    assert 'value="abena"' in page.content.decode()  # a suggested username

    response = accept(client, path)
    assert response.status_code == 302
    assert response["Location"] == reverse("msp:dashboard", kwargs={"partnership_pk": partnership.pk})
    user = User.objects.get(username="abena")
    assert user.check_password(PASSWORD)
    assert (user.first_name, user.last_name, user.email) == ("Abena", "Asante", "abena@union.example")
    contact.refresh_from_db()
    assert contact.user == user  # linked to the organisation through the contact person
    assert PartnershipRole.objects.get(user=user).role == Role.PARTNER
    # signed in, sees that partnership (read-only) and no other
    listing = client.get(reverse("msp:partnership_list")).content.decode()
    assert "Cocoa Partnership" in listing and "Another partnership" not in listing
    assert client.get(reverse("stakeholders:members", kwargs={"partnership_pk": partnership.pk})).status_code == 200
    assert client.get(reverse("stakeholders:member_add", kwargs={"partnership_pk": partnership.pk})).status_code == 403
    assert client.get(reverse("msp:dashboard", kwargs={"partnership_pk": other.pk})).status_code == 404
    invitation = Invitation.objects.get()
    assert invitation.accepted_by == user and invitation.current_status == "accepted"
    # the acceptance is in the partnership's activity feed, done by the new user
    assert ActivityEntry.objects.filter(partnership=partnership, actor=user, object_pk=str(invitation.pk)).exists()
    # the inviter hears of it
    [notification] = secretariat.notifications.all()
    assert notification.subject == "Abena Asante accepted your invitation to Cocoa Partnership"


def test_a_link_works_once(client, partnership, secretariat, contact, django_capture_on_commit_callbacks):
    invite(client, secretariat, partnership, contact, django_capture_on_commit_callbacks)
    path = path_of(link_in(mail.outbox[0]))
    assert accept(client, path).status_code == 302
    client.logout()

    again = client.get(path)
    assert again.status_code == 410
    assert "has been accepted already" in again.content.decode()
    second = accept(client, path, username="intruder")
    assert second.status_code == 410
    assert not User.objects.filter(username="intruder").exists()
    assert PartnershipRole.objects.filter(partnership=partnership, role=Role.PARTNER).count() == 1


def test_an_expired_link_explains_itself_and_grants_nothing(client, partnership, contact):
    invitation = InvitationFactory(
        partnership=partnership, contact=contact, expires_at=timezone.now() - timezone.timedelta(minutes=1)
    )
    path = reverse("invitation_accept", kwargs={"token": invitation.token()})
    page = client.get(path)
    assert page.status_code == 410
    assert "This invitation expired on" in page.content.decode()
    assert accept(client, path).status_code == 410
    assert not User.objects.filter(username="abena").exists()
    contact.refresh_from_db()
    assert contact.user is None


def test_a_revoked_link_explains_itself_and_grants_nothing(client, partnership, secretariat, contact):
    invitation = InvitationFactory(partnership=partnership, contact=contact)
    client.force_login(secretariat)
    url = reverse("stakeholders:invitation_revoke", kwargs={"partnership_pk": partnership.pk, "pk": invitation.pk})
    response = client.post(url, follow=True)
    assert "its link grants nothing any more" in response.content.decode()
    client.logout()
    path = reverse("invitation_accept", kwargs={"token": invitation.token()})
    page = client.get(path)
    assert page.status_code == 410 and "withdrawn by the partnership" in page.content.decode()
    assert accept(client, path).status_code == 410
    assert not User.objects.filter(username="abena").exists()


def test_resending_sends_a_new_link_and_kills_the_old_one(
    client, partnership, secretariat, contact, django_capture_on_commit_callbacks
):
    invite(client, secretariat, partnership, contact, django_capture_on_commit_callbacks)
    old = path_of(link_in(mail.outbox[0]))
    invitation = Invitation.objects.get()
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timezone.timedelta(days=1))
    client.force_login(secretariat)
    url = reverse("stakeholders:invitation_resend", kwargs={"partnership_pk": partnership.pk, "pk": invitation.pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)
    assert "the earlier link no longer works" in response.content.decode()
    client.logout()
    new = path_of(link_in(mail.outbox[1]))
    assert new != old
    stale = client.get(old)
    assert stale.status_code == 410 and "replaced by a newer invitation" in stale.content.decode()
    assert accept(client, new).status_code == 302


def test_a_forged_or_mangled_link_is_not_found(client, partnership, contact):
    invitation = InvitationFactory(partnership=partnership, contact=contact)
    token = invitation.token()
    for bad in (token[:-2] + "xx", "nonsense", f"{invitation.pk}.guess"):
        response = client.get(reverse("invitation_accept", kwargs={"token": bad}))
        assert response.status_code == 404
        assert "not valid" in response.content.decode()


def test_bad_passwords_are_refused_and_the_username_kept(client, partnership, contact):
    invitation = InvitationFactory(partnership=partnership, contact=contact)
    path = reverse("invitation_accept", kwargs={"token": invitation.token()})
    response = client.post(path, {"username": "abena.a", "password1": "123", "password2": "123"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "This password is too short" in html and 'value="abena.a"' in html
    mismatch = client.post(path, {"username": "abena.a", "password1": PASSWORD, "password2": PASSWORD + "x"})
    assert "didn’t match" in mismatch.content.decode()
    assert not User.objects.filter(username="abena.a").exists()
    assert Invitation.objects.get().accepted_at is None  # still usable


def test_a_taken_username_is_refused(client, partnership, contact):
    UserFactory(username="abena")
    invitation = InvitationFactory(partnership=partnership, contact=contact)
    response = accept(client, reverse("invitation_accept", kwargs={"token": invitation.token()}))
    assert response.status_code == 400
    assert "already exists" in response.content.decode() or "taken" in response.content.decode()
    assert Invitation.objects.get().accepted_at is None


def test_a_person_with_an_account_signs_in_to_accept(client, partnership, contact):
    existing = UserFactory(username="abena")
    contact.user = existing
    contact.save()
    invitation = InvitationFactory(partnership=partnership, contact=contact, role=Role.DONOR)
    path = reverse("invitation_accept", kwargs={"token": invitation.token()})
    assert "Sign in to accept" in client.get(path).content.decode()
    client.force_login(UserFactory(username="somebody"))
    assert "but this invitation is for Abena Asante" in client.get(path).content.decode()
    assert client.post(path).status_code == 200  # the wrong account is told, and nothing happens
    assert not PartnershipRole.objects.filter(partnership=partnership, user__username="somebody").exists()
    client.force_login(existing)
    response = client.post(path)
    assert response.status_code == 302
    assert PartnershipRole.objects.get(partnership=partnership, user=existing).role == Role.DONOR


def test_a_signed_in_stranger_cannot_take_an_invitation_for_a_new_account(client, partnership, contact, outsider):
    invitation = InvitationFactory(partnership=partnership, contact=contact)
    client.force_login(outsider)
    path = reverse("invitation_accept", kwargs={"token": invitation.token()})
    assert client.post(path, {"username": "x", "password1": PASSWORD, "password2": PASSWORD}).status_code == 200
    assert Invitation.objects.get().accepted_at is None
    assert not PartnershipRole.objects.filter(partnership=partnership, user=outsider).exists()


class TestInvitingBadInput:
    def test_a_contact_with_an_open_invitation_is_not_invited_twice(self, partnership, secretariat, contact):
        services.invitation_create(partnership=partnership, contact=contact, role="partner", by=secretariat)
        with pytest.raises(ValidationError, match="already has an open invitation"):
            services.invitation_create(partnership=partnership, contact=contact, role="partner", by=secretariat)

    def test_a_contact_without_email_cannot_be_invited(self, partnership, secretariat, contact):
        contact.email = ""
        contact.save()
        with pytest.raises(ValidationError, match="has no e-mail address"):
            services.invitation_create(partnership=partnership, contact=contact, role="partner", by=secretariat)

    def test_only_partners_and_donors_are_invited(self, partnership, secretariat, contact):
        with pytest.raises(ValidationError, match="partners or donors"):
            services.invitation_create(partnership=partnership, contact=contact, role="secretariat", by=secretariat)

    def test_the_form_refuses_a_contact_of_another_partnership(self, client, partnership, secretariat):
        stranger = ContactFactory()
        client.force_login(secretariat)
        response = client.post(
            invitations_url(partnership), {"contact": stranger.pk, "role": "partner", "valid_days": 7}
        )
        assert response.status_code == 200
        assert "Select a valid choice" in response.content.decode()
        assert not Invitation.objects.exists()

    def test_partners_cannot_invite(self, client, partnership, partner, contact):
        client.force_login(partner)
        response = client.post(
            invitations_url(partnership), {"contact": contact.pk, "role": "partner", "valid_days": 7}
        )
        assert response.status_code == 403
        assert not Invitation.objects.exists()

    def test_an_accepted_invitation_cannot_be_revoked(self, partnership, secretariat, contact):
        invitation = InvitationFactory(partnership=partnership, contact=contact, accepted_at=timezone.now())
        with pytest.raises(ValidationError, match="accepted already"):
            services.invitation_revoke(invitation=invitation, by=secretariat)


def test_the_list_shows_pending_accepted_expired_and_revoked(client, partnership, secretariat):
    now = timezone.now()
    InvitationFactory(partnership=partnership, contact__name="Pat Pending")
    InvitationFactory(partnership=partnership, contact__name="Ann Accepted", accepted_at=now)
    InvitationFactory(partnership=partnership, contact__name="Ed Expired", expires_at=now - timezone.timedelta(days=1))
    InvitationFactory(partnership=partnership, contact__name="Rob Revoked", revoked_at=now)
    client.force_login(secretariat)
    html = client.get(invitations_url(partnership)).content.decode()
    for name, status in [
        ("Pat Pending", "pending"),
        ("Ann Accepted", "accepted"),
        ("Ed Expired", "expired"),
        ("Rob Revoked", "revoked"),
    ]:
        row = re.search(rf'<tr data-status="(\w+)">\s*<th scope="row"[^>]*>\s*<span class="fw-semibold">{name}', html)
        assert row and row.group(1) == status, name
    expired_only = client.get(invitations_url(partnership), {"status": "expired"}).content.decode()
    assert "Ed Expired" in expired_only and "Pat Pending" not in expired_only


def test_sending_happens_once_and_the_sweep_sends_what_was_dropped(partnership, secretariat, contact):
    invitation = services.invitation_create(partnership=partnership, contact=contact, role="partner", by=secretariat)
    # The transaction of the test never commits: as if the broker had been down when the invitation was made.
    [row] = Notification.objects.filter(kind="stakeholders.invitation", object_id=invitation.pk)
    Notification.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
    assert tasks.send_pending_notifications.apply().get() == 1
    assert outbox.send(notification_id=row.pk) is False  # a duplicate task
    assert [m.to for m in mail.outbox] == [["abena@union.example"]]
    assert tasks.send_pending_notifications.apply().get() == 0
    invitation.refresh_from_db()
    assert invitation.sent_at is not None and invitation.send_count == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_double_submit_accepts_once(reference_data):
    """Two requests with the same link at the same moment: one account, one role."""
    needs_postgres()
    partnership = PartnershipFactory()
    contact = ContactFactory(name="Kojo Mensah")
    invitation = InvitationFactory(partnership=partnership, contact=contact)
    barrier = threading.Barrier(2)
    results = []

    def go(username):
        try:
            barrier.wait()
            services.invitation_accept(invitation=invitation, username=username, password=PASSWORD)
            results.append("accepted")
        except services.InvitationClosed:
            results.append("closed")
        finally:
            connection.close()

    threads = [threading.Thread(target=go, args=(name,)) for name in ("kojo1", "kojo2")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["accepted", "closed"]
    assert User.objects.filter(username__in=["kojo1", "kojo2"]).count() == 1
    assert PartnershipRole.objects.filter(partnership=partnership).count() == 1
