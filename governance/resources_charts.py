"""The resources overview's charts (msp.charts, SVG drawn on the server, each with its table): planned vs
committed vs received vs spent per year, and the shares of the cash sources."""

from django.utils.translation import gettext as _

from msp.charts import Bar, HorizontalBarChart, MultiBarChart, Series

from .templatetags.governance_tags import percentage


def _value(figure):
    return float(figure.amount) if figure.amount is not None else 0


def years_chart(figures):
    """Planned, committed, received and spent (expenditure) per year, in the reporting currency."""
    rows = figures.years
    series = [
        Series(_("Planned"), [_value(row.planned) for row in rows]),
        Series(_("Committed"), [_value(row.committed) for row in rows]),
        Series(_("Received"), [_value(row.received) for row in rows]),
        Series(_("Spent"), [_value(row.spent) for row in rows]),
    ]
    return MultiBarChart(
        categories=[row.label for row in rows],
        series=series,
        category_header=_("Year"),
        title=_("Planned, committed, received and spent per year (%(currency)s)") % {"currency": figures.currency},
        description=_(
            "For each year, the planned budget, the funding committed, the funds received and the expenditure, "
            "in %(currency)s. A figure with a missing exchange rate counts as zero here; the table above says which."
        )
        % {"currency": figures.currency},
        chart_id="resources-years",
    )


def shares_chart(figures, named=True):
    """Each cash source's share of committed cash (named only for those who may see every source)."""
    sources = [s for s in figures.sources if s.share is not None]
    bars = [
        Bar(
            label=s.name if named else _("Source %(n)s") % {"n": n},
            value=float(s.share * 100),
            value_text=percentage(s.share),
        )
        for n, s in enumerate(sources, start=1)
    ]
    return HorizontalBarChart(
        bars=bars,
        maximum=100,
        title=_("Shares of committed cash by source"),
        description=_("Each source organisation's share of the cash committed and not withdrawn, largest first."),
        label_header=_("Source"),
        value_header=_("Share"),
        chart_id="resources-shares",
    )
