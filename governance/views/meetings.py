"""The Governance tab's meetings: upcoming and past meetings, a meeting's page, recording, moving and cancelling
a meeting, and inviting its attendees (each newly invited person gets the calendar invitation by e-mail).

Members (secretariat and partners) see meetings; donors do not (msp.access, "view_meetings"); the secretariat
records them. Each form view authorises (through the mixin), validates (meeting_forms) and calls one service."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from msp import access

from .. import services
from ..meeting_forms import InviteForm, MeetingForm
from ..meeting_paper_forms import MeetingPaperForm
from ..models import Body
from ..selectors import meeting_papers as paper_selectors
from ..selectors import meetings as selectors
from .bodies import GovernanceMixin, ServiceFormView
from .common import _messages_of
from .minutes import minutes_context


def _page_of(meeting):
    return reverse("governance:meeting", args=[meeting.partnership_id, meeting.pk])


class MeetingListView(GovernanceMixin, TemplateView):
    action = "view_meetings"
    section = "meetings"
    template_name = "governance/meetings/list.html"

    def get_context_data(self, **kwargs):
        meetings, now = selectors.meetings_for(self.partnership), timezone.now()
        meetings = paper_selectors.with_paper_counts(meetings, self.request.user, self.partnership)
        return super().get_context_data(upcoming=list(meetings.upcoming(now)), past=list(meetings.past(now)), **kwargs)


class MeetingDetailView(GovernanceMixin, TemplateView):
    action = "view_meetings"
    section = "meetings"
    template_name = "governance/meetings/detail.html"

    def get_context_data(self, **kwargs):
        meeting = selectors.meeting_or_404(self.partnership, self.kwargs["pk"])
        organisations, persons = selectors.attendees(meeting)
        decisions = selectors.decisions_at(meeting)
        minutes = minutes_context(self.request, self.partnership, meeting, organisations, persons)
        papers = paper_selectors.papers_of(self.request.user, self.partnership, meeting)
        return super().get_context_data(
            meeting=meeting,
            organisations=organisations,
            persons=persons,
            decisions=decisions,
            papers=papers,
            paper_form=MeetingPaperForm(),
            **minutes,
            **kwargs,
        )


class MeetingFormView(ServiceFormView):
    """Record a meeting (no `pk`) or change one (moving it re-sends the invitation)."""

    form_class = MeetingForm
    section = "meetings"

    def get_form_kwargs(self):
        self.meeting = selectors.meeting_or_404(self.partnership, self.kwargs["pk"]) if "pk" in self.kwargs else None
        kwargs = super().get_form_kwargs()
        if self.meeting is not None:
            kwargs["instance"] = self.meeting
        bodies = Body.objects.filter(partnership=self.partnership).order_by("-is_primary", "name")
        return {**kwargs, "bodies": bodies}

    @property
    def title(self):
        return _("Edit “%(title)s”") % {"title": self.meeting.title} if self.meeting else _("Add a meeting")

    def save(self, form):
        meeting = services.meeting_save(
            partnership=self.partnership, by=self.request.user, meeting=self.meeting, **form.service_kwargs()
        )
        text = _("“%(title)s” is saved.") if self.meeting else _("“%(title)s” is added. Now invite the attendees.")
        return text % {"title": meeting.title}, _page_of(meeting)

    def cancel_url(self):
        if self.meeting:
            return _page_of(self.meeting)
        return reverse("governance:meetings", args=[self.partnership.pk])


class InviteView(ServiceFormView):
    form_class = InviteForm
    section = "meetings"

    def get_form_kwargs(self):
        self.meeting = selectors.meeting_or_404(self.partnership, self.kwargs["pk"])
        organisations, users = selectors.invitable(self.partnership)
        chosen_orgs, chosen_people = selectors.attendees(self.meeting)
        initial = {"organisations": chosen_orgs, "users": chosen_people}
        return {**super().get_form_kwargs(), "organisations": organisations, "users": users, "initial": initial}

    @property
    def title(self):
        return _("Invite to “%(title)s”") % {"title": self.meeting.title}

    def save(self, form):
        services.meeting_invite(meeting=self.meeting, by=self.request.user, **form.service_kwargs())
        return _("The attendees are saved; newly invited people get the invitation by e-mail."), _page_of(self.meeting)

    def cancel_url(self):
        return _page_of(self.meeting)


@login_required
@require_POST
def meeting_cancel(request, partnership_pk, pk):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    meeting = selectors.meeting_or_404(partnership, pk)
    try:
        services.meeting_cancel(meeting=meeting, by=request.user)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
        return redirect(_page_of(meeting))
    messages.success(request, _("“%(title)s” is cancelled; the attendees are told.") % {"title": meeting.title})
    return redirect(_page_of(meeting))
