"""Writes of meetings: record, move, cancel, invite.

Every service takes the acting user as `by=` and asks msp.access ("change": the secretariat; an archived
partnership refuses), and locks the meeting's row before it reads its sequence or status. Invitations go through
the one outbox (msp.services.notify), one e-mail per attendee in their language, with the .ics of
governance.calendar attached: the same UID for the meeting's whole life, and a higher SEQUENCE each time it moves
(date, time, place, link) or is cancelled (METHOD:CANCEL), so calendar clients update or remove the one event.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from msp import access
from msp import services as msp_services
from msp.models import person_name
from msp.notices import NoticeKind
from stakeholders.models import Membership

from .. import calendar
from ..models import Meeting, MeetingStatus

MOVING_FIELDS = ("start", "end", "place", "online_link")


def _lock(meeting):
    return Meeting.objects.select_for_update(of=("self",)).select_related("partnership").get(pk=meeting.pk)


def _ics(meeting, by, users, method):
    build = calendar.invitation if method == calendar.REQUEST else calendar.cancellation
    return build(
        uid=calendar.meeting_uid(meeting.pk),
        sequence=meeting.sequence,
        start=meeting.start,
        end=meeting.end,
        summary=meeting.title,
        organizer=(person_name(by), by.email or settings.DEFAULT_FROM_EMAIL),
        attendees=[(person_name(user), user.email) for user in users if user.email],
        location=meeting.place,
        online_link=meeting.online_link,
        description=meeting.agenda,
    )


# What each message says, written in the recipient's language (the outbox calls these with it active).
_SUBJECTS = {
    "invite": lambda: _("Invitation: %(title)s"),
    "moved": lambda: _("Meeting moved: %(title)s"),
    "cancel": lambda: _("Cancelled: %(title)s"),
}
_BODIES = {
    "invite": lambda: _("You are invited to the meeting “%(title)s”. The calendar invitation is attached."),
    "moved": lambda: _("The meeting “%(title)s” has moved. The calendar invitation attached is updated."),
    "cancel": lambda: _("The meeting “%(title)s” is cancelled."),
}


def _send(meeting, by, users, kind):
    """One e-mail per user with an address, in their language, with the .ics: `kind` is "invite", "moved" or
    "cancel" (METHOD:CANCEL)."""
    method = calendar.CANCEL if kind == "cancel" else calendar.REQUEST
    users = [user for user in users if user.email]
    if not users:
        return []
    ics = _ics(meeting, by, users, method)
    filename = "cancellation.ics" if method == calendar.CANCEL else "invitation.ics"
    link = reverse("governance:meeting", args=[meeting.partnership_id, meeting.pk])
    title = {"title": meeting.title}
    return msp_services.notify(
        partnership=meeting.partnership,
        recipients=users,
        subject=lambda: _SUBJECTS[kind]() % title,
        body=lambda: _BODIES[kind]() % title,
        link=link,
        attachments=[(filename, ics, f"text/calendar; method={method}")],
        kind=NoticeKind.MEETING,
        # The sequence goes up with each move or cancellation: a meeting moved twice a day is told twice.
        key=f"meeting:{meeting.pk}:{kind}:{meeting.sequence}",
    )


def _check(fields, body, partnership):
    errors = {}
    if body is not None and body.partnership_id != partnership.pk:
        errors["body"] = _("This body belongs to another partnership.")
    elif body is not None and body.is_secretariat and fields.get("is_formal"):
        errors["body"] = _("The secretariat records and does not take decisions: its meetings are informal.")
    if fields["start"] and fields["end"] and fields["end"] <= fields["start"]:
        errors["end"] = _("A meeting must end after it starts.")
    if not fields["place"].strip() and not fields["online_link"].strip():
        errors["place"] = _("Say where the meeting takes place, or give the link to join it online.")
    if errors:
        raise ValidationError(errors)


def meeting_save(*, partnership, by, meeting=None, body=None, **fields) -> Meeting:
    """Record a meeting of `partnership`, or change `meeting`. Fields: title, is_formal, start, end, place,
    online_link, agenda. When an invited meeting moves (start, end, place, link), its sequence goes up and the
    attendees get the updated invitation."""
    access.require(by, "change", partnership)
    fields = {
        name: fields.get(name, "") for name in ("title", "is_formal", "start", "end", "place", "online_link", "agenda")
    }
    with transaction.atomic():
        if meeting is None:
            meeting = Meeting(partnership=partnership, created_by=by)
        else:
            meeting = _lock(meeting)
            if meeting.partnership_id != partnership.pk:
                raise ValidationError(_("This meeting belongs to another partnership."))
            if meeting.is_cancelled:
                raise ValidationError(_("This meeting is cancelled: record a new one instead."))
        _check(fields, body, partnership)
        moved = meeting.pk is not None and any(getattr(meeting, name) != fields[name] for name in MOVING_FIELDS)
        for name, value in fields.items():
            setattr(meeting, name, value)
        meeting.body, meeting.is_formal = body, bool(fields["is_formal"])
        meeting.title = (meeting.title or "").strip()
        if moved:
            meeting.sequence += 1
        meeting.full_clean()
        meeting.save()
        if moved:
            _send(meeting, by, list(meeting.attendees.all()), "moved")
        return meeting


def meeting_cancel(*, meeting, by) -> Meeting:
    """Cancel a scheduled meeting; the attendees get METHOD:CANCEL with a higher sequence."""
    access.require(by, "change", meeting.partnership)
    with transaction.atomic():
        meeting = _lock(meeting)
        if meeting.is_cancelled:
            raise ValidationError(_("This meeting is already cancelled."))
        meeting.status = MeetingStatus.CANCELLED
        meeting.sequence += 1
        meeting.save(update_fields=["status", "sequence"])
        _send(meeting, by, list(meeting.attendees.all()), "cancel")
        return meeting


def meeting_invite(*, meeting, by, organisations=(), users=()) -> Meeting:
    """Set the attending organisations (active members) and persons (people who may see the meetings: the
    secretariat and partners);
    the persons newly invited get the calendar invitation, those taken off the list its cancellation."""
    access.require(by, "change", meeting.partnership)
    with transaction.atomic():
        meeting = _lock(meeting)
        if meeting.is_cancelled:
            raise ValidationError(_("This meeting is cancelled: nobody can be invited to it."))
        errors = {}
        members = set(
            Membership.objects.active()
            .filter(partnership=meeting.partnership)
            .values_list("organisation_id", flat=True)
        )
        if strangers := [org for org in organisations if org.pk not in members]:
            errors["organisations"] = _("%(orgs)s are not active members of this partnership.") % {
                "orgs": ", ".join(str(org) for org in strangers)
            }
        with_role = set(access.holders(meeting.partnership, "view_meetings").values_list("user_id", flat=True))
        if outsiders := [user for user in users if user.pk not in with_role]:
            errors["users"] = _("%(people)s may not see this partnership's meetings.") % {
                "people": ", ".join(person_name(user) for user in outsiders)
            }
        if errors:
            raise ValidationError(errors)
        before = {user.pk: user for user in meeting.attendees.all()}
        after = {user.pk: user for user in users}
        removed = [user for pk, user in before.items() if pk not in after]
        meeting.organisations.set(organisations)
        meeting.attendees.set(list(after.values()))
        _send(meeting, by, [user for pk, user in after.items() if pk not in before], "invite")
        if removed:  # their calendars drop the event; a cancellation needs a higher sequence to be taken
            meeting.sequence += 1
            meeting.save(update_fields=["sequence"])
            _send(meeting, by, removed, "cancel")
        return meeting
