"""Celery's side of the outbox (msp.outbox): one task per e-mail, the sweep, and the daily digest.

Tasks take ids and call the outbox; they never import msp.services (services queue tasks, not the reverse).
Retries are the outbox's business (the row's `next_attempt_at`, picked up by the sweep), not Celery's: one
mechanism and one attempt limit for every e-mail.
"""

import logging

from celery import shared_task

from . import outbox

logger = logging.getLogger(__name__)


@shared_task
def send_notification(notification_id):
    """Send one outbox row. Safe to run twice: the row is claimed before sending."""
    return outbox.send(notification_id=notification_id)


def queue_notifications(ids) -> int:
    """Hand each row to its own task. A broker that is down loses nothing: the rows stay pending for the sweep.
    Returns how many were queued."""
    for queued, pk in enumerate(ids):
        try:
            send_notification.delay(pk)
        except Exception:  # kombu raises several unrelated types for an unreachable broker
            logger.exception("Could not queue e-mail %s; the periodic sweep will send it.", pk)
            return queued
    return len(ids)


@shared_task
def send_pending_notifications():
    """The sweep (celery beat, every minute): queues what is due, one task per row, so one slow mail server
    holds up only its own messages. Returns how many were queued."""
    return queue_notifications(outbox.due_ids())


@shared_task
def send_daily_digests():
    """Once a day (celery beat): one e-mail per address with the updates that asked for the daily digest."""
    return queue_notifications(outbox.collect_daily_digest())
