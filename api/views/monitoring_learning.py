"""The Learning tab (the members': "view_learning") and report versions (everyone with a role reads those
delivered; drafts are the secretariat's), read through monitoring's selectors with the page's filters."""

from django.urls import path
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions

from monitoring.learning_forms import LessonFilter, RiskFilter
from monitoring.models import CapacityGap, Lesson, LessonSource, RelatedInitiative, Report, Risk, RiskStatus
from monitoring.selectors import learning as selectors
from monitoring.selectors import reports as report_selectors

from ..serializers.monitoring_learning import (
    CapacityGapSerializer,
    LessonSerializer,
    RelatedInitiativeSerializer,
    ReportSerializer,
    RiskSerializer,
)
from .base import PartnershipDetailView, PartnershipListView


def filtered(filterset):
    """The filtered queryset; a value that is not one of the choices answers 400 with the filter's message."""
    if filterset.is_bound and not filterset.is_valid():
        raise exceptions.ValidationError(filterset.errors)
    return filterset.qs


class LearningList(PartnershipListView):
    read_action = "view_learning"
    filter_backends = []  # the page's FilterSet runs in get_queryset, with the partnership's choices


@extend_schema(tags=["learning"])
class Lessons(LearningList):
    """The lessons learned, newest first; filters as on the page: `source` (success, failure), `owner`
    (organisation id)."""

    serializer_class = LessonSerializer
    queryset = Lesson.objects.none()  # for the schema: get_queryset is the partnership's

    @extend_schema(
        parameters=[
            OpenApiParameter("source", str, enum=LessonSource.values),
            OpenApiParameter("owner", int, description="The owner organisation (its id)."),
        ]
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        partnership = self.partnership
        owners = selectors.lesson_owners(partnership)
        return filtered(
            LessonFilter(self.request.query_params or None, selectors.lessons_for(partnership), owners=owners)
        )


@extend_schema(tags=["learning"])
class CapacityGaps(LearningList):
    """The capacity gaps, open first, flagged as on the page (`unaddressed`, `review_due`)."""

    serializer_class = CapacityGapSerializer
    queryset = CapacityGap.objects.none()  # for the schema: get_queryset is the partnership's

    def get_queryset(self):
        return selectors.capacity_gaps(self.partnership)


@extend_schema(tags=["learning"])
class RelatedInitiatives(LearningList):
    """The related initiatives of the context analysis, flagged as on the page (`needs_alignment`, `exchange_due`)."""

    serializer_class = RelatedInitiativeSerializer
    queryset = RelatedInitiative.objects.none()  # for the schema: get_queryset is the partnership's

    def get_queryset(self):
        return selectors.context_for(self.partnership).initiatives


@extend_schema(tags=["learning"])
class Risks(LearningList):
    """The risks, highest score (likelihood × impact) first; filter `status` as on the page."""

    serializer_class = RiskSerializer
    queryset = Risk.objects.none()  # for the schema: get_queryset is the partnership's

    @extend_schema(parameters=[OpenApiParameter("status", str, enum=RiskStatus.values)])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return filtered(RiskFilter(self.request.query_params or None, selectors.risks_for(self.partnership)))


@extend_schema(tags=["reports"])
class Reports(PartnershipListView):
    """The donor and public report versions you may read, newest first: released and published ones for everyone
    with a role, drafts too for the secretariat."""

    read_action = "view_reports"
    serializer_class = ReportSerializer
    queryset = Report.objects.none()  # for the schema: get_queryset is the partnership's

    def get_queryset(self):
        return report_selectors.reports_for(self.request.user, self.partnership)


@extend_schema(tags=["reports"])
class ReportDetail(PartnershipDetailView):
    """One report version (a draft, to anyone but the secretariat, does not exist: 404)."""

    read_action = "view_reports"
    serializer_class = ReportSerializer
    queryset = Report.objects.none()  # for the schema: get_queryset is the partnership's

    def get_object(self):
        return report_selectors.report_or_404(self.request.user, self.partnership, self.kwargs["pk"])


P = "partnerships/<int:partnership_pk>/"
urls = [
    path(f"{P}lessons/", Lessons.as_view(), name="lesson_list"),
    path(f"{P}capacity-gaps/", CapacityGaps.as_view(), name="capacity_gap_list"),
    path(f"{P}related-initiatives/", RelatedInitiatives.as_view(), name="initiative_list"),
    path(f"{P}risks/", Risks.as_view(), name="risk_list"),
    path(f"{P}reports/", Reports.as_view(), name="report_list"),
    path(f"{P}reports/<int:pk>/", ReportDetail.as_view(), name="report_detail"),
]
