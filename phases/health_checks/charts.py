"""The round page's chart: the members' mean score per item, on the whole scale of 1 to 5 (msp.charts)."""

from django.utils import formats
from django.utils.translation import gettext as _

from msp.charts import Bar, HorizontalBarChart


def means_chart(health_check, items):
    """One bar per item that has scores (an item nobody scored has no mean to draw)."""
    bars = [
        Bar(label=entry.item.id, value=entry.mean, value_text=formats.number_format(round(entry.mean, 1), 1))
        for entry in items
        if entry.scores
    ]
    return HorizontalBarChart(
        bars=bars,
        title=_("Mean score per item in “%(title)s”") % {"title": health_check.title},
        description=_("The members' mean score of each item, on a scale of 1 (not at all) to 5 (fully)."),
        label_header=_("Item"),
        value_header=_("Mean score"),
        maximum=5,
        track=True,
        chart_id=f"health-check-{health_check.pk}",
    )
