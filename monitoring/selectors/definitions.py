"""Reads of the secretariat's definitions, with a fixed number of queries."""

from django.db.models import Count, Exists, OuterRef

from ..models import Breakdown, Dimension


def dimensions_for(partnership):
    """The partnership's dimensions with their categories, how many indicators use each, and whether values were
    recorded by it (`in_use`: then it cannot be deleted). Two queries."""
    used = Breakdown.objects.filter(category__dimension=OuterRef("pk"))
    return list(
        Dimension.objects.filter(partnership=partnership)
        .annotate(indicator_count=Count("indicators", distinct=True), in_use=Exists(used))
        .prefetch_related("categories")
    )
