"""Writes of minutes: record or correct them, circulate them for comments, comment, mark them final.

draft → circulated → final (circulating is optional; circulating again after a correction tells the attendees
once more). The secretariat ("change") writes, circulates and marks final; the text may be corrected while it is
a draft or circulated (the comments stay), never once final. Attendees who are partners ("comment_minutes", and
having attended: a person invited, or acting for an attending organisation) comment while the minutes are
circulated. A cancelled meeting has no minutes, and none are recorded before the meeting starts.

Each service locks the meeting's row (and the minutes') before it reads the status, so two people acting at the
same time see each other's change. E-mails go through the one outbox (msp.services.notify), one per attendee, in
their language, written in the same transaction.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from msp import access
from msp import services as msp_services
from msp.models import person_name

from ..models import Meeting, Minutes, MinutesComment, MinutesStatus
from ..selectors import minutes as selectors


def _lock(meeting):
    """The meeting and its minutes (or None), locked in that order (every service takes them in this order)."""
    meeting = Meeting.objects.select_for_update(of=("self",)).select_related("partnership").get(pk=meeting.pk)
    minutes = Minutes.objects.select_for_update().filter(meeting=meeting).first()
    if minutes is not None:
        minutes.meeting = meeting
    return meeting, minutes


def _require_open(meeting, minutes):
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting is cancelled: it has no minutes."))
    if minutes is None:
        raise ValidationError(_("This meeting has no minutes yet. Record them first."))
    if minutes.is_final:
        raise ValidationError(_("These minutes are final: they can no longer be changed."))


def minutes_save(*, meeting, by, text, recorded_on) -> Minutes:
    """Record the meeting's minutes, or correct them while they are a draft or circulated (the comments stay)."""
    access.require(by, "change", meeting.partnership)
    with transaction.atomic():
        meeting, minutes = _lock(meeting)
        if meeting.is_cancelled:
            raise ValidationError(_("This meeting is cancelled: it has no minutes."))
        if meeting.start > timezone.now():
            raise ValidationError(_("This meeting has not started yet: record its minutes once it has taken place."))
        if minutes is not None and minutes.is_final:
            raise ValidationError(_("These minutes are final: they can no longer be changed."))
        errors = {}
        if not (text or "").strip():
            errors["text"] = _("Write the minutes first.")
        if recorded_on and recorded_on < timezone.localtime(meeting.start).date():
            errors["recorded_on"] = _("Minutes cannot be recorded before the meeting took place.")
        elif recorded_on and recorded_on > timezone.localdate():
            errors["recorded_on"] = _("The date the minutes were recorded cannot be in the future.")
        if errors:
            raise ValidationError(errors)
        if minutes is None:
            minutes = Minutes(meeting=meeting, recorded_by=by)
        minutes.text, minutes.recorded_on = text.strip(), recorded_on
        minutes.full_clean()
        minutes.save()
        return minutes


# What the e-mail says, written in the recipient's language (the outbox calls these with it active).
def _subject(again):
    if again:
        return _("Minutes corrected, for your comments: %(title)s")
    return _("Minutes for your comments: %(title)s")


def _body(again):
    if again:
        return _(
            "The minutes of the meeting “%(title)s” were corrected and are circulated again. Please read them and "
            "add your comments before the secretariat marks them final."
        )
    return _(
        "The minutes of the meeting “%(title)s” are circulated to the attendees. Please read them and add your "
        "comments before the secretariat marks them final."
    )


def minutes_circulate(*, meeting, by) -> Minutes:
    """Circulate the minutes (a draft, or circulated minutes after a correction) to the attendees for comments:
    each gets a short e-mail with the link to the meeting's page."""
    access.require(by, "change", meeting.partnership)
    with transaction.atomic():
        meeting, minutes = _lock(meeting)
        _require_open(meeting, minutes)
        recipients = [user for user in selectors.attendee_users(meeting) if user.pk != by.pk]
        if not recipients:
            raise ValidationError(
                _("Nobody to circulate the minutes to: invite the attending organisations and persons first.")
            )
        again = minutes.is_circulated
        minutes.status, minutes.circulated_at = MinutesStatus.CIRCULATED, timezone.now()
        minutes.save(update_fields=["status", "circulated_at"])
        title = {"title": meeting.title}
        msp_services.notify(
            partnership=meeting.partnership,
            recipients=recipients,
            subject=lambda: _subject(again) % title,
            body=lambda: _body(again) % title,
            link=reverse("governance:meeting", args=[meeting.partnership_id, meeting.pk]) + "#minutes",
        )
        return minutes


def minutes_comment(*, meeting, by, text) -> MinutesComment:
    """An attendee's comment on circulated minutes (partners only: invited in person, or acting for an
    attending organisation; the comment names that organisation)."""
    access.require(by, "comment_minutes", meeting.partnership)
    with transaction.atomic():
        meeting, minutes = _lock(meeting)
        if meeting.is_cancelled:
            raise ValidationError(_("This meeting is cancelled: it has no minutes."))
        if minutes is None or minutes.status == MinutesStatus.DRAFT:
            raise ValidationError(_("These minutes are not circulated for comments."))
        if minutes.is_final:
            raise ValidationError(_("These minutes are final: they take no more comments."))
        organisation_ids = set(meeting.organisations.values_list("pk", flat=True))
        person_ids = set(meeting.attendees.values_list("pk", flat=True))
        if not selectors.is_attendee(meeting, by, organisation_ids, person_ids):
            raise PermissionDenied(
                _("Only the attendees of this meeting can comment on its minutes, and you did not attend it.")
            )
        if not (text or "").strip():
            raise ValidationError({"text": _("Write your comment first.")})
        comment = MinutesComment(
            minutes=minutes,
            author=by,
            author_name=person_name(by),
            organisation=selectors.organisation_of(meeting, by),
            text=text.strip(),
        )
        comment.full_clean()
        comment.save()
        return comment


def minutes_finalise(*, meeting, by) -> Minutes:
    """Mark the minutes final (circulated or not): from then on nobody changes them or comments."""
    access.require(by, "change", meeting.partnership)
    with transaction.atomic():
        meeting, minutes = _lock(meeting)
        _require_open(meeting, minutes)
        minutes.status, minutes.finalised_at, minutes.finalised_by = MinutesStatus.FINAL, timezone.now(), by
        minutes.save(update_fields=["status", "finalised_at", "finalised_by"])
        return minutes
