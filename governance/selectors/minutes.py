"""Reads of minutes: who attended a meeting (to tell them, and to let them comment), and what of the minutes a
user sees. Each a fixed number of queries whatever the number of attendees or comments."""

from django.contrib.auth import get_user_model

from msp import access, affiliations

from ..models import Minutes, MinutesComment, MinutesStatus

# What the members see of minutes; drafts are the secretariat's until circulated.
SHOWN_TO_MEMBERS = (MinutesStatus.CIRCULATED, MinutesStatus.FINAL)


def minutes_of(meeting, user):
    """The meeting's minutes as `user` may see them, or None: the secretariat sees drafts too; other members see
    them once circulated. One query."""
    minutes = Minutes.objects.select_related("recorded_by", "finalised_by").filter(meeting=meeting).first()
    if minutes is None or (minutes.status not in SHOWN_TO_MEMBERS and not access.can(user, "change", meeting)):
        return None
    minutes.meeting = meeting
    return minutes


def comments_of(minutes):
    """The comments in the order they were written, with their author and organisation: one query."""
    return list(MinutesComment.objects.filter(minutes=minutes).select_related("author", "organisation"))


def attending_organisation(meeting, user, organisation_ids):
    """The organisation `user` acts for when it attends the meeting (`organisation_ids`: those attending), or
    None. The contact person must be active."""
    acting = access.acting_for(user, meeting.partnership)
    if acting is None or not acting.is_active or acting.organisation.pk not in organisation_ids:
        return None
    return acting.organisation


def organisation_of(meeting, user):
    """The organisation `user` acts for on the meeting's partnership (named with their comments), or None."""
    acting = access.acting_for(user, meeting.partnership)
    return acting.organisation if acting is not None else None


def is_attendee(meeting, user, organisation_ids, person_ids):
    """Did `user` attend: invited in person, or acting for an attending organisation?"""
    return user.pk in person_ids or attending_organisation(meeting, user, organisation_ids) is not None


def attendee_users(meeting):
    """Everyone to tell about the minutes: the persons invited, and the partners (active contact persons with an
    account) of the attending organisations. Four queries."""
    persons = {user.pk: user for user in meeting.attendees.all()}
    organisation_ids = list(meeting.organisations.values_list("pk", flat=True))
    links = affiliations.get()
    people = links.people_of(organisation_ids) if links and organisation_ids else []
    able = set(access.holders(meeting.partnership, "comment_minutes").values_list("user_id", flat=True))
    wanted = {p.user_id for p in people if p.is_active and p.user_id in able} - set(persons)
    if wanted:
        persons.update({user.pk: user for user in get_user_model().objects.filter(pk__in=wanted)})
    return sorted(persons.values(), key=lambda user: user.pk)
