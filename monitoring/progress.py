"""Progress and traffic lights of an indicator's periods: pure computation over rows already loaded.

Progress of a period is (actual − baseline) / (target − baseline), in per cent, which holds for both directions (a
descending indicator's target lies below its baseline). Where the baseline equals the target it is 100 % when the
actual meets the target in the indicator's direction and 0 % otherwise. A cumulative indicator compares running
totals: the baseline plus every period's actual so far against the baseline plus every period's target so far. No
actual, no target or no baseline: no progress ("no data"). Nominal, ordinal and qualitative indicators have no
percentage: their light is the one a person set with the actual, with a note.

Light: green at settings.MONITORING_GREEN_AT per cent or more, amber at MONITORING_AMBER_AT or more, red below.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist

from .models import Aggregation, Direction, Light

HUNDRED = Decimal(100)


def actual_of(period):
    """The period's actual, or None (the reverse one-to-one raises when there is none)."""
    try:
        return period.actual
    except ObjectDoesNotExist:
        return None


def percent(actual, target, baseline, direction) -> Decimal | None:
    """Progress in per cent from baseline to target, or None when a number is missing."""
    if actual is None or target is None or baseline is None:
        return None
    if target == baseline:
        met = actual >= target if direction == Direction.ASCENDING else actual <= target
        return HUNDRED if met else Decimal(0)
    return (actual - baseline) / (target - baseline) * HUNDRED


def light_for(value: Decimal | None) -> str:
    """The light of a progress percentage: Light value, or "" for no data."""
    if value is None:
        return ""
    if value >= settings.MONITORING_GREEN_AT:
        return Light.GREEN
    if value >= settings.MONITORING_AMBER_AT:
        return Light.AMBER
    return Light.RED


@dataclass(frozen=True)
class PeriodProgress:
    period: object
    actual: object  # the Actual row, or None
    target: Decimal | None  # what progress compares against: the running total for a cumulative indicator
    value: Decimal | None  # the actual as compared: the running total for a cumulative indicator
    percent: Decimal | None
    light: str  # a Light value, or "" (no data)
    manual: bool  # the light was set by a person (nominal, ordinal, qualitative)

    @property
    def light_label(self):
        return Light(self.light).label if self.light else ""


def series(indicator, periods) -> list[PeriodProgress]:
    """Progress of each of `periods` (the indicator's, ordered by start, with their actuals loaded)."""
    if not indicator.is_numeric:
        rows = []
        for period in periods:
            actual = actual_of(period)
            light = actual.light if actual is not None else ""
            rows.append(PeriodProgress(period, actual, None, None, None, light, bool(light)))
        return rows
    cumulative = indicator.aggregation == Aggregation.CUMULATIVE
    baseline = indicator.baseline_value
    start = baseline if baseline is not None else Decimal(0)
    running_actual = running_target = start
    rows = []
    for period in periods:
        actual = actual_of(period)
        value = actual.value if actual is not None else None
        target = period.target_value
        if cumulative:
            running_actual += value or 0
            running_target += target or 0
            value = running_actual if value is not None else None
            target = running_target if target is not None else None
        pct = percent(value, target, baseline, indicator.direction)
        rows.append(PeriodProgress(period, actual, target, value, pct, light_for(pct), False))
    return rows


def latest(rows: list[PeriodProgress]) -> PeriodProgress | None:
    """The newest period that has an actual, or None."""
    for row in reversed(rows):
        if row.actual is not None:
            return row
    return None


def is_overdue(period, actual, today: dt.date) -> bool:
    """A period ended more than MONITORING_DATA_DUE_DAYS ago with no actual."""
    return actual is None and period.end + dt.timedelta(days=settings.MONITORING_DATA_DUE_DAYS) < today
