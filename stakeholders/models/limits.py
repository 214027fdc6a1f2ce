"""Plausible values for the dates and capacities of this app: what is refused, and the sentence that says which
range is kept. Dates before 1900 or far ahead are typing slips (9999-12-31, 0202-05-01), and a capacity of
billions of person-days makes every sum of capacities meaningless."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext_lazy as _

EARLIEST_DATE = dt.date(1900, 1, 1)
JOIN_AHEAD = dt.timedelta(days=366)  # a membership agreed now may start next year
LEAVE_AHEAD = dt.timedelta(days=10 * 366)  # a planned exit, at the end of a long programme
MAX_CAPACITY = 100_000  # person-days a year: about 450 people full time
MAX_INVITATION_DAYS = 30


def latest_date(ahead=None):
    today = timezone.localdate()
    return today + ahead if ahead else today


def date_out_of_range(value, ahead=None) -> ValidationError | None:
    """An error saying which dates are kept, when `value` lies outside 1900 to today (+ `ahead`); else None."""
    latest = latest_date(ahead)
    if value is None or EARLIEST_DATE <= value <= latest:
        return None
    last = date_format(latest, "DATE_FORMAT") if ahead else _("today")
    return ValidationError(
        _("Give a date between %(first)s and %(last)s."),
        code="implausible_date",
        params={"first": date_format(EARLIEST_DATE, "DATE_FORMAT"), "last": last},
    )


def capacity_too_large() -> ValidationError:
    return ValidationError(
        _("Declare at most %(max)s person-days a year (about 450 people full time)."),
        code="implausible_capacity",
        params={"max": number_format(MAX_CAPACITY, force_grouping=True)},
    )
