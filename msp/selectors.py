"""Reads that need care (joins, prefetching) so pages run a constant number of queries."""

from collections.abc import Callable

from django.db.models import Q

from .models import ActivityEntry, PartnershipRole

# Later apps add entries that are filed under no partnership but concern it (the shared organisation registry):
# each source maps a partnership to a filter on ActivityEntry, evaluated in the same query (no extra round trip).
_activity_sources: list[Callable] = []


def register_activity_source(source: Callable) -> None:
    if source not in _activity_sources:
        _activity_sources.append(source)


def activity_for(partnership):
    """The partnership's audit trail, newest first, with the entries that concern it from registered sources."""
    where = Q(partnership=partnership)
    for source in _activity_sources:
        where |= source(partnership)
    return ActivityEntry.objects.filter(where).select_related("actor", "content_type")


def roles_for(partnership):
    return PartnershipRole.objects.filter(partnership=partnership).select_related("user")
