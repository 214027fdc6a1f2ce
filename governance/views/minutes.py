"""Minutes of a meeting: writing or correcting them, circulating them, an attendee's comment, marking them final.

They are shown in the meeting's page (its "Minutes" section, templates/governance/minutes/section.html). The
secretariat writes, circulates and marks final ("change"); partners who attended comment ("comment_minutes" and
the attendee rule of services.minutes). A page that cannot be used now (a cancelled meeting, one not started,
final minutes, minutes not circulated) sends the user back to the meeting with the reason."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from msp import access

from .. import services
from ..minutes_forms import MinutesCommentForm, MinutesForm
from ..models import Minutes, MinutesStatus
from ..selectors import meetings as meeting_selectors
from ..selectors import minutes as selectors
from .bodies import ServiceFormView
from .common import _messages_of


def _section_of(meeting):
    return reverse("governance:meeting", args=[meeting.partnership_id, meeting.pk]) + "#minutes"


class _MinutesPage(ServiceFormView):
    """A form about one meeting's minutes; `refusal()` says why it cannot be used now (or None)."""

    section = "meetings"

    def dispatch(self, request, *args, **kwargs):
        self.meeting = self.minutes = None
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        self.meeting = meeting_selectors.meeting_or_404(self.partnership, kwargs["pk"])
        self.minutes = Minutes.objects.filter(meeting=self.meeting).first()
        if reason := self.refusal():
            messages.error(request, reason)
            return redirect(_section_of(self.meeting))
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.meeting = meeting_selectors.meeting_or_404(self.partnership, kwargs["pk"])
        self.minutes = Minutes.objects.filter(meeting=self.meeting).first()
        return super().post(request, *args, **kwargs)

    def refusal(self):
        return _("This meeting is cancelled: it has no minutes.") if self.meeting.is_cancelled else None

    def cancel_url(self):
        return _section_of(self.meeting)


class MinutesFormView(_MinutesPage):
    """Record the minutes, or correct them while they are a draft or circulated."""

    form_class = MinutesForm

    def refusal(self):
        if self.meeting.start > timezone.now():
            return _("This meeting has not started yet: record its minutes once it has taken place.")
        if self.minutes is not None and self.minutes.is_final:
            return _("These minutes are final: they can no longer be changed.")
        return super().refusal()

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.minutes}

    @property
    def title(self):
        return _("Minutes of “%(title)s”") % {"title": self.meeting.title}

    def save(self, form):
        services.minutes_save(meeting=self.meeting, by=self.request.user, **form.service_kwargs())
        if self.minutes is not None and self.minutes.status == MinutesStatus.CIRCULATED:
            return _("The minutes are corrected. Circulate them again to tell the attendees."), self.cancel_url()
        return _("The minutes are saved as a draft. Circulate them to the attendees for comments."), self.cancel_url()


class MinutesCommentView(_MinutesPage):
    action = "comment_minutes"
    form_class = MinutesCommentForm

    def refusal(self):
        if self.minutes is None or self.minutes.status != MinutesStatus.CIRCULATED:
            return _("These minutes are not circulated for comments.")
        return super().refusal()

    @property
    def title(self):
        return _("Comment on the minutes of “%(title)s”") % {"title": self.meeting.title}

    def save(self, form):
        try:
            services.minutes_comment(meeting=self.meeting, by=self.request.user, text=form.cleaned_data["text"])
        except PermissionDenied as exc:  # not an attendee: said on the form, with the comment kept
            raise ValidationError(str(exc)) from None
        return _("Your comment is added to the minutes."), self.cancel_url()


def _act(request, partnership_pk, pk, service, done):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    meeting = meeting_selectors.meeting_or_404(partnership, pk)
    try:
        service(meeting=meeting, by=request.user)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
    else:
        messages.success(request, done)
    return redirect(_section_of(meeting))


@login_required
@require_POST
def minutes_circulate(request, partnership_pk, pk):
    done = _("The minutes are circulated: each attendee gets an e-mail asking for comments.")
    return _act(request, partnership_pk, pk, services.minutes_circulate, done)


@login_required
@require_POST
def minutes_finalise(request, partnership_pk, pk):
    done = _("The minutes are final. Nobody can change them or comment any more.")
    return _act(request, partnership_pk, pk, services.minutes_finalise, done)


def minutes_context(request, partnership, meeting, organisations, persons):
    """What the meeting page's Minutes section shows and offers to `request.user` (two queries with minutes to
    show, one without, plus the attendee check of a partner)."""
    user = request.user
    meeting.partnership = partnership  # the page's: its role cache answers the access questions below
    minutes = selectors.minutes_of(meeting, user)
    can_change = access.can(user, "change", meeting) and not meeting.is_cancelled
    context = {
        "minutes": minutes,
        "minutes_comments": selectors.comments_of(minutes) if minutes else [],
        "minutes_can_change": can_change,
        "minutes_started": meeting.start <= timezone.now(),
        "minutes_can_comment": False,
    }
    if minutes is not None and minutes.is_circulated and access.can(user, "comment_minutes", meeting):
        context["minutes_can_comment"] = selectors.is_attendee(
            meeting, user, {o.pk for o in organisations}, {p.pk for p in persons}
        )
        context["minutes_comment_form"] = MinutesCommentForm()
    return context
