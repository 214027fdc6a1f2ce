"""The SDG page: which goals and targets a partnership contributes to, through which indicators and results.

A target is on the page when the partnership names it (Partnership.sdg_targets) or one of its indicators informs
it; a goal when the partnership names it, or one of those targets is under it. A named target no indicator
informs is flagged: the partnership claims a contribution it does not measure yet. Queries: the named goals, the
named targets, then those of selectors.table.indicator_rows (a fixed number whatever the data size)."""

from dataclasses import dataclass, field

from .table import IndicatorRow, indicator_rows


@dataclass
class TargetContribution:
    target: object  # msp.codelists.SdgTarget
    named: bool  # the partnership names this target among those it contributes to
    rows: list[IndicatorRow] = field(default_factory=list)  # the indicators informing it, in table order

    @property
    def unmeasured(self) -> bool:
        """Named by the partnership, but no indicator informs it yet."""
        return not self.rows

    @property
    def nodes(self) -> list:
        """The results (nodes) its indicators measure, each once, in table order."""
        seen = {}
        for row in self.rows:
            if row.node is not None:
                seen.setdefault(row.node.key, row.node)
        return list(seen.values())


@dataclass
class GoalContribution:
    goal: object  # msp.codelists.SdgGoal
    named: bool  # the partnership names this goal
    targets: list[TargetContribution] = field(default_factory=list)

    @property
    def indicator_count(self) -> int:
        return len({row.indicator.pk for target in self.targets for row in target.rows})


def contributions(user, partnership) -> list[GoalContribution]:
    """The goals, by number, each with its targets in the codelist's order."""
    named_goals = {goal.number: goal for goal in partnership.sdg_goals.all()}
    targets = {t.code: TargetContribution(t, True) for t in partnership.sdg_targets.select_related("goal")}
    for row in indicator_rows(user, partnership):
        for target in row.indicator.sdg_targets.all():
            targets.setdefault(target.code, TargetContribution(target, False)).rows.append(row)
    goals = {number: GoalContribution(goal, True) for number, goal in named_goals.items()}
    for contribution in sorted(targets.values(), key=lambda c: (c.target.goal_id, c.target.position)):
        goal = contribution.target.goal
        goals.setdefault(goal.number, GoalContribution(goal, False)).targets.append(contribution)
    return [goals[number] for number in sorted(goals)]
