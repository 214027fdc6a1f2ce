"""The Results and Reports tabs and the dashboard's results card (see msp.registry)."""

from types import SimpleNamespace

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from msp import access
from msp.registry import Card, Tab, register_card, register_tab

from . import progress
from .models import Indicator
from .selectors import table as selectors
from .selectors.indicators import visible_periods

# The indicator table, the SDG page (monitoring/views): everyone with a role; donors see locked periods only.
register_tab(Tab("results", _("Results"), "monitoring:indicators", order=40, action="view_indicators"))
# Reports (monitoring/views/reports.py): everyone with a role; donors and partners see released and published ones.
register_tab(Tab("reports", _("Reports"), "monitoring:reports", order=50, action="view_reports"))


def summary(user, partnership, today=None) -> selectors.Summary:
    """selectors.table.summary_for's figures from two light queries (the indicators' and their visible periods'
    few fields, as tuples): the same progress rules (monitoring.progress) on stand-ins of the rows, without
    building hundreds of model instances for five numbers."""
    today = today or timezone.localdate()
    fields = ("pk", "measure", "aggregation", "baseline_value", "direction")
    indicators = {
        row[0]: (Indicator(**dict(zip(fields, row, strict=True))), [])
        for row in selectors.scoped(partnership).order_by().values_list(*fields)
    }
    periods = (
        visible_periods(user, partnership)
        .filter(indicator__partnership=partnership)
        .order_by("indicator_id", "start", "pk")
        .values_list("indicator_id", "end", "target_value", "actual__pk", "actual__value", "actual__light")
    )
    for indicator_id, end, target, actual_pk, value, light in periods:
        actual = SimpleNamespace(value=value, light=light) if actual_pk is not None else None
        indicators[indicator_id][1].append(SimpleNamespace(end=end, target_value=target, actual=actual))
    rows = []
    for indicator, shown in indicators.values():
        series = progress.series(indicator, shown)
        overdue = sum(1 for r in series if progress.is_overdue(r.period, r.actual, today))
        rows.append(selectors.IndicatorRow(indicator, None, series, progress.latest(series), overdue))
    return selectors.summarise(rows)


def results_card(request, partnership):
    """How many indicators are on track, at risk, off track or without data, and how many have overdue data
    (two queries: the indicators, their visible periods with actuals). Donors count checked (locked) data only."""
    user = request.user
    return {
        "summary": summary(user, partnership),
        "checked_only": not access.can(user, "view_open_periods", partnership),
    }


register_card(
    Card("results", "monitoring/cards/results.html", order=24, context=results_card, action="view_indicators")
)
