"""Transition e-mails go through the outbox and Celery: eagerly without a broker, by a worker on Redis."""

import time

import pytest
from django.core import mail
from django.utils import timezone

from msp import outbox, services, tasks
from msp.celery import app
from msp.models import Notification
from phases.services import phase_transition
from tests.brokers import thread_worker
from tests.factories import PartnershipFactory, RoleFactory, UserFactory

# Moving forward passes the phase gate, which these tests are not about.
pytestmark = pytest.mark.usefixtures("gates_open")


def test_without_a_broker_the_task_runs_in_process(
    partnership, secretariat, partner, django_capture_on_commit_callbacks
):
    assert app.conf.task_always_eager
    with django_capture_on_commit_callbacks(execute=True):
        phase_transition(partnership=partnership, to=2, by=secretariat)
    assert {m.to[0] for m in mail.outbox} == {secretariat.email, partner.email}
    assert Notification.objects.filter(sent_at__isnull=True).count() == 0


def test_a_notification_is_sent_at_most_once(partnership, partner):
    [notification] = services.notify(partnership=partnership, recipients=[partner], subject="S", body="B")
    assert outbox.send(notification_id=notification.pk) is True
    assert outbox.send(notification_id=notification.pk) is False  # a retried or duplicate task
    tasks.send_notification.apply(args=[notification.pk])
    assert len(mail.outbox) == 1


def test_a_claimed_notification_is_not_sent_by_a_second_worker(partnership, partner):
    [notification] = services.notify(partnership=partnership, recipients=[partner], subject="S", body="B")
    Notification.objects.filter(pk=notification.pk).update(claimed_at=timezone.now())
    assert outbox.send(notification_id=notification.pk) is False
    assert mail.outbox == []


def test_the_sweep_sends_what_the_broker_dropped(partnership, partner):
    [notification] = services.notify(partnership=partnership, recipients=[partner], subject="Moved", body="B")
    assert tasks.send_pending_notifications.apply().get() == 0  # not yet: the task queued on commit may still run
    Notification.objects.filter(pk=notification.pk).update(next_attempt_at=timezone.now())
    assert tasks.send_pending_notifications.apply().get() == 1
    assert [m.subject for m in mail.outbox] == ["Moved"]
    assert tasks.send_pending_notifications.apply().get() == 0


def test_people_without_an_email_address_are_skipped(partnership):
    nobody = UserFactory(email="")
    assert services.notify(partnership=partnership, recipients=[nobody], subject="S", body="B") == []


@pytest.fixture
def redis_worker():
    """A real Celery worker (in a thread) consuming from the real Redis, on a queue of its own."""
    with thread_worker():
        yield


@pytest.mark.django_db(transaction=True)
def test_a_worker_on_redis_sends_the_transition_email(reference_data, redis_worker):
    partnership = PartnershipFactory(name="Water Partnership")
    secretariat = RoleFactory(partnership=partnership, role="secretariat").user
    partner = RoleFactory(partnership=partnership, role="partner").user

    phase_transition(partnership=partnership, to=2, by=secretariat)  # commits: on_commit queues to Redis

    deadline = time.monotonic() + 20
    while len(mail.outbox) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([secretariat.email, partner.email])
    assert all("Water Partnership moved to phase 2: Design" in m.subject for m in mail.outbox)
    assert not Notification.objects.filter(sent_at__isnull=True).exists()
