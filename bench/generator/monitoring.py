"""Monitoring and learning: disaggregation dimensions, indicators on the results chain's outcomes and outputs with
twelve quarterly periods each (targets on all, actuals on the past ones, a breakdown by sex on some, the older
periods locked), lessons, risks, and report records (the reports' jobs; no PDF is rendered)."""

import datetime as dt
import uuid
from decimal import Decimal

from monitoring.models import (
    Actual,
    Breakdown,
    Category,
    Dimension,
    Indicator,
    Lesson,
    LessonSource,
    Light,
    Measure,
    Period,
    Report,
    ReportKind,
    ReportSchedule,
    ReportStatus,
    Risk,
    RiskStatus,
)

from . import context as c
from .words import LESSONS, OUTPUTS, RISKS

DIMENSIONS = {"Sex": ["Female", "Male"], "Region": ["North", "South", "East"]}
BROKEN_DOWN_EVERY = 4  # one indicator in four is disaggregated by sex
LOCKED_AFTER = dt.timedelta(days=60)  # the secretariat locks a period two months after it ends


def build(ctx):
    _dimensions(ctx)
    _indicators(ctx)
    _periods(ctx)
    _learning(ctx)
    _reports(ctx)


def _dimensions(ctx):
    dimensions = []
    for plan in ctx.plans:
        plan.dimensions = [Dimension(partnership=plan.partnership, name=name, position=k)
                           for k, name in enumerate(DIMENSIONS)]  # fmt: skip
        dimensions += plan.dimensions
    ctx.bulk(Dimension, dimensions)
    categories = []
    for plan in ctx.plans:
        plan.categories = {}
        for dimension in plan.dimensions:
            rows = [Category(dimension=dimension, name=name, position=k)
                    for k, name in enumerate(DIMENSIONS[dimension.name])]  # fmt: skip
            plan.categories[dimension.name] = rows
            categories += rows
    ctx.bulk(Category, categories)


def _indicators(ctx):
    indicators = []
    for plan in ctx.plans:
        # Every node of the chain (impact, outcomes, outputs) has an indicator (IATI wants one on each result);
        # a partnership without a roadmap yet points at a node of its future draft.
        nodes = plan.nodes
        for k in range(c.INDICATORS):
            measure = Measure.QUALITATIVE if k % 10 == 9 else Measure.PERCENTAGE if k % 5 == 4 else Measure.UNIT
            numeric = measure != Measure.QUALITATIVE
            node = nodes[k % len(nodes)] if nodes else None
            indicators.append(Indicator(
                partnership=plan.partnership, result_node_key=node.key if node else ctx_uuid(ctx),
                name=f"Number of {ctx.pick(OUTPUTS)}" if measure == Measure.UNIT else (
                    f"Share of {ctx.pick(OUTPUTS)} (%)" if numeric else "Quality of the dialogue with buyers"),
                definition="Counted from the partners' field registers.", measure=measure,
                unit_label="people" if measure == Measure.UNIT else "",
                aggregation="cumulative" if measure == Measure.UNIT and k % 2 else "period",
                baseline_value=Decimal(ctx.rng.randint(0, 40)) if numeric else None,
                baseline_text="" if numeric else "Buyers and producers rarely meet.",
                baseline_date=plan.started, responsible=plan.organisations[k % len(plan.organisations)],
                means_of_verification="Field registers, checked by the secretariat.", position=k,
            ))  # fmt: skip
            plan.indicators.append(indicators[-1])
    ctx.bulk(Indicator, indicators)
    through = Indicator.dimensions.through
    ctx.bulk(through, [
        through(indicator_id=indicator.pk, dimension_id=plan.dimensions[0].pk)
        for plan in ctx.plans for k, indicator in enumerate(plan.indicators)
        if k % BROKEN_DOWN_EVERY == 0 and indicator.measure == Measure.UNIT
    ])  # fmt: skip


def ctx_uuid(ctx):
    return uuid.UUID(int=ctx.rng.getrandbits(128), version=4)


def _periods(ctx):
    first = c.add_months(c.quarter_start(ctx.today), -3 * (c.PERIODS - 3))  # nine past quarters, three to come
    periods = []
    for plan in ctx.plans:
        for indicator in plan.indicators:
            indicator.period_rows = []
            for q in range(c.PERIODS):
                start = c.add_months(first, 3 * q)
                end = c.add_months(start, 3) - dt.timedelta(days=1)
                locked = end + LOCKED_AFTER < ctx.today
                numeric = indicator.measure != Measure.QUALITATIVE
                target = (indicator.baseline_value or 0) + Decimal(5 * (q + 1)) if numeric else None
                period = Period(indicator=indicator, start=start, end=end, target_value=target,
                                target_text="" if numeric else "Buyers and producers meet every quarter.",
                                locked_at=ctx.moment(end + LOCKED_AFTER) if locked else None,
                                locked_by=plan.secretariat if locked else None)  # fmt: skip
                indicator.period_rows.append(period)
                periods.append(period)
    ctx.bulk(Period, periods, batch=5000)
    actuals = []
    for plan in ctx.plans:
        for indicator in plan.indicators:
            numeric = indicator.measure != Measure.QUALITATIVE
            for period in indicator.period_rows:
                if period.end >= ctx.today:
                    continue
                value = None
                if numeric:
                    value = (period.target_value * Decimal(ctx.rng.randint(70, 115)) / 100).quantize(Decimal("1"))
                actuals.append(Actual(
                    period=period, value=value, text="" if numeric else "Quarterly buyer meetings held.",
                    narrative="Data from the field registers of all districts.", measured_on=period.end,
                    light="" if numeric else Light.GREEN, light_note="" if numeric else "Both sides attended.",
                    entered_by=plan.partners[0] if plan.partners else plan.secretariat,
                ))  # fmt: skip
    ctx.bulk(Actual, actuals, batch=5000)
    breakdowns = []
    by_period = {a.period_id: a for a in actuals}
    for plan in ctx.plans:
        female, male = plan.categories["Sex"]
        for k, indicator in enumerate(plan.indicators):
            if k % BROKEN_DOWN_EVERY or indicator.measure != Measure.UNIT:
                continue
            for period in indicator.period_rows:
                actual = by_period.get(period.pk)
                if actual is None:
                    continue
                women = (actual.value * Decimal(ctx.rng.randint(40, 60)) / 100).quantize(Decimal("1"))
                breakdowns.append(Breakdown(actual=actual, category=female, value=women))
                breakdowns.append(Breakdown(actual=actual, category=male, value=actual.value - women))
    ctx.bulk(Breakdown, breakdowns, batch=5000)


def _learning(ctx):
    lessons, risks = [], []
    for plan in ctx.plans:
        for k in range(c.LESSONS):
            lessons.append(Lesson(
                partnership=plan.partnership, title=LESSONS[k % len(LESSONS)], source=LessonSource.values[k % 2],
                what_happened="Seen at the quarterly review.", action="Keep doing it; share it with new members.",
                owner=ctx.pick(plan.organisations), learned_on=ctx.past_day(plan.started),
                indicator=plan.indicators[k] if k < len(plan.indicators) else None, created_by=plan.secretariat,
            ))  # fmt: skip
        for k in range(c.RISKS):
            status = RiskStatus.MATERIALISED if k == c.RISKS - 1 else RiskStatus.OPEN
            risks.append(Risk(
                partnership=plan.partnership, title=RISKS[k % len(RISKS)], description="Seen in the context analysis.",
                likelihood=ctx.rng.randint(1, 5), impact=ctx.rng.randint(1, 5), owner=ctx.pick(plan.organisations),
                mitigation="Diversify buyers and keep a reserve.", status=status,
                materialised_on=ctx.past_day(plan.started) if status == RiskStatus.MATERIALISED else None,
            ))  # fmt: skip
    ctx.bulk(Lesson, lessons)
    ctx.bulk(Risk, risks)


def _reports(ctx):
    """A report record per kind, as a job that could not render (the generator makes no PDFs), and the quarterly
    reporting schedule."""
    reports, schedules = [], []
    for plan in ctx.plans:
        end = c.quarter_start(ctx.today) - dt.timedelta(days=1)
        for kind in (ReportKind.DONOR, ReportKind.PUBLIC):
            reports.append(Report(
                partnership=plan.partnership, kind=kind, number=1, period_start=c.add_months(end, -11),
                period_end=end, language="en", requested_by=plan.secretariat, status=ReportStatus.FAILED,
                requested_at=ctx.moment(end + dt.timedelta(days=5)), attempts=1,
                error="Made by the data generator (manage.py generate_data): no PDF was rendered.",
            ))  # fmt: skip
        schedules.append(ReportSchedule(partnership=plan.partnership, first_period_start=c.quarter_start(plan.started),
                                        last_period_end=end, donor=True, public=False))  # fmt: skip
    ctx.bulk(Report, reports)
    ctx.bulk(ReportSchedule, schedules)
