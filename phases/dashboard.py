from django.utils.formats import date_format
from django.utils.timezone import get_current_timezone_name, localtime
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from msp import compiled
from msp.charts import Bar, HorizontalBarChart, MultiBarChart, Series, percent
from msp.memo import Memo
from msp.registry import Card, Tab, register_card, register_tab

from . import runs
from .models import ChecklistRun, RunItem
from .selectors import transitions_for

register_tab(Tab("phases", gettext_lazy("Phases"), "phases:history", order=10))
register_tab(Tab("checklist", gettext_lazy("Checklist"), "phases:checklist", order=11, action="view_summary"))


def phase_history(request, partnership):
    # The timeline's lines, not the gate's and the apps' snapshots (JSON the card does not show).
    transitions = compiled.instances(
        "phases.dashboard.history", lambda p: transitions_for(p).defer("gate_snapshot", "snapshots")[:6], partnership.pk
    )
    return {"transitions": transitions}


register_card(Card("phase_history", "phases/cards/history.html", order=15, context=phase_history))

TREND_RUNS = 8


def _area_chart(run):
    bars = [
        Bar(label=area.label, value=(share or 0) * 100, value_text=percent(share * 100) if share is not None else "–")
        for area, share in runs.area_health(run)
    ]
    return HorizontalBarChart(
        bars=bars, maximum=100, track=True, title=_("Health per area"), label_header=_("Area"), value_header=_("Health"),
        description=_("The share of the checks that pass in each area of the latest run (a warning counts half)."),
        chart_id="checklist-areas",
    )  # fmt: skip


def _trend_chart(recent):
    shown = list(reversed(recent))
    return MultiBarChart(
        categories=[date_format(localtime(run.created_at), "SHORT_DATETIME_FORMAT") for run in shown],
        series=[Series(_("Health"), [round((run.overall or 0) * 100) for run in shown])],
        category_header=_("Evaluated"), maximum=100, title=_("Health over the last runs"),
        description=_("The overall health of each of the last runs, oldest first, in percent."),
        chart_id="checklist-trend",
    )  # fmt: skip


def checklist_health(request, partnership):
    """The latest run's health, per area, its trend, and what changed since the run before (up to 5 items)."""
    recent = compiled.instances(
        "phases.dashboard.runs", lambda p: ChecklistRun.objects.filter(partnership=p)[:TREND_RUNS], partnership.pk
    )
    if not recent:
        return {"run": None}
    return {"run": recent[0], "previous": recent[1] if len(recent) > 1 else None, **_drawn(recent)}


# The charts and changes of the last runs, drawn once per language and time zone: a run and its items are written
# once and never change (append-only, guarded in the database), so a new run is a new key and nothing is ever
# stale. Keyed by each run's id and time (not its id alone: a test database may give a rolled-back run's id again).
_DRAWN = Memo(maxsize=256)


def _drawn(recent) -> dict:
    key = (tuple((run.pk, run.created_at) for run in recent), get_language(), get_current_timezone_name())
    return _DRAWN.get(key, lambda: _draw(recent))


def _draw(recent) -> dict:
    latest, previous = recent[0], recent[1] if len(recent) > 1 else None
    # What runs.changes compares, no more: not the evidence and links (JSON) of 80-odd items, nor their order.
    items = RunItem.objects.filter(run__in=recent[:2]).order_by().only("run_id", "item_id", "result")
    return {
        "areas": _area_chart(latest).drawn(),
        "trend": _trend_chart(recent).drawn() if previous else None,
        "changes": runs.changes(latest, previous, items if previous else [])[:5],
    }


register_card(
    Card("checklist_health", "phases/cards/health.html", order=16, context=checklist_health, action="view_summary")
)
