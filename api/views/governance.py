"""API endpoints: governance bodies with their seats, and the decision log. Everyone with a role reads bodies and
the log, a donor adopted decisions only and never the positions (governance.selectors.decisions); the secretariat
proposes and edits draft decisions (POST on the list, PUT or PATCH on a draft: the page's form and
services.decision_save); a partner records their organisation's position on an open decision (PUT .../position/:
PositionForm and services.position_record), exactly as on the pages."""

from django.db.models import Prefetch
from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response

from governance import services
from governance.decision_forms import DecisionFilter, DecisionForm, PositionForm
from governance.models import Body, Decision, Seat
from governance.selectors import bodies as body_selectors
from governance.selectors import decisions as selectors
from msp import access

from ..etag import ETagMixin
from ..serializers.governance import (
    BodySerializer,
    DecisionDetailSerializer,
    DecisionInput,
    DecisionSerializer,
    PositionInput,
    PositionSerializer,
)
from .governance_common import Scoped, posted, save_through


class BodyScoped(Scoped):
    read_action = "view_bodies"
    model = Body

    def records(self):
        seats = Seat.objects.select_related("organisation")
        bodies = body_selectors.bodies_for(self.partnership).order_by("-is_primary", "name", "pk")
        return bodies.prefetch_related(Prefetch("seats", queryset=seats))


class Bodies(BodyScoped, generics.ListAPIView):
    """The partnership's governance bodies (primary first) with their seats and the secretariat with its host."""

    serializer_class = BodySerializer


class BodyDetail(BodyScoped, ETagMixin, generics.RetrieveAPIView):
    serializer_class = BodySerializer


class DecisionScoped(Scoped):
    read_action = "view_decisions"
    model = Decision
    filterset_class = DecisionFilter

    def records(self):
        links = ("roadmap_version", "mou_version")
        return selectors.decisions_for(self.request.user, self.partnership).select_related(*links)

    def filterset_kwargs(self):
        return {"partnership": self.partnership}

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if getattr(self, "swagger_fake_view", False):
            return context
        user = self.request.user
        return {
            **context,
            "partnership": self.partnership,
            "see_positions": selectors.can_see_positions(user, self.partnership),
            "see_meetings": access.can(user, "view_meetings", self.partnership),
        }

    def write(self, decision=None):
        """The page's form, then services.decision_save: the saved decision as its page shows it."""
        blank = DecisionForm(partnership=self.partnership, instance=decision)
        form = DecisionForm(posted(self.request, blank), partnership=self.partnership, instance=decision)
        saved = save_through(
            self.request,
            form,
            lambda form: services.decision_save(
                partnership=self.partnership, by=self.request.user, decision=decision, **form.service_kwargs()
            ),
        )
        data = DecisionDetailSerializer(self.records().get(pk=saved.pk), context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_200_OK if decision else status.HTTP_201_CREATED)


class Decisions(DecisionScoped, generics.ListAPIView):
    """The decision log, as its page shows it to you (a donor: adopted decisions, no positions), newest decision
    first, with its filters (`q`, `body`, `method`, `outcome`, `decided_from`, `decided_to`). The secretariat posts a
    draft decision."""

    serializer_class = DecisionSerializer

    @extend_schema(request=DecisionInput, responses={201: DecisionDetailSerializer})
    def post(self, request, *args, **kwargs):
        return self.write()


class DecisionDetail(DecisionScoped, ETagMixin, generics.RetrieveAPIView):
    """One decision with the positions on it (members). The secretariat changes a draft with PUT (every field) or
    PATCH (the fields sent)."""

    serializer_class = DecisionDetailSerializer

    @extend_schema(request=DecisionInput, responses={200: DecisionDetailSerializer})
    def put(self, request, *args, **kwargs):
        return self.write(self.get_object())

    @extend_schema(request=DecisionInput, responses={200: DecisionDetailSerializer})
    def patch(self, request, *args, **kwargs):
        return self.write(self.get_object())


class PositionView(DecisionScoped, generics.GenericAPIView):
    """Your organisation's position on a decision open for positions (partners acting for a member organisation;
    sending it again changes it). The secretariat records a member's position on the page, with its evidence."""

    write_action = "act_for_organisation"  # the role half; acting for an organisation: msp.access below
    serializer_class = PositionSerializer

    @extend_schema(request=PositionInput, responses={200: PositionSerializer})
    def put(self, request, *args, **kwargs):
        decision = self.get_object()
        acting = access.require(request.user, "record_position", self.partnership)
        form = PositionForm(posted(request, PositionForm()))
        row = save_through(
            request,
            form,
            lambda form: services.position_record(
                decision=decision, by=request.user, organisation=acting.organisation, **form.cleaned_data
            ),
        )
        return Response(PositionSerializer(row).data)


P = "partnerships/<int:partnership_pk>/"
urls = [
    path(f"{P}bodies/", Bodies.as_view(), name="body_list"),
    path(f"{P}bodies/<int:pk>/", BodyDetail.as_view(), name="body_detail"),
    path(f"{P}decisions/", Decisions.as_view(), name="decision_list"),
    path(f"{P}decisions/<int:pk>/", DecisionDetail.as_view(), name="decision_detail"),
    path(f"{P}decisions/<int:pk>/position/", PositionView.as_view(), name="decision_position"),
]
