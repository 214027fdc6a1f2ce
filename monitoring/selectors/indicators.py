"""Reads of indicators and their periods. Donors see only locked periods (msp.access "view_open_periods" is the
members'): every read that lists periods goes through `visible_periods`."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from governance.selectors.budget import nodes_by_key
from msp import access

from .. import progress
from ..models import Breakdown, Indicator, Period


def visible_periods(user, partnership):
    """The periods `user` may see on `partnership`: all of them for the members, the locked ones for donors."""
    periods = Period.objects.all()
    if not access.can(user, "view_open_periods", partnership):
        periods = periods.filter(locked_at__isnull=False)
    return periods


def periods_prefetch(user, partnership, *, breakdown=False):
    """Prefetch of an indicator's visible periods, ordered, with their actuals (and breakdown, on request)."""
    periods = visible_periods(user, partnership).select_related("actual").order_by("start", "pk")
    if breakdown:
        periods = periods.prefetch_related(
            Prefetch("actual__breakdown", queryset=Breakdown.objects.select_related("category__dimension"))
        )
    return Prefetch("periods", queryset=periods)


def indicator_detail(user, partnership, pk):
    """The indicator with its definition, its node (in the roadmap's current wording), and its visible periods
    with their progress: (indicator, node or None, [progress.PeriodProgress]). 404 for another partnership's."""
    queryset = (
        Indicator.objects.filter(partnership=partnership)
        .select_related("responsible")
        .prefetch_related("sdg_targets", "dimensions__categories", periods_prefetch(user, partnership, breakdown=True))
    )
    indicator = get_object_or_404(queryset, pk=pk)
    indicator.partnership = partnership  # the loaded one: its role cache answers the page's access questions
    node = nodes_by_key(partnership).get(indicator.result_node_key)
    return indicator, node, progress.series(indicator, list(indicator.periods.all()))
