"""Every indicator of a partnership with its result, its visible periods' progress, its latest light and whether
its data is overdue: for the indicator table, the SDG page, the export and the dashboard's results card.

A fixed number of queries whatever the number of indicators and periods: the indicators with their responsible
organisation, their SDG targets (with the goal), their visible periods with actuals (and, for the export, their
breakdown), and the results chain (governance.selectors.budget.nodes_by_key: two or three). Donors see locked
periods only (indicators.periods_prefetch), so their lights are those of checked data.

An indicator's status is the light of its latest period with an actual (monitoring.progress.latest), "none" when
there is no such period or no light (no target, no baseline, no light set by a person)."""

from collections import Counter
from dataclasses import dataclass
from types import SimpleNamespace

from django.db.models import Prefetch
from django.utils import timezone

from governance.models import LEVEL_ORDER, Level
from governance.selectors.budget import nodes_by_key
from msp import access, compiled
from msp.codelists import SdgTarget

from .. import progress
from ..models import Dimension, Indicator, Light
from .indicators import periods_prefetch, visible_periods

NO_DATA = "none"
# What the table shows of a period and its actual, and what progress needs: not who entered or locked them when
# (time stamps with a time zone, the dearest columns to read), nor the narrative and the note.
TABLE_PERIOD_FIELDS = ("start", "end", "target_value", "target_text", "actual__value", "actual__text", "actual__light")
# The statuses in the order the pages list them: green, amber, red, no data.
STATUSES = [Light.GREEN, Light.AMBER, Light.RED, NO_DATA]


@dataclass(frozen=True)
class IndicatorRow:
    indicator: Indicator
    node: object  # the results-chain node (ResultNode) in the roadmap's current wording, or None
    series: list  # [progress.PeriodProgress] of the visible periods, oldest first
    latest: progress.PeriodProgress | None  # the newest period with an actual
    overdue: int  # visible periods whose data is overdue (progress.is_overdue)

    @property
    def status(self) -> str:
        return self.latest.light if self.latest is not None and self.latest.light else NO_DATA

    @property
    def level(self) -> str:
        return self.node.level if self.node is not None else ""


@dataclass(frozen=True)
class Summary:
    """How many indicators are on track, at risk, off track or without data, and how many have overdue data."""

    green: int = 0
    amber: int = 0
    red: int = 0
    none: int = 0
    overdue: int = 0

    @property
    def total(self) -> int:
        return self.green + self.amber + self.red + self.none


def scoped(partnership):
    """The indicators of `partnership`: what the table's filters run on."""
    return Indicator.objects.filter(partnership=partnership)


def _order(row: IndicatorRow):
    # Impact first, down to activities; indicators whose node left the results chain come last.
    level = LEVEL_ORDER.index(row.node.level) if row.node is not None else len(LEVEL_ORDER)
    position = row.node.position if row.node is not None else 0
    return level, position, row.indicator.position, row.indicator.pk


def _plain_periods(user, partnership, indicator_ids, fields) -> dict:
    """{indicator id: its visible periods, oldest first}, each a plain object with `fields` (TABLE_PERIOD_FIELDS)
    and `actual` (a plain object with the "actual__" ones, or None): read as tuples in one query, for a page that
    shows a few fields of a few hundred periods (a model instance each for the period and its actual cost more
    than drawing the rows)."""
    own = [name for name in fields if not name.startswith("actual__")]
    of_actual = [name.removeprefix("actual__") for name in fields if name.startswith("actual__")]
    rows = (
        visible_periods(user, partnership)
        .filter(indicator__in=indicator_ids)
        .order_by("start", "pk")
        .values_list("indicator_id", "actual__pk", *own, *(f"actual__{name}" for name in of_actual))
    )
    periods = {}
    for indicator_id, actual_pk, *values in rows:
        period = SimpleNamespace(**dict(zip(own, values, strict=False)))
        actual = dict(zip(of_actual, values[len(own) :], strict=True))
        period.actual = SimpleNamespace(**actual) if actual_pk is not None else None
        periods.setdefault(indicator_id, []).append(period)
    return periods


def _series_row(indicator, node, periods, today) -> IndicatorRow:
    series = progress.series(indicator, periods)
    overdue = sum(1 for r in series if progress.is_overdue(r.period, r.actual, today))
    return IndicatorRow(indicator, node, series, progress.latest(series), overdue)


def indicator_rows(
    user, partnership, *, nodes=None, breakdown=False, today=None, period_fields=None
) -> list[IndicatorRow]:
    """Every indicator of `partnership` as `user` sees it, ordered by results level (impact first), the node's
    place in the chain, then the indicator's own. `nodes` (nodes_by_key) when the caller has them already;
    `breakdown` loads each actual's disaggregated values too (the export); `period_fields` (TABLE_PERIOD_FIELDS) reads
    only those of the periods and actuals, as plain objects (`_plain_periods`; not `indicator.periods`)."""
    today = today or timezone.localdate()
    nodes = nodes_by_key(partnership) if nodes is None else nodes
    queryset = (
        scoped(partnership)
        .select_related("responsible")
        .prefetch_related(Prefetch("sdg_targets", queryset=SdgTarget.objects.select_related("goal")))
    )
    if period_fields:
        indicators = list(queryset)
        periods = _plain_periods(user, partnership, [indicator.pk for indicator in indicators], period_fields)
        shown = [(indicator, periods.get(indicator.pk, [])) for indicator in indicators]
    else:
        indicators = queryset.prefetch_related(periods_prefetch(user, partnership, breakdown=breakdown))
        shown = [(indicator, list(indicator.periods.all())) for indicator in indicators]
    rows = [
        _series_row(indicator, nodes.get(indicator.result_node_key), periods, today) for indicator, periods in shown
    ]
    return sorted(rows, key=_order)


def by_level(rows) -> list[tuple[str, str, list[IndicatorRow]]]:
    """[(level, its label, rows)] in the order of the results chain, levels without rows left out; the rows
    whose node is no longer in the results chain last, under level ""."""
    groups = {}
    for row in rows:
        groups.setdefault(row.level, []).append(row)
    labels = {level: Level(level).label for level in LEVEL_ORDER}
    return [(level, labels.get(level, ""), groups[level]) for level in [*LEVEL_ORDER, ""] if level in groups]


def summarise(rows) -> Summary:
    statuses = Counter(row.status for row in rows)
    return Summary(
        green=statuses[Light.GREEN],
        amber=statuses[Light.AMBER],
        red=statuses[Light.RED],
        none=statuses[NO_DATA],
        overdue=sum(1 for row in rows if row.overdue),
    )


def summary_for(user, partnership, *, today=None) -> Summary:
    """The summary of the dashboard's results card, in two light queries (the indicators' and their visible
    periods' few fields, as tuples): the same progress rules (monitoring.progress, `_row`) on stand-ins of the
    rows, without building hundreds of model instances for five numbers. No results chain, no SDG targets."""
    today, pk = today or timezone.localdate(), partnership.pk
    fields = ("pk", "measure", "aggregation", "baseline_value", "direction")
    found = compiled.rows("monitoring.summary.indicators", lambda p: scoped(p).order_by().values_list(*fields), pk)
    indicators = {row[0]: (Indicator(**dict(zip(fields, row, strict=True))), []) for row in found}

    def build(p):
        return (
            visible_periods(user, partnership)
            .filter(indicator__partnership=p)
            .order_by("indicator_id", "start", "pk")
            .values_list("indicator_id", "end", "target_value", "actual__pk", "actual__value", "actual__light")
        )

    # Compiled once for each of visible_periods' two shapes (all periods, or the locked ones).
    periods = compiled.rows(
        ("monitoring.summary.periods", access.can(user, "view_open_periods", partnership)), build, pk
    )
    for indicator_id, end, target, actual_pk, value, light in periods:
        actual = SimpleNamespace(value=value, light=light) if actual_pk is not None else None
        indicators[indicator_id][1].append(SimpleNamespace(end=end, target_value=target, actual=actual))
    return summarise([_series_row(indicator, None, shown, today) for indicator, shown in indicators.values()])


def dimensions(partnership):
    """The partnership's disaggregation dimensions with their categories, in order (two queries)."""
    return Dimension.objects.filter(partnership=partnership).prefetch_related("categories")
