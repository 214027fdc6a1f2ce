"""The donor report's summary: the period in a few formal sentences and a table of headline figures (phase,
members, indicators on and off track, budget planned, committed and spent, checklist health, decisions adopted).

Reads what the other sections load through the report's context (members, decisions, the checklist run), plus the
indicator summary (as monitoring.selectors.table counts them, two queries) and the resources figures
(ctx.resources, shared with the finances). Indicators are counted as a donor sees them: checked (locked) periods only,
as they stood at the period's end.
"""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _

from msp.models import Phase

from ... import progress
from ...selectors.indicators import periods_prefetch
from ...selectors.table import IndicatorRow, scoped, summarise
from .. import partnership_reads


def indicator_summary(ctx):
    """How many indicators were on track, at risk, off track or without data at the period's end: each one's light
    is that of its latest checked period that started by then (what a donor sees; later periods are left out, so a
    report on an earlier period keeps the lights of then). Two queries."""
    donor = AnonymousUser()  # a donor's view: locked periods only (monitoring.selectors.indicators)
    rows = []
    for indicator in scoped(ctx.partnership).prefetch_related(periods_prefetch(donor, ctx.partnership)):
        series = progress.series(indicator, [p for p in indicator.periods.all() if p.start <= ctx.end])
        overdue = sum(1 for r in series if progress.is_overdue(r.period, r.actual, ctx.end))
        rows.append(IndicatorRow(indicator, None, series, progress.latest(series), overdue))
    return summarise(rows)


def collect(ctx) -> dict:
    figures = ctx.resources.total  # loaded once for the summary and the finances
    run = ctx.checklist_run
    phase, since = partnership_reads.phase_at_end(ctx)
    return {
        "phase": Phase(phase).label,
        "phase_since": since,
        "members": len(ctx.memberships),
        "core": sum(1 for m in ctx.memberships if m.is_core_group),
        "indicators": indicator_summary(ctx),
        "money": [
            (_("Planned"), figures.planned),
            (_("Committed"), figures.committed),
            (_("Spent"), figures.spent),
        ],
        "coverage": figures.coverage,
        "run": run,
        "decisions": len(ctx.decisions),
    }
