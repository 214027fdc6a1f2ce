"""Reads that need care (joins, prefetching) so pages run a constant number of queries."""

from collections.abc import Callable

from django.db.models import Q
from django.db.models.expressions import RawSQL

from .models import ActivityEntry, PartnershipRole

# Later apps add entries that are filed under no partnership but concern it (the shared organisation registry):
# each source maps a partnership to a filter on ActivityEntry, evaluated in the same query (no extra round trip).
_activity_sources: list[Callable] = []


def register_activity_source(source: Callable) -> None:
    if source not in _activity_sources:
        _activity_sources.append(source)


def activity_for(partnership):
    """The partnership's audit trail, newest first, with the entries that concern it from registered sources.

    One query whatever the sources: the ids of each branch (the partnership's own entries; each alternative of a
    source's filter) united in a subquery. One filter ORing them (a join to the content types, subqueries) could
    use no index and read every entry of the installation; each branch alone reads its index."""
    branches = [Q(partnership=partnership)]
    for source in _activity_sources:
        where = source(partnership)
        branches += [Q(c) for c in where.children] if where.connector == Q.OR and not where.negated else [where]
    ids = [ActivityEntry.objects.filter(branch).order_by().values("pk") for branch in branches]
    ids = ids[0].union(*ids[1:]) if len(ids) > 1 else ids[0]
    # Compiled to SQL once, here, rather than by each query that filters on it (the feed's page, its kinds of record):
    # the union of its branches and their subqueries costs more to compile (~1.5 ms) than to run.
    return ActivityEntry.objects.filter(pk__in=RawSQL(*ids.query.sql_with_params())).select_related(
        "actor", "content_type"
    )


def roles_for(partnership):
    return PartnershipRole.objects.filter(partnership=partnership).select_related("user")
