"""One outbox for every e-mail: notifications and invitations alike, one attempt limit, one task per message."""

from io import StringIO

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation

from msp import outbox, services, tasks
from msp.models import Delivery, Notification
from msp.models import NotificationStatus as Status
from phases.services import phase_transition
from stakeholders import services as stakeholder_services
from tests.factories import ContactFactory, MembershipFactory, UserFactory

# Moving forward passes the phase gate: fake rules that all pass (tests/gates.py).
pytestmark = pytest.mark.usefixtures("gates_open")


@pytest.fixture
def contact(partnership):
    membership = MembershipFactory(partnership=partnership, organisation__name="Farmers' Union")
    return ContactFactory(organisation=membership.organisation, name="Abena Asante", email="abena@nowhere.example")


def invite(partnership, secretariat, contact):
    return stakeholder_services.invitation_create(
        partnership=partnership, contact=contact, role="partner", by=secretariat
    )


def sweep_until_quiet(rounds=20):
    """Run the sweep as beat would, each time after the row's waiting time has passed."""
    for _ in range(rounds):
        Notification.objects.filter(status=Status.PENDING).update(next_attempt_at=timezone.now())
        if not tasks.send_pending_notifications.apply().get():
            return


def test_notifications_and_invitations_go_through_one_outbox(
    partnership, secretariat, partner, contact, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        phase_transition(partnership=partnership, to=2, by=secretariat)
        invitation = invite(partnership, secretariat, contact)
    assert {(r.email, r.status) for r in Notification.objects.all()} == {
        (secretariat.email, Status.SENT),
        (partner.email, Status.SENT),
        ("abena@nowhere.example", Status.SENT),
    }
    row = Notification.objects.get(email="abena@nowhere.example")
    assert (row.kind, row.object_id) == ("stakeholders.invitation", invitation.pk)
    assert row.recipient is None  # a bare address: the contact has no account yet
    assert sorted(m.to[0] for m in mail.outbox) == sorted([secretariat.email, partner.email, contact.email])


def test_a_permanently_failing_address_stops_after_the_limit(
    partnership, secretariat, partner, contact, settings, django_capture_on_commit_callbacks, client
):
    settings.EMAIL_BACKEND = "tests.mailservers.Refusing"
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite(partnership, secretariat, contact)
        services.notify(partnership=partnership, recipients=[partner], subject="Moved", body="B")
    sweep_until_quiet()
    for row in Notification.objects.all():
        assert (row.status, row.attempts) == (Status.FAILED, outbox.MAX_ATTEMPTS)
        assert "No such user" in row.last_error
    Notification.objects.update(next_attempt_at=timezone.now() - timezone.timedelta(days=30))
    assert tasks.send_pending_notifications.apply().get() == 0  # given up: nothing is queued any more
    assert outbox.send(notification_id=Notification.objects.first().pk) is False
    # the secretariat sees it on the invitations list, and that resending is the way out
    client.force_login(secretariat)
    page = client.get(reverse("stakeholders:invitations", kwargs={"partnership_pk": partnership.pk}))
    assert "could not be delivered" in page.content.decode()
    invitation.refresh_from_db()
    assert invitation.sent_at is None


def test_a_failed_attempt_waits_before_the_next(partnership, partner, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.mailservers.Down"
    with django_capture_on_commit_callbacks(execute=True):
        [row] = services.notify(partnership=partnership, recipients=[partner], subject="S", body="B")
    row.refresh_from_db()
    assert (row.status, row.attempts) == (Status.PENDING, 1)
    assert row.next_attempt_at > timezone.now() + timezone.timedelta(minutes=4)
    assert tasks.send_pending_notifications.apply().get() == 0  # not due yet
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Notification.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
    assert tasks.send_pending_notifications.apply().get() == 1
    row.refresh_from_db()
    assert (row.status, row.attempts, row.last_error) == (Status.SENT, 2, "")
    assert len(mail.outbox) == 1


def test_the_sweep_queues_one_task_per_message_and_sends_nothing_itself(partnership, partner, monkeypatch):
    rows = [
        services.notify(partnership=partnership, recipients=[partner], subject=f"S{i}", body="B")[0] for i in range(3)
    ]
    Notification.objects.update(next_attempt_at=timezone.now())
    queued = []
    monkeypatch.setattr(tasks.send_notification, "delay", queued.append)
    assert tasks.send_pending_notifications.apply().get() == 3
    assert sorted(queued) == sorted(r.pk for r in rows)
    assert mail.outbox == []


def test_a_broker_outage_leaves_the_rows_for_the_sweep(
    partnership, partner, monkeypatch, django_capture_on_commit_callbacks
):
    def broker_down(*args):
        raise ConnectionRefusedError("Error 111")

    monkeypatch.setattr(tasks.send_notification, "delay", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(partnership=partnership, recipients=[partner], subject="S", body="B")
    monkeypatch.undo()
    assert mail.outbox == []
    sweep_until_quiet()
    assert [m.subject for m in mail.outbox] == ["S"]


def test_a_message_is_written_and_sent_in_its_language(partnership, contact, secretariat):
    seen = []
    outbox.register(
        "tests.language", render=lambda row: seen.append(translation.get_language()) or outbox.Rendered("S", "B")
    )
    [row] = outbox.write(to=[("x@example.org", None)], subject="S", kind="tests.language", language="fr")
    assert row.language == "fr"
    [default] = outbox.write(to=[("y@example.org", None)], subject="S", kind="tests.language")
    assert default.language == "en"  # settings.LANGUAGE_CODE until people choose theirs
    assert outbox.send(notification_id=row.pk) and outbox.send(notification_id=default.pk)
    assert seen == ["fr", "en"]


def test_attachments_are_sent_with_the_message(partnership, partner, django_capture_on_commit_callbacks):
    ics = b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(
            partnership=partnership,
            recipients=[partner],
            subject="Steering committee",
            body="B",
            attachments=[("meeting.ics", ics, "text/calendar")],
        )
    [message] = mail.outbox
    assert message.attachments == [("meeting.ics", ics.decode(), "text/calendar")]


def test_the_daily_digest_sends_one_message_per_person(partnership, partner, secretariat):
    for subject in ("Roadmap approved", "MoU in force"):
        services.notify(
            partnership=partnership,
            recipients=[partner, secretariat],
            subject=subject,
            body="",
            delivery=Delivery.DAILY,
        )
    services.notify(partnership=partnership, recipients=[partner], subject="Right away", body="")
    Notification.objects.update(next_attempt_at=timezone.now())
    assert tasks.send_pending_notifications.apply().get() == 1  # the digest items wait for the daily job
    assert [m.subject for m in mail.outbox] == ["Right away"]
    mail.outbox.clear()

    assert tasks.send_daily_digests.apply().get() == 2
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {partner.email, secretariat.email}
    digest = by_address[partner.email]
    assert digest.subject == "Your daily summary: 2 updates"
    assert "Roadmap approved" in digest.body and "MoU in force" in digest.body and "Right away" not in digest.body
    assert Notification.objects.filter(status=Status.DIGESTED).count() == 4
    assert tasks.send_daily_digests.apply().get() == 0  # nothing twice


def test_a_message_written_at_send_time_cannot_wait_for_the_digest(db):
    outbox.register("tests.plain", render=lambda row: outbox.Rendered("S", "B"))
    with pytest.raises(ValueError, match="goes out on its own"):
        outbox.write(to=[("x@example.org", None)], subject="S", kind="tests.plain", delivery=Delivery.DAILY)


def test_people_and_addresses_without_an_address_get_nothing(partnership):
    assert services.notify(partnership=partnership, recipients=[UserFactory(email="")], subject="S", body="B") == []


class TestAdmin:
    def test_the_outbox_is_listed_read_only(self, client, superuser, partnership, partner):
        services.notify(partnership=partnership, recipients=[partner], subject="Phase moved", body="B")
        client.force_login(superuser)
        page = client.get(reverse("admin:msp_notification_changelist"))
        assert page.status_code == 200
        assert "Phase moved" in page.content.decode() and partner.email in page.content.decode()
        assert client.get(reverse("admin:msp_notification_add")).status_code == 403

    def test_a_failed_row_can_be_sent_again(
        self, client, superuser, partnership, partner, django_capture_on_commit_callbacks
    ):
        [row] = services.notify(partnership=partnership, recipients=[partner], subject="S", body="B")
        Notification.objects.filter(pk=row.pk).update(
            status=Status.FAILED, attempts=outbox.MAX_ATTEMPTS, last_error="550"
        )
        client.force_login(superuser)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("admin:msp_notification_changelist"),
                {"action": "retry", "_selected_action": [row.pk]},
                follow=True,
            )
        assert "1 e-mail queued again." in response.content.decode()
        row.refresh_from_db()
        assert (row.status, row.attempts) == (Status.SENT, 1)
        assert len(mail.outbox) == 1

    def test_staff_who_may_only_look_cannot_send_again(self, client, partnership, partner):
        [row] = services.notify(partnership=partnership, recipients=[partner], subject="S", body="B")
        Notification.objects.filter(pk=row.pk).update(status=Status.FAILED, attempts=outbox.MAX_ATTEMPTS)
        viewer = UserFactory(is_staff=True)
        viewer.user_permissions.add(Permission.objects.get(codename="view_notification"))
        client.force_login(viewer)
        page = client.get(reverse("admin:msp_notification_changelist"))
        assert page.status_code == 200 and 'value="retry"' not in page.content.decode()
        client.post(reverse("admin:msp_notification_changelist"), {"action": "retry", "_selected_action": [row.pk]})
        row.refresh_from_db()
        assert row.status == Status.FAILED and mail.outbox == []


class TestScheduledJobsWithoutBeat:
    def test_cron_can_run_the_sweep_alone(self, partnership, partner):
        services.notify(partnership=partnership, recipients=[partner], subject="Now", body="")
        services.notify(
            partnership=partnership, recipients=[partner], subject="Daily", body="", delivery=Delivery.DAILY
        )
        Notification.objects.update(next_attempt_at=timezone.now())
        out = StringIO()
        call_command("run_scheduled_jobs", "send-pending-notifications", stdout=out)
        assert out.getvalue().strip() == "send-pending-notifications: done"
        assert [m.subject for m in mail.outbox] == ["Now"]  # the digest waits for its daily run

    def test_without_names_every_job_runs(self, partnership, partner):
        services.notify(
            partnership=partnership, recipients=[partner], subject="Daily", body="", delivery=Delivery.DAILY
        )
        out = StringIO()
        call_command("run_scheduled_jobs", stdout=out)
        assert "send-daily-digests: done" in out.getvalue()
        assert [m.subject for m in mail.outbox] == ["Your daily summary: 1 update"]

    def test_an_unknown_job_is_refused(self, db):
        with pytest.raises(CommandError, match="Unknown job: nightly"):
            call_command("run_scheduled_jobs", "nightly")
