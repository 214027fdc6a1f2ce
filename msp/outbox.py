"""The outbox: every e-mail the app sends, one `Notification` row per message, whatever it is about.

Writing a row (`write`) happens inside the transaction of the event it reports; sending (`send`) happens after
commit, one Celery task per row (msp.tasks), and talks to the mail server outside any transaction. A row is
claimed with a conditional UPDATE, so a retried or duplicated task sends it at most once. A failed attempt puts
the row back with a later `next_attempt_at`; the sweep (msp.tasks.send_pending_notifications) queues it again.
After MAX_ATTEMPTS the row is marked failed and stays so until someone retries it in the admin.

Messages whose text must not be stored (an invitation's link) or must reflect the state at send time name a
renderer (`kind`), registered by the app that owns the record with `register()`; msp never imports those apps.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Delivery, Notification, NotificationAttachment
from .models import NotificationStatus as Status
from .text import one_line

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
# A claim older than this is considered abandoned (the worker died mid-send) and may be taken again.
CLAIM_TIMEOUT = timezone.timedelta(minutes=10)
# The task queued on commit normally sends a row at once; the sweep takes it only after this grace.
SWEEP_GRACE = timezone.timedelta(minutes=5)
SWEEP_BATCH = 500


def retry_delay(attempts):
    """Wait before attempt `attempts + 1`: 5 minutes, doubling, at most 6 hours (8 attempts span about 10 hours)."""
    return min(timezone.timedelta(minutes=5) * 2 ** max(attempts - 1, 0), timezone.timedelta(hours=6))


@dataclass(frozen=True)
class Rendered:
    subject: str
    body: str


@dataclass(frozen=True)
class Kind:
    """How to write a message at send time: `render(row)` returns a Rendered, or None when there is nothing to
    send any more (the row is then cancelled); `sent(row)`, optional, records the sending on the owner's record."""

    render: Callable
    sent: Callable | None = None


_kinds: dict[str, Kind] = {}


def register(name: str, render: Callable, sent: Callable | None = None) -> None:
    _kinds[name] = Kind(render=render, sent=sent)


def write(
    *,
    to,
    subject,
    body="",
    link="",
    partnership=None,
    kind="",
    object_id=None,
    language=None,
    delivery=Delivery.NOW,
    attachments=(),
) -> list[Notification]:
    """Put one message per (address, user or None) pair of `to` in the outbox; call it inside the event's
    transaction. `attachments`: (filename, content, mimetype) triples. The caller queues the sending after
    commit (msp.services does)."""
    if kind and kind not in _kinds:
        raise ValueError(f"No renderer registered for outbox kind {kind!r}.")
    if kind and delivery != Delivery.NOW:
        raise ValueError("A digest is made of stored text; a message written at send time goes out on its own.")
    due = timezone.now() + SWEEP_GRACE
    rows = Notification.objects.bulk_create(
        [
            Notification(
                email=email,
                recipient=recipient,
                partnership=partnership,
                subject=one_line(subject, 200),
                body=body,
                link=link,
                kind=kind,
                object_id=object_id,
                language=language or settings.LANGUAGE_CODE,
                delivery=delivery,
                next_attempt_at=due,
            )
            for email, recipient in to
        ]
    )
    NotificationAttachment.objects.bulk_create(
        [
            NotificationAttachment(notification=row, filename=name, content=content, mimetype=mimetype)
            for row in rows
            for name, content, mimetype in attachments
        ]
    )
    return rows


def cancel(*, kind, object_id) -> int:
    """Withdraw the pending messages about a record (e.g. a revoked invitation). Returns how many."""
    return Notification.objects.filter(kind=kind, object_id=object_id, status=Status.PENDING).update(
        status=Status.CANCELLED
    )


def _claimable(now):
    return Notification.objects.filter(status=Status.PENDING, delivery=Delivery.NOW, attempts__lt=MAX_ATTEMPTS).filter(
        Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_TIMEOUT)
    )


def _message(row) -> EmailMessage | None:
    if row.kind:
        rendered = _kinds[row.kind].render(row)
        if rendered is None:
            return None
        subject, body = rendered.subject, rendered.body
    else:
        subject, body = row.subject, row.body
        if row.link:
            body = f"{body}\n\n{settings.SITE_URL}{row.link}"
    message = EmailMessage(one_line(subject), body, None, [row.email])
    for attachment in row.attachments.all():
        message.attach(attachment.filename, bytes(attachment.content), attachment.mimetype)
    return message


def send(*, notification_id) -> bool:
    """Send one outbox row, at most once. Returns True when this call sent it; never raises for a mail-server or
    rendering failure (the row records it, and the sweep tries again later, up to MAX_ATTEMPTS)."""
    now = timezone.now()
    if not _claimable(now).filter(pk=notification_id).update(claimed_at=now, attempts=F("attempts") + 1):
        return False
    row = Notification.objects.get(pk=notification_id)
    try:
        with translation.override(row.language):
            message = _message(row)
            if message is not None:
                message.send()
    except Exception as exc:  # SMTP, socket and renderer errors alike: recorded on the row, retried later
        gave_up = row.attempts >= MAX_ATTEMPTS
        logger.warning("E-mail %s not sent (attempt %s): %r", row.pk, row.attempts, exc)
        Notification.objects.filter(pk=row.pk).update(
            claimed_at=None,
            last_error=repr(exc)[:2000],
            status=Status.FAILED if gave_up else Status.PENDING,
            next_attempt_at=None if gave_up else timezone.now() + retry_delay(row.attempts),
        )
        return False
    if message is None:
        Notification.objects.filter(pk=row.pk).update(claimed_at=None, status=Status.CANCELLED)
        return False
    Notification.objects.filter(pk=row.pk).update(status=Status.SENT, sent_at=timezone.now(), last_error="")
    kind = _kinds.get(row.kind)
    if kind and kind.sent:
        kind.sent(row)
    return True


def due_ids(*, limit=SWEEP_BATCH) -> list[int]:
    """Rows that should have gone out by now: never queued (the broker was down) or waiting for another try."""
    now = timezone.now()
    return list(
        _claimable(now)
        .filter(next_attempt_at__lte=now)
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )


def retry(ids) -> list[int]:
    """Give failed rows (an operator's choice, from the admin) a fresh set of attempts. Returns the ids to queue."""
    ids = list(Notification.objects.filter(pk__in=ids, status=Status.FAILED).values_list("pk", flat=True))
    Notification.objects.filter(pk__in=ids).update(
        status=Status.PENDING, attempts=0, claimed_at=None, next_attempt_at=timezone.now()
    )
    return ids


def collect_daily_digest() -> list[int]:
    """Fold each address's pending daily-digest rows into one message (delivery now) and return the new rows' ids.

    The items are taken with a conditional UPDATE, so two runs at once never put a row in two digests.
    """
    pending = Notification.objects.filter(status=Status.PENDING, delivery=Delivery.DAILY)
    groups = pending.values_list("email", "language").distinct().order_by("email", "language")
    digests = []
    for email, language in groups:
        with transaction.atomic():
            ids = list(pending.filter(email=email, language=language).values_list("pk", flat=True))
            digest = Notification.objects.create(
                email=email, language=language, subject="", next_attempt_at=timezone.now() + SWEEP_GRACE
            )
            Notification.objects.filter(pk__in=ids, status=Status.PENDING).update(status=Status.DIGESTED, digest=digest)
            items = list(digest.items.order_by("created_at", "pk"))
            if not items:
                digest.delete()
                continue
            with translation.override(language):
                digest.recipient_id = items[0].recipient_id
                digest.subject = one_line(
                    ngettext(
                        "Your daily summary: %(count)d update", "Your daily summary: %(count)d updates", len(items)
                    )
                    % {"count": len(items)},
                    200,
                )
                digest.body = (
                    "\n\n".join(_digest_entry(item) for item in items)
                    + "\n\n"
                    + _("You receive these updates once a day.")
                )
            digest.save(update_fields=["recipient", "subject", "body"])
        digests.append(digest.pk)
    return digests


def _digest_entry(item):
    text = f"{one_line(item.subject)}\n{item.body}".rstrip()
    if item.link:
        text += f"\n{settings.SITE_URL}{item.link}"
    return text
