"""The phase history and the checklist runs: the members' (as on the pages "Phases" and "Run history")."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import path
from drf_spectacular.utils import extend_schema

from phases import runs
from phases.health_checks import selectors as health_checks
from phases.models import ChecklistRun, HealthCheck, PhaseTransition, RunItem
from phases.selectors import transitions_for

from ..serializers.phases import (
    ChecklistRunDetailSerializer,
    ChecklistRunSerializer,
    HealthCheckDetailSerializer,
    HealthCheckSerializer,
    PhaseTransitionSerializer,
)
from .base import PartnershipDetailView, PartnershipListView


@extend_schema(tags=["phases"])
class PhaseTransitions(PartnershipListView):
    """Every move of the partnership's phase, forward or back, newest first, with the reason and note given."""

    serializer_class = PhaseTransitionSerializer
    queryset = PhaseTransition.objects.none()  # for the schema: get_queryset is the partnership's

    def get_queryset(self):
        return transitions_for(self.partnership)


@extend_schema(tags=["phases"])
class ChecklistRuns(PartnershipListView):
    """The checklist's evaluations, newest first, each with its health and its counts of results."""

    serializer_class = ChecklistRunSerializer
    queryset = ChecklistRun.objects.none()

    def get_queryset(self):
        return runs.runs_for(self.partnership)


@extend_schema(tags=["phases"])
class ChecklistRunDetail(PartnershipDetailView):
    """One evaluation with every item's result and evidence as it stood then."""

    serializer_class = ChecklistRunDetailSerializer
    queryset = ChecklistRun.objects.none()

    def get_object(self):
        items = Prefetch("items", queryset=RunItem.objects.order_by("pk"))
        return get_object_or_404(runs.runs_for(self.partnership).prefetch_related(items), pk=self.kwargs["pk"])


@extend_schema(tags=["phases"])
class HealthChecks(PartnershipListView):
    """The partnering health-check rounds, newest first, with how many organisations scored in each."""

    serializer_class = HealthCheckSerializer
    queryset = HealthCheck.objects.none()

    def get_queryset(self):
        # The count of who scored groups the rows, which drops the model's ordering: give it again.
        return health_checks.health_checks_for(self.partnership).order_by("-opens_on", "-pk")


@extend_schema(tags=["phases"])
class HealthCheckDetail(PartnershipDetailView):
    """One round with, per item, how many scored, the mean, the range and how many gave each score (not who)."""

    serializer_class = HealthCheckDetailSerializer
    queryset = HealthCheck.objects.none()

    def get_object(self):
        health_check = get_object_or_404(health_checks.health_checks_for(self.partnership), pk=self.kwargs["pk"])
        health_check.item_scores = health_checks.item_scores(health_check)
        return health_check


P = "partnerships/<int:partnership_pk>/"
urls = [
    path(f"{P}phase-transitions/", PhaseTransitions.as_view(), name="phase_transition_list"),
    path(f"{P}checklist-runs/", ChecklistRuns.as_view(), name="checklist_run_list"),
    path(f"{P}checklist-runs/<int:pk>/", ChecklistRunDetail.as_view(), name="checklist_run_detail"),
    path(f"{P}health-checks/", HealthChecks.as_view(), name="health_check_list"),
    path(f"{P}health-checks/<int:pk>/", HealthCheckDetail.as_view(), name="health_check_detail"),
]
