"""Reads of meetings: each a fixed number of queries whatever the number of meetings or attendees."""

from django.contrib.auth import get_user_model
from django.db.models import Count, F
from django.http import Http404
from django.utils.translation import gettext as _

from msp import access
from stakeholders.models import Membership, Organisation

from ..models import Meeting, MeetingStatus


def meetings_for(partnership):
    """The partnership's meetings with their body, attendee counts and the status of their minutes: one query per
    list."""
    return (
        Meeting.objects.filter(partnership=partnership)
        .select_related("body")
        .annotate(organisation_count=Count("organisations", distinct=True), minutes_status=F("minutes__status"))
    )


def meeting_or_404(partnership, pk):
    try:
        return Meeting.objects.select_related("partnership", "body").get(partnership=partnership, pk=pk)
    except Meeting.DoesNotExist:
        raise Http404(_("No such meeting.")) from None


def attendees(meeting):
    """(organisations, persons) attending: two queries."""
    return (
        list(meeting.organisations.order_by("name")),
        list(meeting.attendees.order_by("first_name", "last_name", "username")),
    )


def invitable(partnership):
    """(organisations, users) that may be invited: today's members, and the people who may see the meetings
    (secretariat and partners)."""
    members = Membership.objects.active().filter(partnership=partnership).values("organisation")
    with_role = access.holders(partnership, "view_meetings").values("user")
    return (
        Organisation.objects.filter(pk__in=members).order_by("name"),
        get_user_model().objects.filter(pk__in=with_role).order_by("first_name", "last_name", "username"),
    )


def decisions_at(meeting):
    """The decisions that name `meeting` as the one they were taken at, oldest proposal first: one query."""
    return list(meeting.decisions.order_by("created_at", "pk"))


def next_meeting(partnership, now=None):
    """The partnership's next meeting that has not ended and is not cancelled, or None: one query."""
    return scheduled_from(partnership, now).first()


def scheduled_from(partnership, now=None):
    """The partnership's meetings that have not ended and are not cancelled, the next first."""
    return Meeting.objects.filter(partnership=partnership, status=MeetingStatus.SCHEDULED).upcoming(now)
