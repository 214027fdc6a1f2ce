"""What the monitoring demos share: quarters counted from the demo's today, and the paths progress takes.

Quarters are counted from the *latest quarter whose data is due* (its end lies more than
settings.MONITORING_DATA_DUE_DAYS before today): offset 0 is that quarter, -1 the one before, +1 the quarter under
way (or just ended, its data not yet due). So whatever day the demo is loaded on, offset 0 has data (except on the
indicator whose data is overdue) and offset +1 has none, without being overdue.
"""

import datetime as dt

from django.conf import settings
from django.utils import timezone


def quarter_start(day):
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def shift(start, quarters):
    """The first day of the quarter `quarters` after the one starting on `start` (before, when negative)."""
    index = start.year * 4 + (start.month - 1) // 3 + quarters
    return dt.date(index // 4, 3 * (index % 4) + 1, 1)


def quarter_end(start):
    return shift(start, 1) - dt.timedelta(days=1)


def latest_due(today=None):
    """The start of the latest quarter whose data is due (offset 0)."""
    today = today or timezone.localdate()
    start = shift(quarter_start(today), -1)
    if quarter_end(start) + dt.timedelta(days=settings.MONITORING_DATA_DUE_DAYS) >= today:
        start = shift(start, -1)
    return start


def quarters(first, last, today=None):
    """[(offset, start, end)] of the quarters from offset `first` to `last`, both included."""
    zero = latest_due(today)
    return [(offset, shift(zero, offset), quarter_end(shift(zero, offset))) for offset in range(first, last + 1)]


def at(day, hour=10):
    """An aware datetime on `day`, never later than now (the demo records nothing in the future)."""
    moment = timezone.make_aware(dt.datetime(day.year, day.month, day.day, hour))
    return min(moment, timezone.now())


# Progress as a share of the way from baseline to target, per quarter with data, oldest first; an indicator takes
# the last ones it needs, so its latest light is the path's (green >= 90 %, amber >= 70 %, red below).
PATHS = {
    "green": [0.96, 1.04, 0.98, 1.01, 0.93, 1.06, 0.99, 1.02, 0.97, 1.03, 1.0, 0.98],
    "amber": [0.98, 0.96, 0.95, 0.93, 0.9, 0.88, 0.86, 0.84, 0.82, 0.8, 0.81, 0.79],
    "red": [0.92, 0.86, 0.8, 0.74, 0.68, 0.62, 0.58, 0.55, 0.52, 0.5, 0.48, 0.5],
}
