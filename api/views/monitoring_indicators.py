"""Indicators: the indicator table (with its filters) and one indicator with its periods. Both read through
monitoring's selectors, so a donor gets exactly the locked periods their pages show."""

from django.urls import path
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema

from governance.selectors.budget import nodes_by_key
from monitoring import progress
from monitoring.filters import STATUS_CHOICES, IndicatorFilter
from monitoring.selectors import indicators as indicator_selectors
from monitoring.selectors import table
from monitoring.selectors.table import IndicatorRow

from ..serializers.monitoring import IndicatorDetailSerializer, IndicatorSummarySerializer
from .base import PartnershipDetailView, PartnershipListView

FILTERS = [
    OpenApiParameter("level", str, description="Results level: impact, outcome, output or activity."),
    OpenApiParameter("sdg_goal", int, description="SDG goal number (1-17)."),
    OpenApiParameter("responsible", int, description="Responsible organisation (its id)."),
    OpenApiParameter("status", str, enum=[str(value) for value, _label in STATUS_CHOICES]),
]


@extend_schema(tags=["indicators"])
class Indicators(PartnershipListView):
    """The partnership's indicators as the indicator table lists them (impact first, down to activities), each with
    its latest light (`status`). Filters as on the table; a value that is not one of the choices is ignored."""

    read_action = "view_indicators"
    serializer_class = IndicatorSummarySerializer
    filter_backends = []  # the page's FilterSet runs in get_queryset: it needs the partnership and its results chain

    @extend_schema(parameters=FILTERS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        partnership = self.partnership
        nodes = nodes_by_key(partnership)
        filters = IndicatorFilter(
            self.request.query_params or None, table.scoped(partnership), partnership=partnership, nodes=nodes
        )
        return filters.keep(table.indicator_rows(self.request.user, partnership, nodes=nodes))


@extend_schema(tags=["indicators"])
class IndicatorDetail(PartnershipDetailView):
    """One indicator: its definition, dimensions with their categories, and every period you may see (donors: the
    locked ones) with its target, its actual with the breakdown by category, and its progress."""

    read_action = "view_indicators"
    serializer_class = IndicatorDetailSerializer

    def get_object(self):
        indicator, node, series = indicator_selectors.indicator_detail(
            self.request.user, self.partnership, self.kwargs["pk"]
        )
        today = timezone.localdate()
        overdue = sum(1 for row in series if progress.is_overdue(row.period, row.actual, today))
        return IndicatorRow(indicator, node, series, progress.latest(series), overdue)


urls = [
    path("partnerships/<int:partnership_pk>/indicators/", Indicators.as_view(), name="indicator_list"),
    path("partnerships/<int:partnership_pk>/indicators/<int:pk>/", IndicatorDetail.as_view(), name="indicator_detail"),
]
