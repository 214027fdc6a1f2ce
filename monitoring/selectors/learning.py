"""Reads of the learning records (lessons, capacity gaps, the context with related initiatives, risks), each a
fixed number of queries whatever the number of rows, with the flags the pages show (ME-5, CX-2, CX-4)."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from governance.models import Decision
from msp.models import Partnership
from stakeholders.models import Membership, Organisation

from ..models import (
    NEEDS_ALIGNMENT,
    CapacityGap,
    ContextAnalysis,
    GapStatus,
    Indicator,
    InitiativeKind,
    Lesson,
    LessonSource,
    RelatedInitiative,
    Risk,
    RiskStatus,
)

META_EXCHANGE_MONTHS = 12  # CX-4: an exchange with a meta-platform in the last 12 months
LESSON_MONTHS = 12  # ME-4: lessons of the last 12 months count
SCALE = range(1, 6)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier (the month's last day when it is shorter: 31 August - 6 = 28/29 February)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has a 28th")


def member_organisations(partnership, keep=None):
    """The organisations a record may name: today's members (and `keep`, the one a record already names, which
    may have left since)."""
    members = Membership.objects.active().filter(partnership=partnership).values("organisation")
    kept = Q(pk=keep) if keep is not None else Q(pk__in=[])
    return Organisation.objects.filter(Q(pk__in=members) | kept).order_by("name")


def indicators_of(partnership):
    return Indicator.objects.filter(partnership=partnership).order_by("name")


def decisions_of(partnership):
    return Decision.objects.filter(partnership=partnership).order_by("-pk")


def lessons_for(partnership):
    """The partnership's lessons, newest first, with their owner, indicator and decision: one query."""
    return Lesson.objects.filter(partnership=partnership).select_related("owner", "indicator", "decision")


def lesson_owners(partnership):
    """The organisations owning some lesson of the partnership (the filter's choices)."""
    owners = Lesson.objects.filter(partnership=partnership, owner__isnull=False).values("owner")
    return Organisation.objects.filter(pk__in=owners).order_by("name")


def capacity_gaps(partnership, today=None):
    """The partnership's capacity gaps (open first), each marked `unaddressed` (not closed, with neither a measure
    nor a decision) and `review_due` (not closed and not reviewed in MONITORING_GAP_REVIEW_MONTHS): one query."""
    today = today or timezone.localdate()
    since = months_before(today, settings.MONITORING_GAP_REVIEW_MONTHS)
    gaps = list(CapacityGap.objects.filter(partnership=partnership).select_related("organisation", "decision"))
    for gap in gaps:
        is_open = gap.status != GapStatus.CLOSED
        gap.unaddressed = is_open and not gap.measure.strip() and gap.decision_id is None
        gap.review_due = is_open and (gap.last_reviewed_on is None or gap.last_reviewed_on < since)
    return gaps


@dataclass
class Context:
    current: ContextAnalysis | None
    history: list
    initiatives: list


def context_for(partnership, today=None) -> Context:
    """The current (newest) analysis, the older ones, and the related initiatives, each marked
    `needs_alignment` (overlapping or competing without an alignment action: CX-2) and `exchange_due` (a
    meta-platform without an exchange in the last 12 months: CX-4): two queries."""
    today = today or timezone.localdate()
    analyses = list(ContextAnalysis.objects.filter(partnership=partnership).select_related("created_by"))
    since = months_before(today, META_EXCHANGE_MONTHS)
    initiatives = list(RelatedInitiative.objects.filter(partnership=partnership))
    for initiative in initiatives:
        initiative.needs_alignment = initiative.kind in NEEDS_ALIGNMENT and not initiative.alignment_action.strip()
        initiative.exchange_due = initiative.kind == InitiativeKind.META_PLATFORM and (
            initiative.last_exchange_on is None or initiative.last_exchange_on < since
        )
    return Context(current=analyses[0] if analyses else None, history=analyses[1:], initiatives=initiatives)


def risks_for(partnership):
    """The partnership's risks with their owner, highest score (likelihood × impact) first: one query."""
    return (
        Risk.objects.filter(partnership=partnership)
        .select_related("owner")
        .annotate(rank=F("likelihood") * F("impact"))
        .order_by("-rank", "-impact", "title", "pk")
    )


def risk_matrix(partnership):
    """The open risks counted per cell of the 5 × 5 matrix, as rows from impact 5 down to 1, each a list of
    (likelihood, count, band) with band "high" (score ≥ 15), "medium" (≥ 8) or "low": one query."""
    counts = dict.fromkeys(((i, l) for i in SCALE for l in SCALE), 0)  # noqa: E741
    open_risks = Risk.objects.filter(partnership=partnership, status=RiskStatus.OPEN)
    for row in open_risks.values("impact", "likelihood").annotate(n=Count("pk")).order_by():
        counts[(row["impact"], row["likelihood"])] = row["n"]
    return [(impact, [(lk, counts[(impact, lk)], band(impact * lk)) for lk in SCALE]) for impact in reversed(SCALE)]


def band(score: int) -> str:
    return "high" if score >= 15 else "medium" if score >= 8 else "low"


def _count(queryset):
    """A correlated count of `queryset`'s rows of the outer partnership (0 when none), for one query."""
    counted = (
        queryset.filter(partnership=OuterRef("pk")).order_by().values("partnership").annotate(n=Count("pk")).values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def card(partnership, today=None) -> dict:
    """The learning card's figures: lessons of the last 12 months from successes and failures, open capacity gaps
    and those with neither measure nor decision, open and materialised risks with the highest-scored open one, the
    date of the current context analysis: two queries."""
    today = today or timezone.localdate()
    recent = Lesson.objects.filter(learned_on__gte=months_before(today, LESSON_MONTHS))
    open_gaps = CapacityGap.objects.exclude(status=GapStatus.CLOSED)
    latest = ContextAnalysis.objects.filter(partnership=OuterRef("pk")).order_by("-analysed_on", "-pk")
    figures = {
        "lessons": _count(Lesson.objects.all()),
        "successes": _count(recent.filter(source=LessonSource.SUCCESS)),
        "failures": _count(recent.filter(source=LessonSource.FAILURE)),
        "gaps": _count(CapacityGap.objects.all()),
        "open_gaps": _count(open_gaps),
        "unaddressed_gaps": _count(open_gaps.filter(measure="", decision__isnull=True)),
        "risks": _count(Risk.objects.all()),
        "open_risks": _count(Risk.objects.filter(status=RiskStatus.OPEN)),
        "materialised_risks": _count(Risk.objects.filter(status=RiskStatus.MATERIALISED)),
        "analysed_on": Subquery(latest.values("analysed_on")[:1]),
    }
    # Prefixed: the plain names are the partnership's relations (lessons, risks...), which an annotation may not shadow.
    row = Partnership.objects.filter(pk=partnership.pk).values(**{f"n_{k}": v for k, v in figures.items()}).get()
    figures = {name: row[f"n_{name}"] for name in figures}
    top = risks_for(partnership).filter(status=RiskStatus.OPEN).first()
    empty = not (figures["lessons"] or figures["gaps"] or figures["risks"] or figures["analysed_on"])
    return {**figures, "top_risk": top, "empty": empty}
