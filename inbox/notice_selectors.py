"""Reads of a person's notifications. A notice about a partnership the person no longer holds a role on is not
shown (nor counted, nor opened): what they may know follows msp.access, not what they were once told."""

from django.db.models import BooleanField, ExpressionWrapper, Q

from msp import access
from msp.notices import Notice


def notices_for(user):
    """`user`'s own notices they may still see: one query, whatever the number of partnerships."""
    rows = Notice.objects.filter(recipient=user)
    if user.is_superuser:
        return rows
    return rows.filter(Q(partnership__isnull=True) | Q(partnership__in=access.partnerships_for(user)))


def notice_list(user, *, unread_only=False):
    """The list page's rows, unread first, then newest first, with their partnership."""
    rows = notices_for(user).select_related("partnership")
    if unread_only:
        rows = rows.filter(read_at__isnull=True)
    unread = ExpressionWrapper(Q(read_at__isnull=True), output_field=BooleanField())
    return rows.annotate(unread=unread).order_by("-unread", "-created_at", "-pk")


def unread_count(user) -> int:
    return notices_for(user).filter(read_at__isnull=True).count()
