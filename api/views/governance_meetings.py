"""API endpoints: meetings, the members' working space (msp.access "view_meetings"; donors see none). The
secretariat records a meeting (POST on the list) and changes one (PUT, or PATCH with the fields to change): the
page's MeetingForm, then services.meeting_save (moving an invited meeting re-sends the invitation, as on the page)."""

from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response

from governance import services
from governance.meeting_forms import MeetingForm
from governance.models import Body, Decision, Meeting
from governance.selectors import meeting_papers as paper_selectors
from governance.selectors import meetings as selectors
from stakeholders.models import Organisation

from ..etag import ETagMixin
from ..serializers.governance_meetings import MeetingDetailSerializer, MeetingInput, MeetingSerializer
from .governance_common import Scoped, posted, save_through


class MeetingScoped(Scoped):
    read_action = "view_meetings"
    model = Meeting

    def records(self):
        meetings = selectors.meetings_for(self.partnership).order_by("-start", "-pk")
        return paper_selectors.with_paper_counts(meetings, self.request.user, self.partnership)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        return context if getattr(self, "swagger_fake_view", False) else {**context, "partnership": self.partnership}

    def write(self, meeting=None):
        """The page's form, then services.meeting_save: the saved meeting as its page shows it."""
        bodies = Body.objects.filter(partnership=self.partnership).order_by("-is_primary", "name")
        blank = MeetingForm(bodies=bodies, instance=meeting)
        form = MeetingForm(posted(self.request, blank), bodies=bodies, instance=meeting)
        saved = save_through(
            self.request,
            form,
            lambda form: services.meeting_save(
                partnership=self.partnership, by=self.request.user, meeting=meeting, **form.service_kwargs()
            ),
        )
        data = MeetingDetailSerializer(detailed(self).get(pk=saved.pk), context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_200_OK if meeting else status.HTTP_201_CREATED)


def detailed(view):
    papers = paper_selectors.visible_papers(view.request.user, view.partnership).order_by("uploaded_at", "pk")
    return view.records().prefetch_related(
        Prefetch("organisations", queryset=Organisation.objects.order_by("name")),
        Prefetch("attendees", queryset=get_user_model().objects.order_by("first_name", "last_name", "username")),
        Prefetch("papers", queryset=papers, to_attr="visible_papers"),
        Prefetch("decisions", queryset=Decision.objects.order_by("created_at", "pk")),
    )


class Meetings(MeetingScoped, generics.ListAPIView):
    """The partnership's meetings, latest start first, with their attendee and paper counts and the state of their
    minutes. The secretariat posts a new meeting."""

    serializer_class = MeetingSerializer

    @extend_schema(request=MeetingInput, responses={201: MeetingDetailSerializer})
    def post(self, request, *args, **kwargs):
        return self.write()


class MeetingDetail(MeetingScoped, ETagMixin, generics.RetrieveAPIView):
    """One meeting: its agenda, who attends, the decisions taken at it and the papers you may see (a partner: the
    shared ones). The secretariat changes it with PUT (every field) or PATCH (the fields sent)."""

    serializer_class = MeetingDetailSerializer

    def get_queryset(self):
        return super().get_queryset() if getattr(self, "swagger_fake_view", False) else detailed(self)

    @extend_schema(request=MeetingInput, responses={200: MeetingDetailSerializer})
    def put(self, request, *args, **kwargs):
        return self.write(self.get_object())

    @extend_schema(request=MeetingInput, responses={200: MeetingDetailSerializer})
    def patch(self, request, *args, **kwargs):
        return self.write(self.get_object())


P = "partnerships/<int:partnership_pk>/"
urls = [
    path(f"{P}meetings/", Meetings.as_view(), name="meeting_list"),
    path(f"{P}meetings/<int:pk>/", MeetingDetail.as_view(), name="meeting_detail"),
]
