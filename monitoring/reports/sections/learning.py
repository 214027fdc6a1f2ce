"""The donor report's "Risks and context", "Lessons and capacity gaps" and "Next period" sections: the members'
learning records (monitoring.models.learning), the roadmap's milestones and the decisions still open.

Each reads a fixed number of queries whatever the number of rows (one or two per table), plus what `ctx` has
loaded once (the milestones, the indicators)."""

import calendar
import datetime as dt

from django.db.models import Q

from governance.decision_rules import Outcome
from governance.models import Decision, DecisionStatus, MilestoneStatus

from ...models import CapacityGap, ContextAnalysis, GapStatus, Lesson, Period, RelatedInitiative, Risk, RiskStatus

# Risks the report lists: those still to be managed, and those that happened (what was done about them).
LISTED_RISKS = (RiskStatus.OPEN, RiskStatus.MATERIALISED)


def collect_risks(ctx) -> dict:
    risks = sorted(
        Risk.objects.filter(partnership=ctx.partnership, status__in=LISTED_RISKS).select_related("owner"),
        key=lambda risk: (risk.status != RiskStatus.MATERIALISED, -risk.score, risk.title),
    )
    analysis = ContextAnalysis.objects.filter(partnership=ctx.partnership, analysed_on__lte=ctx.end).first()
    initiatives = list(RelatedInitiative.objects.filter(partnership=ctx.partnership))
    return {
        "risks": risks,
        "closed_risks": Risk.objects.filter(partnership=ctx.partnership, status=RiskStatus.CLOSED).count(),
        "analysis": analysis,
        "initiatives": initiatives,
    }


def collect_lessons(ctx) -> dict:
    lessons = list(
        Lesson.objects.filter(partnership=ctx.partnership, learned_on__range=(ctx.start, ctx.end))
        .select_related("owner", "indicator")
        .order_by("learned_on", "pk")
    )
    gaps = sorted(
        CapacityGap.objects.filter(partnership=ctx.partnership).select_related("organisation"),
        key=lambda gap: ([GapStatus.OPEN, GapStatus.ADDRESSING, GapStatus.CLOSED].index(gap.status), gap.pk),
    )
    return {"lessons": lessons, "gaps": gaps}


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_period(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The period after [start, end] of the same length: whole months when the period is whole months (a
    quarter follows a quarter, 1 Jul - 31 Dec follows 1 Jan - 30 Jun), else the same number of days."""
    following = end + dt.timedelta(days=1)
    if start.day == 1 and following.day == 1:
        months = (following.year - start.year) * 12 + following.month - start.month
        return following, add_months(following, months) - dt.timedelta(days=1)
    return following, following + (end - start)


def collect_next(ctx) -> dict:
    start, end = next_period(ctx.start, ctx.end)
    # Due in the next period, and those already late and not done: they carry over.
    milestones = [
        {"milestone": m, "carried": m.due_on < start}
        for m in ctx.milestones
        if m.due_on <= end and m.status not in (MilestoneStatus.DONE, MilestoneStatus.CANCELLED)
    ]
    periods = list(
        Period.objects.filter(indicator__partnership=ctx.partnership, end__range=(start, end))
        .select_related("indicator")
        .order_by("end", "indicator__position", "indicator__pk")
    )
    decisions = list(
        Decision.objects.filter(partnership=ctx.partnership)
        .filter(Q(status=DecisionStatus.OPEN) | Q(status=DecisionStatus.DECIDED, outcome=Outcome.DEFERRED))
        .select_related("body")
        .order_by("created_at", "pk")
    )
    return {"start": start, "end": end, "milestones": milestones, "periods": periods, "decisions": decisions}
