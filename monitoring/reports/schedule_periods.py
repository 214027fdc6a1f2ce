"""The reporting periods of a schedule (monitoring.models.ReportSchedule): pure date arithmetic, no database.

Periods are `frequency` months long and counted from `first_period_start`: period k starts `k * frequency` months
after it (a day that a shorter month lacks becomes that month's last day) and ends the day before period k + 1
starts. Counting each start from the first one, rather than from the previous period, keeps a schedule that starts on
the 31st from drifting to the 28th after February.
"""

import calendar
import datetime as dt


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by `months` months; the 29th-31st become the last day of a month that is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period(first_start: dt.date, frequency: int, index: int) -> tuple[dt.date, dt.date]:
    """(start, end) of the schedule's period number `index` (0: the first)."""
    start = add_months(first_start, index * frequency)
    end = add_months(first_start, (index + 1) * frequency) - dt.timedelta(days=1)
    return start, end


def _index_around(first_start, frequency, today) -> int:
    """The index of the period containing `today` (0 before the first period starts)."""
    if today < first_start:
        return 0
    index = ((today.year - first_start.year) * 12 + today.month - first_start.month) // frequency
    index = max(index - 1, 0)  # a guess at most one period early; walk forward
    while period(first_start, frequency, index)[1] < today:
        index += 1
    return index


def latest_ended(first_start: dt.date, frequency: int, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """(start, end) of the latest period that ended before `today`, or None while the first is not over."""
    index = _index_around(first_start, frequency, today)
    if index == 0:
        return None
    return period(first_start, frequency, index - 1)


def current(first_start: dt.date, frequency: int, today: dt.date) -> tuple[dt.date, dt.date]:
    """(start, end) of the period under way on `today` (the first one, if it has not started)."""
    return period(first_start, frequency, _index_around(first_start, frequency, today))
