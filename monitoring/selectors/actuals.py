"""Reads for entering actual values: one period with what its form needs, and the data entry list (the periods a
user may enter or correct data for), each in a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from msp import access

from .. import progress
from ..models import Breakdown, Indicator, Period


def period_for_entry(partnership, indicator_pk, period_pk):
    """(indicator, period) for the actual form: the indicator with its dimensions and categories, the period with
    its actual and breakdown. 404 for another partnership's indicator or another indicator's period."""
    indicator = get_object_or_404(
        Indicator.objects.filter(partnership=partnership)
        .select_related("responsible")
        .prefetch_related("dimensions__categories"),
        pk=indicator_pk,
    )
    indicator.partnership = partnership  # the loaded one: its role cache answers the access questions
    period = get_object_or_404(
        Period.objects.filter(indicator=indicator)
        .select_related("actual")
        .prefetch_related(Prefetch("actual__breakdown", queryset=Breakdown.objects.all())),
        pk=period_pk,
    )
    period.indicator = indicator
    return indicator, period


@dataclass(frozen=True)
class EntryRow:
    indicator: Indicator
    period: Period
    actual: object  # the Actual, or None
    overdue: bool


def data_entry(user, partnership, today):
    """What `user` may enter data for on `partnership`: ([EntryRow] without an actual, overdue first then by end
    date; [EntryRow] with an actual they may correct, newest first). Open periods (not locked) that have started,
    of the indicators msp.access lets them enter data for (the secretariat: all; a partner: their organisation's).
    Three queries whatever the number of indicators and periods (plus what msp.access asks once per request)."""
    periods = (
        Period.objects.filter(locked_at__isnull=True, start__lte=today).select_related("actual").order_by("end", "pk")
    )
    indicators = (
        Indicator.objects.filter(partnership=partnership)
        .select_related("responsible")
        .prefetch_related(Prefetch("periods", queryset=periods, to_attr="open_periods"))
    )
    missing, entered = [], []
    for indicator in indicators:
        indicator.partnership = partnership
        if not access.can_enter_actual(user, indicator):
            continue
        for period in indicator.open_periods:
            actual = progress.actual_of(period)
            row = EntryRow(indicator, period, actual, progress.is_overdue(period, actual, today))
            (missing if actual is None else entered).append(row)
    missing.sort(key=lambda row: (not row.overdue, row.period.end, row.indicator.position, row.indicator.pk))
    entered.sort(key=lambda row: (row.period.end, row.indicator.position, row.indicator.pk), reverse=True)
    return missing, entered
