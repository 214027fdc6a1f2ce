"""Reads that need care (joins, prefetching) so pages run a constant number of queries."""

from .models import ActivityEntry, PartnershipRole


def activity_for(partnership):
    """The partnership's audit trail, newest first."""
    return ActivityEntry.objects.filter(partnership=partnership).select_related("actor", "content_type")


def roles_for(partnership):
    return PartnershipRole.objects.filter(partnership=partnership).select_related("user")
