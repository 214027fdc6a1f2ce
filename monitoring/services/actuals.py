"""Entering and correcting the actual value of a reporting period.

Who may: msp.access.can_enter_actual (the secretariat, or a partner acting for the indicator's responsible
organisation); a partner of another organisation is refused with the reason msp.access gives. The period's row is
locked (`select_for_update`) while the rules are checked and the actual written, so the secretariat locking the
period and a partner correcting its value cannot both succeed: whichever comes second sees the other's result.
A correction changes the one Actual row (and its breakdown rows) in place: the activity feed (auditlog) keeps what
they were.

Rules: no data for a locked period, nor for a period that has not started; the date measured is not in the future;
a numeric indicator takes a number (a percentage is never negative; it may exceed 100, as a rate of growth may),
one in words takes the words, a light and a note saying why. A breakdown is optional, but a dimension given must
have a value for each of its categories, and for a unit indicator those values add up to the total.
"""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from msp import access
from phases.services import after_change

from ..models import Actual, Breakdown, Measure, Period
from ..templatetags.monitoring_tags import measurement


def _lock_period(period):
    return (
        Period.objects.select_for_update(of=("self",))
        .select_related("indicator__partnership", "indicator__responsible")
        .get(pk=period.pk)
    )


def require_enter_actual(user, indicator):
    """Raise Http404 / PermissionDenied (with the reason, e.g. another organisation's indicator) unless `user` may
    enter data for `indicator` (msp.access decides)."""
    if not access.can_enter_actual(user, indicator):
        access.require(user, "enter_actual", indicator, organisation=indicator.responsible)
        raise PermissionDenied(_("You may not enter data for this indicator."))  # never reached: require raised


def period_refusal(period, today=None) -> str | None:
    """Why no data can be entered for `period` now, or None."""
    today = today or timezone.localdate()
    if period.is_locked:
        return _("This period is locked: ask the secretariat to unlock it.")
    if period.start > today:
        return _("This period starts on %(date)s: data can be entered once it has started.") % {
            "date": date_format(period.start, "SHORT_DATE_FORMAT")
        }
    return None


def _value_errors(indicator, value, text, light, light_note, measured_on, today):
    errors = {}
    if measured_on is None:
        errors["measured_on"] = _("Enter the date the value was measured.")
    elif measured_on > today:
        errors["measured_on"] = _("The date measured cannot be in the future.")
    if indicator.is_numeric:
        if value is None:
            errors["value"] = _("Enter the value as a number.")
        elif indicator.measure == Measure.PERCENTAGE and value < 0:
            errors["value"] = _("A percentage cannot be negative.")
        return errors
    if not text.strip():
        errors["text"] = _("Enter the value in words.")
    if not light:
        errors["light"] = _("Choose a light: on track, at risk or off track.")
    if not light_note.strip():
        errors["light_note"] = _("Say why you chose this light.")
    return errors


def _breakdown_errors(indicator, value, breakdown):
    """Messages about `breakdown` ({Category: Decimal or None}) for the indicator's dimensions."""
    errors = []
    given = {category.pk: amount for category, amount in breakdown.items() if amount is not None}
    known = set()
    for dimension in indicator.dimensions.all():
        categories = list(dimension.categories.all())
        known.update(c.pk for c in categories)
        filled = [c for c in categories if c.pk in given]
        if not filled:
            continue
        if len(filled) < len(categories):
            missing = ", ".join(c.name for c in categories if c.pk not in given)
            errors.append(
                _("%(dimension)s: enter a value for every category, or none (missing: %(missing)s).")
                % {"dimension": dimension.name, "missing": missing}
            )
            continue
        if any(given[c.pk] < 0 for c in categories):
            errors.append(_("%(dimension)s: values cannot be negative.") % {"dimension": dimension.name})
        elif indicator.measure == Measure.UNIT and value is not None:
            total = sum((given[c.pk] for c in categories), Decimal(0))
            if total != value:
                errors.append(
                    _("%(dimension)s: the values add up to %(sum)s, but the total is %(total)s.")
                    % {"dimension": dimension.name, "sum": measurement(total, 4), "total": measurement(value, 4)}
                )
    if set(given) - known:
        errors.append(_("A category of the breakdown is not one of this indicator's dimensions."))
    return errors


def actual_save(
    *,
    period,
    by,
    value=None,
    text="",
    narrative="",
    measured_on=None,
    light="",
    light_note="",
    breakdown=None,
    today: dt.date | None = None,
) -> Actual:
    """Enter or correct the actual of `period` as `by`. `breakdown` maps Category -> value (None: left empty).
    Raises PermissionDenied/Http404 for someone who may not, ValidationError (by field) for a refusal."""
    today = today or timezone.localdate()
    with transaction.atomic():
        period = _lock_period(period)
        indicator = period.indicator
        require_enter_actual(by, indicator)
        refusal = period_refusal(period, today)
        if refusal:
            raise ValidationError(refusal)
        if not indicator.is_numeric:
            value, breakdown = None, {}
        errors = _value_errors(indicator, value, text, light, light_note, measured_on, today)
        breakdown_errors = _breakdown_errors(indicator, value, breakdown or {})
        if breakdown_errors:
            errors[NON_FIELD_ERRORS] = breakdown_errors
        if errors:
            raise ValidationError(errors)
        actual = Actual.objects.filter(period=period).first() or Actual(period=period)
        actual.value = value
        actual.text = "" if indicator.is_numeric else text.strip()
        actual.narrative = narrative.strip()
        actual.measured_on = measured_on
        actual.light = "" if indicator.is_numeric else light
        actual.light_note = "" if indicator.is_numeric else light_note.strip()
        actual.entered_by = by
        actual.full_clean()
        actual.save()
        _save_breakdown(actual, breakdown or {})
        after_change(indicator.partnership)  # the checklist reads indicator data (ME-1, ME-6)
    return actual


def _save_breakdown(actual, breakdown):
    """Bring the actual's breakdown rows to `breakdown`, row by row (so the activity feed shows each change)."""
    wanted = {category.pk: (category, amount) for category, amount in breakdown.items() if amount is not None}
    for row in Breakdown.objects.filter(actual=actual):
        if row.category_id not in wanted:
            row.delete()
            continue
        _category, amount = wanted.pop(row.category_id)
        if row.value != amount:
            row.value = amount
            row.save()
    for category, amount in wanted.values():
        Breakdown.objects.create(actual=actual, category=category, value=amount)
