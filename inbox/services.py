"""Writes of a person's own desk."""

from django.utils import timezone

from msp.notices import Notice


def notice_read(*, notice) -> Notice:
    """Mark one notice read (once: reading it again keeps the first time)."""
    Notice.objects.filter(pk=notice.pk, read_at__isnull=True).update(read_at=timezone.now())
    notice.refresh_from_db(fields=["read_at"])
    return notice


def notices_read_all(*, user) -> int:
    return Notice.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())
