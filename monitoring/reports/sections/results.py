"""The donor report's "Results against plan": the results chain (impacts, outcomes and outputs with the indicators
that measure them), the indicator table (baseline, target, actual with its disaggregation, the light in words),
progress charts of the key numeric indicators, and the roadmap's milestones due in the period.

Everything comes from what `ctx` has loaded once (indicator rows with their checked periods and breakdowns, the
results chain, the milestones), so the section runs no query of its own whatever the number of indicators.
Donors read checked data only: an indicator's figures are those of its latest locked period that ends in the
report period (monitoring.selectors.indicators.visible_periods, as a donor sees them).
"""

from dataclasses import dataclass

from governance.models import Level, MilestoneStatus

from ...charts import indicator_chart

# Charts of at most this many indicators (the numeric ones with checked data in the period, in the chain's
# order); the table lists every indicator.
MAX_CHARTS = 6
# Two charts side by side on A4: drawn narrower than a page's chart, so their text stays legible when shrunk.
CHART_WIDTH = 520
# The levels of the results chain the report draws: activities are the workplan's, not results.
CHAIN_LEVELS = (Level.IMPACT, Level.OUTCOME, Level.OUTPUT)


@dataclass(frozen=True)
class Share:
    dimension: str
    category: str
    value: object


@dataclass(frozen=True)
class IndicatorLine:
    """One row of the indicator table: the indicator, its node, and its latest checked period in the report
    period (`step`, a progress.PeriodProgress, or None when there is none), with that actual's breakdown."""

    indicator: object
    node: object
    step: object
    breakdown: list  # [(dimension name, [Share])]
    series: list  # the periods its chart draws: every checked period up to the report's end

    @property
    def cumulative(self):
        return self.indicator.aggregation == "cumulative" and self.indicator.is_numeric

    @property
    def period_value(self):
        """The period's own actual (a cumulative indicator's table shows the running total beside it)."""
        actual = self.step.actual if self.step is not None else None
        return actual.value if actual is not None else None


def _in_period(ctx, series):
    """The progress rows of periods ending in the report period."""
    return [step for step in series if ctx.start <= step.period.end <= ctx.end]


def _latest(steps):
    """The newest step with an actual, else the newest step (a checked period left without one), else None."""
    for step in reversed(steps):
        if step.actual is not None:
            return step
    return steps[-1] if steps else None


def _breakdown(step) -> list:
    if step is None or step.actual is None:
        return []
    groups = {}
    for share in step.actual.breakdown.all():
        dimension = share.category.dimension
        groups.setdefault((dimension.position, dimension.pk, dimension.name), []).append(
            Share(dimension.name, share.category.name, share.value)
        )
    return [(key[2], shares) for key, shares in sorted(groups.items())]


def _chain(ctx, lines):
    """[(node, depth, [indicator])] of the results chain, depth-first from each impact; nodes whose parent is
    not drawn (or missing) start at the top."""
    nodes = [node for node in ctx.nodes.values() if node.level in CHAIN_LEVELS]
    children, measured = {}, {}
    ids = {node.pk for node in nodes}
    for node in nodes:
        children.setdefault(node.parent_id if node.parent_id in ids else None, []).append(node)
    for line in lines:
        if line.node is not None:
            measured.setdefault(line.node.pk, []).append(line.indicator)
    order = {level: n for n, level in enumerate(CHAIN_LEVELS)}
    for group in children.values():
        group.sort(key=lambda node: (order[node.level], node.position, node.pk))
    chain = []

    def walk(parent, depth):
        for node in children.get(parent, []):
            chain.append((node, depth, measured.get(node.pk, [])))
            walk(node.pk, depth + 1)

    walk(None, 0)
    return chain


def _charts(lines):
    charts = []
    for line in lines:
        if len(charts) == MAX_CHARTS:
            break
        if not line.indicator.is_numeric or line.step is None or line.step.actual is None:
            continue
        chart = indicator_chart(line.indicator, line.series)
        chart.id = f"indicator-chart-{line.indicator.pk}"  # several on one document: unique ids
        chart.width = CHART_WIDTH
        charts.append(chart)
    return charts


def _milestones(ctx):
    """Milestones due in the period, and those due before it that were still open when it began; each says
    whether it was done (late or not) or is overdue at the period's end (or today, for a period not over)."""
    until = min(ctx.end, ctx.now.date())
    rows = []
    for milestone in ctx.milestones:
        cancelled = milestone.status == MilestoneStatus.CANCELLED
        done_before = milestone.done_on is not None and milestone.done_on < ctx.start
        if milestone.due_on > ctx.end or (milestone.due_on < ctx.start and (cancelled or done_before)):
            continue
        finished = milestone.done_on is not None and milestone.done_on <= ctx.end
        rows.append(
            {
                "milestone": milestone,
                "done": finished,
                "late": finished and milestone.done_on > milestone.due_on,
                "overdue": not finished and not cancelled and milestone.due_on < until,
            }
        )
    return rows


def lines_for(ctx) -> list[IndicatorLine]:
    """The indicator table's rows, in the results chain's order."""
    lines = []
    for row in ctx.indicator_rows:
        step = _latest(_in_period(ctx, row.series))
        drawn = [s for s in row.series if s.period.end <= ctx.end]
        lines.append(IndicatorLine(row.indicator, row.node, step, _breakdown(step), drawn))
    return lines


def collect(ctx) -> dict:
    lines = lines_for(ctx)
    with_data = [line for line in lines if line.step is not None and line.step.actual is not None]
    return {
        "chain": _chain(ctx, lines),
        "lines": lines,
        "with_data": len(with_data),
        "charts": _charts(lines),
        "max_charts": MAX_CHARTS,
        "milestones": _milestones(ctx),
    }
