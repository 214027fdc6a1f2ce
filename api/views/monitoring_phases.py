"""The phase history and the checklist runs: the members' (as on the pages "Phases" and "Run history")."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import path
from drf_spectacular.utils import extend_schema

from phases import runs
from phases.models import ChecklistRun, PhaseTransition, RunItem
from phases.selectors import transitions_for

from ..serializers.phases import ChecklistRunDetailSerializer, ChecklistRunSerializer, PhaseTransitionSerializer
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


P = "partnerships/<int:partnership_pk>/"
urls = [
    path(f"{P}phase-transitions/", PhaseTransitions.as_view(), name="phase_transition_list"),
    path(f"{P}checklist-runs/", ChecklistRuns.as_view(), name="checklist_run_list"),
    path(f"{P}checklist-runs/<int:pk>/", ChecklistRunDetail.as_view(), name="checklist_run_detail"),
]
