"""Writes of an indicator's reporting periods: add, change, delete, generate, lock and unlock.

Periods of one indicator never overlap: every service here takes the indicator's row lock (select_for_update)
before it looks at the other periods, so two people adding periods at the same time cannot both slip one in. A
change of one period also takes that period's row lock, the lock the actuals service takes before it looks at
`is_locked`: a period being locked and a value being entered for it are one after the other, never both at once.
A locked period takes no more changes (its target, dates or actual) until it is unlocked; a period with an actual
is not deleted.
"""

import calendar
import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import TextChoices
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from msp import access
from phases.services import after_change

from ..models import Period
from ..progress import actual_of
from .indicators import lock_indicator

# At most this many periods in one generation: 30 years of quarters, and no runaway from a typo in a year.
MAX_GENERATED = 120


class Frequency(TextChoices):
    QUARTERLY = "3", gettext_lazy("Quarterly")
    HALF_YEARLY = "6", gettext_lazy("Half-yearly")
    YEARLY = "12", gettext_lazy("Yearly")


def span(start, end):
    """A period's dates as the pages show them ("1 Apr 2025 – 30 Jun 2025")."""
    return f"{date_format(start, 'SHORT_DATE_FORMAT')} – {date_format(end, 'SHORT_DATE_FORMAT')}"


def _lock_period(period):
    return Period.objects.select_for_update(of=("self",)).select_related("actual").get(pk=period.pk)


def _overlapping(indicator, start, end, exclude=None):
    periods = Period.objects.filter(indicator=indicator, start__lte=end, end__gte=start).order_by("start")
    if exclude is not None:
        periods = periods.exclude(pk=exclude.pk)
    return periods.first()


def _overlap_refusal(other):
    return ValidationError(_("This period overlaps %(period)s.") % {"period": span(other.start, other.end)})


def _targets(indicator, target_value, target_text):
    """The target in the indicator's kind: a number for unit and percentage, words for the others."""
    target_text = (target_text or "").strip()
    if indicator.is_numeric:
        if target_text:
            raise ValidationError({"target_text": _("This indicator takes numbers: give the target as a number.")})
        return target_value, ""
    if target_value is not None:
        raise ValidationError({"target_value": _("This indicator takes words: write the target in words.")})
    return None, target_text


def _require_open(period):
    if period.is_locked:
        raise ValidationError(
            _("The period %(period)s is locked: unlock it first.") % {"period": span(period.start, period.end)}
        )


def period_save(*, indicator, by, period=None, start, end, target_value=None, target_text="") -> Period:
    """Add a period to `indicator`, or change `period` (not while it is locked). Refused when it would overlap
    another period of the indicator."""
    access.require(by, "change", indicator.partnership)
    with transaction.atomic():
        indicator = lock_indicator(indicator)
        if period is None:
            period = Period(indicator=indicator)
        else:
            period = _lock_period(period)
            if period.indicator_id != indicator.pk:
                raise ValidationError(_("This period belongs to another indicator."))
            _require_open(period)
        if end < start:
            raise ValidationError({"end": _("The period ends before it starts.")})
        if other := _overlapping(indicator, start, end, exclude=period if period.pk else None):
            raise _overlap_refusal(other)
        period.start, period.end = start, end
        period.target_value, period.target_text = _targets(indicator, target_value, target_text)
        period.full_clean()
        period.save()
        return period


def period_delete(*, period, by) -> None:
    """Delete a period that is neither locked nor has an actual value."""
    access.require(by, "change", period.indicator.partnership)
    with transaction.atomic():
        lock_indicator(period.indicator)
        period = _lock_period(period)
        _require_open(period)
        if actual_of(period) is not None:
            raise ValidationError(
                _("An actual value is recorded for %(period)s, so the period is kept.")
                % {"period": span(period.start, period.end)}
            )
        period.delete()


def add_months(day, months):
    """`day` moved by `months` calendar months, on the same day of the month or the month's last day."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period_dates(frequency, first_start, last_end) -> list[tuple[dt.date, dt.date]]:
    """The (start, end) of each period from `first_start`, every `frequency` months, up to `last_end` (the last
    period is cut short there when the frequency does not fit exactly). Each start is counted from `first_start`,
    not from the previous period, so a start on the 31st stays on the month's last day and nothing drifts."""
    months = int(frequency)
    dates, k = [], 0
    while (start := add_months(first_start, k * months)) <= last_end:
        end = add_months(first_start, (k + 1) * months) - dt.timedelta(days=1)
        dates.append((start, min(end, last_end)))
        k += 1
        if k > MAX_GENERATED:
            break
    return dates


def periods_generate(
    *, indicator, by, frequency, first_start, last_end, target_value=None, target_text=""
) -> list[Period]:
    """Make the periods between `first_start` and `last_end` every quarter, half-year or year, each with the same
    target (or none, to fill in afterwards). Refused as a whole when one of them would overlap an existing period."""
    access.require(by, "change", indicator.partnership)
    if last_end < first_start:
        raise ValidationError({"last_end": _("The last period ends before the first one starts.")})
    dates = period_dates(frequency, first_start, last_end)
    if len(dates) > MAX_GENERATED:
        raise ValidationError(
            {
                "last_end": _("That would make more than %(max)s periods: choose a shorter span.")
                % {"max": MAX_GENERATED}
            }
        )
    with transaction.atomic():
        indicator = lock_indicator(indicator)
        target_value, target_text = _targets(indicator, target_value, target_text)
        if other := _overlapping(indicator, dates[0][0], dates[-1][1]):
            raise ValidationError(
                _("These periods would overlap %(period)s: nothing was added. Choose dates after the existing periods.")
                % {"period": span(other.start, other.end)}
            )
        periods = [
            Period(indicator=indicator, start=start, end=end, target_value=target_value, target_text=target_text)
            for start, end in dates
        ]
        for period in periods:
            period.full_clean()
            period.save()  # one by one, so the activity feed records each
        return periods


def period_lock(*, period, by) -> Period:
    """Lock a period: its target and actual take no more changes, and donors see it."""
    access.require(by, "change", period.indicator.partnership)
    with transaction.atomic():
        period = _lock_period(period)
        if not period.is_locked:
            period.locked_at, period.locked_by = timezone.now(), by
            period.save(update_fields=["locked_at", "locked_by"])
            after_change(period.indicator.partnership)
        return period


def period_unlock(*, period, by) -> Period:
    """Unlock a period so its target and actual can be corrected (donors no longer see it until it is locked)."""
    access.require(by, "change", period.indicator.partnership)
    with transaction.atomic():
        period = _lock_period(period)
        if period.is_locked:
            period.locked_at, period.locked_by = None, None
            period.save(update_fields=["locked_at", "locked_by"])
        return period


def periods_lock_ended(*, indicator, by, today=None) -> int:
    """Lock every open period of `indicator` that ended up to `today`; how many were locked."""
    access.require(by, "change", indicator.partnership)
    today = today or timezone.localdate()
    with transaction.atomic():
        indicator = lock_indicator(indicator)
        periods = Period.objects.select_for_update().filter(indicator=indicator, end__lte=today, locked_at__isnull=True)
        count = 0
        for period in periods:
            period.locked_at, period.locked_by = timezone.now(), by
            period.save(update_fields=["locked_at", "locked_by"])
            count += 1
        if count:
            after_change(indicator.partnership)
        return count


def targets_save(*, indicator, by, targets) -> int:
    """Set the targets of many periods of `indicator` at once: `targets` maps a period's pk to its target (a number
    for a numeric indicator, words for the others; None or "" for none). A locked period's target is left as it is,
    and a change to it is refused. How many periods changed."""
    access.require(by, "change", indicator.partnership)
    with transaction.atomic():
        indicator = lock_indicator(indicator)
        periods = Period.objects.select_for_update().filter(indicator=indicator, pk__in=list(targets))
        changed = []
        for period in periods.order_by("start"):
            value, text = _targets(indicator, *_split(indicator, targets[period.pk]))
            if (period.target_value, period.target_text) == (value, text):
                continue
            _require_open(period)
            period.target_value, period.target_text = value, text
            changed.append(period)
        for period in changed:
            period.full_clean()
            period.save(update_fields=["target_value", "target_text"])
        return len(changed)


def _split(indicator, target):
    if indicator.is_numeric:
        return target, ""
    return None, target or ""
