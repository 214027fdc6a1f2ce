"""Writes of a person's own desk: reading notices, choosing how each kind is delivered, sending reminders."""

from django.db import transaction
from django.utils import timezone

from msp import notices
from msp.notices import Channel, Notice, NoticeKind, NoticePreference
from msp.services import notify

from . import reminders


def notice_read(*, notice) -> Notice:
    """Mark one notice read (once: reading it again keeps the first time)."""
    Notice.objects.filter(pk=notice.pk, read_at__isnull=True).update(read_at=timezone.now())
    notice.refresh_from_db(fields=["read_at"])
    return notice


def notices_read_all(*, user) -> int:
    return Notice.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())


def notice_preferences_save(*, user, channels: dict) -> list[NoticePreference]:
    """Store how `user` wants each kind delivered (`channels`: kind -> Channel); kinds not named keep theirs."""
    rows = []
    with transaction.atomic():
        for kind, channel in channels.items():
            if kind not in NoticeKind.values or channel not in Channel.values:
                raise ValueError(f"unknown kind or channel: {kind!r}, {channel!r}")
            rows.append(
                NoticePreference.objects.update_or_create(user=user, kind=kind, defaults={"channel": channel})[0]
            )
    return rows


def reminders_send(*, today=None) -> int:
    """Send every reminder due `today` (inbox.reminders) through msp.services.notify, each in its own
    transaction. Idempotent for the day: notify skips a person who already has the notice (kind, key, day), so
    a second run the same day writes nothing. Returns how many notices it wrote."""
    today = today or notices.today()
    written = Notice.objects.filter(day=today, kind__in=reminders.KINDS)
    before = written.count()
    for reminder in reminders.due_reminders(today):
        if not reminder.recipients:
            continue
        with transaction.atomic():
            notify(
                partnership=reminder.partnership,
                recipients=reminder.recipients,
                subject=reminder.subject,
                body=reminder.body,
                link=reminder.link,
                kind=reminder.kind,
                key=reminder.key,
                day=today,
            )
    return written.count() - before
