"""Demo minutes: Cocoa's steering committee kick-off has final minutes (circulated first); the half-year review's
are circulated for comments and one partner has commented. Idempotent: a partnership whose meetings have minutes
is left alone."""

import datetime as dt

from auditlog.context import set_actor
from django.utils import timezone

from msp import access
from msp.models import person_name

from .. import services
from ..models import Meeting, Minutes, MinutesComment
from ..selectors import minutes as minutes_selectors

KICK_OFF = """1. Welcome. The chair welcomed the members and the secretariat.
2. Roadmap. The members discussed the draft roadmap; the secretariat will circulate version 2 for approval.
3. MoU. The members agreed the governance clause: decisions by a two-thirds majority.
Next meeting: in six months, online."""

REVIEW = """1. Progress. The secretariat presented progress against the milestones; two are late.
2. Budget. Spending is on plan; the members asked for a quarterly budget summary.
Actions: the secretariat sends the budget summary by the end of the month."""

COMMENT = "Item 1: please name the two late milestones and say when they are now expected."


def _commenter(partnership, meeting):
    """A partner with an account who acts for an organisation that attended the meeting, or None."""
    attending = set(meeting.organisations.values_list("pk", flat=True))
    for role in access.holders(partnership, "comment_minutes").select_related("user").order_by("pk"):
        acting = access.acting_for(role.user, partnership)
        if acting is not None and acting.is_active and acting.organisation.pk in attending:
            return role.user
    return None


def load(ctx):
    partnership = ctx["partnerships"]["cocoa"]
    if Minutes.objects.filter(meeting__partnership=partnership).exists():
        return
    secretariat = ctx["users"]["amina"]
    past = list(Meeting.objects.filter(partnership=partnership).past(timezone.now()).order_by("start"))
    if len(past) < 2:
        return
    kick_off, review = past[0], past[1]
    with set_actor(secretariat):
        recorded = timezone.localtime(kick_off.start).date() + dt.timedelta(days=2)
        services.minutes_save(meeting=kick_off, by=secretariat, text=KICK_OFF, recorded_on=recorded)
        services.minutes_circulate(meeting=kick_off, by=secretariat)
        services.minutes_finalise(meeting=kick_off, by=secretariat)
        recorded = timezone.localtime(review.start).date() + dt.timedelta(days=1)
        services.minutes_save(meeting=review, by=secretariat, text=REVIEW, recorded_on=recorded)
        services.minutes_circulate(meeting=review, by=secretariat)
    _date_like_the_meetings(kick_off, review)
    commenter = _commenter(partnership, review)
    if commenter is not None:
        # Written two days after the minutes went out, not on the day the demo is loaded: the demo writes the row
        # the service would, with its date (comments are append-only and keep the date they were written with).
        with set_actor(commenter):
            MinutesComment.objects.create(
                minutes=review.minutes,
                author=commenter,
                author_name=person_name(commenter),
                organisation=minutes_selectors.organisation_of(review, commenter),
                text=COMMENT,
                created_at=Minutes.objects.get(meeting=review).circulated_at + dt.timedelta(days=2),
            )


def _date_like_the_meetings(kick_off, review):
    """Minutes circulated the day they were recorded (and the kick-off's marked final two weeks later), as a
    secretariat would have done, rather than on the day the demo is loaded."""
    for meeting, final in ((kick_off, True), (review, False)):
        minutes = Minutes.objects.get(meeting=meeting)
        out = timezone.make_aware(dt.datetime.combine(minutes.recorded_on, dt.time(16, 0)))
        Minutes.objects.filter(pk=minutes.pk).update(
            circulated_at=out, finalised_at=out + dt.timedelta(days=14) if final else None
        )
