"""Meetings: recording, moving, cancelling and inviting, and the calendar invitations read back from the e-mails
the outbox sends (same UID for the meeting's life, a higher SEQUENCE when it moves, METHOD:CANCEL)."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation
from icalendar import Calendar

from governance import services
from governance.calendar import meeting_uid
from governance.models import Meeting
from msp import outbox, profiles
from msp import services as msp_services
from msp.models import Notification
from tests.factories import OrganisationFactory, UserFactory

START = timezone.now().replace(microsecond=0) + dt.timedelta(days=10)


def record(partnership, by, **changes):
    fields = dict(
        title="Steering Committee 4",
        is_formal=True,
        start=START,
        end=START + dt.timedelta(hours=2),
        place="Accra",
        online_link="",
        agenda="1. Budget",
    )
    return services.meeting_save(partnership=partnership, by=by, **{**fields, **changes})


def move(meeting, by, **changes):
    names = ("title", "is_formal", "start", "end", "place", "online_link", "agenda")
    fields = {name: getattr(meeting, name) for name in names}
    return services.meeting_save(
        partnership=meeting.partnership, by=by, meeting=meeting, body=meeting.body, **{**fields, **changes}
    )


def sent():
    """Send every pending outbox row; {address: [(subject, calendar)]} of what went out."""
    mail.outbox.clear()
    for row in Notification.objects.order_by("pk"):
        outbox.send(notification_id=row.pk)
    result = {}
    for message in mail.outbox:
        calendars = [Calendar.from_ical(content) for name, content, mimetype in message.attachments]
        result.setdefault(message.to[0], []).append((message.subject, calendars, message.attachments))
    return result


def event(calendar):
    (vevent,) = calendar.walk("VEVENT")
    return vevent


@pytest.fixture
def meeting(partnership, secretariat):
    return record(partnership, secretariat)


def test_a_meeting_is_recorded_with_sequence_zero(meeting):
    assert meeting.sequence == 0 and meeting.status == "scheduled" and meeting.start == START


def test_partners_and_donors_do_not_record_meetings(partnership, kofi, donor):
    for user in (kofi, donor):
        with pytest.raises(PermissionDenied):
            record(partnership, user)


def test_an_archived_partnership_takes_no_meeting(partnership, secretariat):
    msp_services.partnership_archive(partnership=partnership, by=secretariat)
    partnership.refresh_from_db()
    with pytest.raises(PermissionDenied):
        record(partnership, secretariat)


def test_it_refuses_a_meeting_that_ends_before_it_starts_or_is_nowhere(partnership, secretariat):
    with pytest.raises(ValidationError) as exc:
        record(partnership, secretariat, end=START - dt.timedelta(hours=1), place="")
    assert set(exc.value.message_dict) == {"end", "place"}


def test_an_online_meeting_needs_no_place(partnership, secretariat):
    meeting = record(partnership, secretariat, place="", online_link="https://meet.example/abc")
    assert meeting.online_link


def test_only_a_move_raises_the_sequence(meeting, secretariat):
    assert move(meeting, secretariat, title="Renamed", agenda="x").sequence == 0
    assert move(meeting, secretariat, start=START + dt.timedelta(hours=1)).sequence == 1
    assert move(meeting, secretariat, place="Kumasi").sequence == 2


def test_invitations_go_to_each_person_in_their_language(
    meeting, secretariat, kofi, awa, django_capture_on_commit_callbacks
):
    profiles.user_language_set(user=kofi, language="fr")
    services.meeting_invite(
        meeting=meeting, by=secretariat, organisations=[kofi.contact.organisation], users=[kofi, awa]
    )
    messages = sent()
    assert set(messages) == {kofi.email, awa.email}
    [(subject, [calendar], [(name, content, mimetype)])] = messages[kofi.email]
    with translation.override("fr"):
        assert subject == translation.gettext("Invitation: %(title)s") % {"title": meeting.title}
    assert name == "invitation.ics" and mimetype.startswith("text/calendar")
    assert calendar["method"] == "REQUEST"
    vevent = event(calendar)
    assert str(vevent["uid"]) == meeting_uid(meeting.pk) and vevent["sequence"] == 0
    assert vevent.decoded("dtstart") == START
    assert {str(a) for a in vevent.get("attendee")} == {f"mailto:{kofi.email}", f"mailto:{awa.email}"}


def test_moving_resends_with_the_same_uid_and_a_higher_sequence(meeting, secretariat, kofi):
    services.meeting_invite(meeting=meeting, by=secretariat, users=[kofi])
    first = event(sent()[kofi.email][0][1][0])
    Notification.objects.all().delete()
    move(meeting, secretariat, start=START + dt.timedelta(days=1), end=START + dt.timedelta(days=1, hours=2))
    [(subject, [calendar], _)] = sent()[kofi.email]
    moved = event(calendar)
    assert "moved" in subject
    assert moved["uid"] == first["uid"] and moved["sequence"] == 1 > first["sequence"]
    assert moved.decoded("dtstart") == START + dt.timedelta(days=1)


def test_cancelling_sends_method_cancel(meeting, secretariat, kofi):
    services.meeting_invite(meeting=meeting, by=secretariat, users=[kofi])
    Notification.objects.all().delete()
    meeting = services.meeting_cancel(meeting=meeting, by=secretariat)
    assert meeting.status == "cancelled" and meeting.sequence == 1
    [(subject, [calendar], [(name, _content, mimetype)])] = sent()[kofi.email]
    assert calendar["method"] == "CANCEL" and "method=CANCEL" in mimetype and name == "cancellation.ics"
    vevent = event(calendar)
    assert vevent["status"] == "CANCELLED" and vevent["sequence"] == 1
    assert str(vevent["uid"]) == meeting_uid(meeting.pk)


def test_a_cancelled_meeting_is_neither_cancelled_again_nor_moved_nor_invited_to(meeting, secretariat, kofi):
    services.meeting_cancel(meeting=meeting, by=secretariat)
    with pytest.raises(ValidationError):
        services.meeting_cancel(meeting=meeting, by=secretariat)
    with pytest.raises(ValidationError):
        move(meeting, secretariat, place="Elsewhere")
    with pytest.raises(ValidationError):
        services.meeting_invite(meeting=meeting, by=secretariat, users=[kofi])


def test_inviting_again_writes_only_to_the_newly_invited(meeting, secretariat, kofi, awa):
    services.meeting_invite(meeting=meeting, by=secretariat, users=[kofi])
    Notification.objects.all().delete()
    services.meeting_invite(meeting=meeting, by=secretariat, users=[kofi, awa])
    assert set(sent()) == {awa.email}


def test_someone_taken_off_the_list_gets_the_cancellation(meeting, secretariat, kofi, awa):
    services.meeting_invite(meeting=meeting, by=secretariat, users=[kofi, awa])
    Notification.objects.all().delete()
    services.meeting_invite(meeting=meeting, by=secretariat, users=[kofi])
    messages = sent()
    assert set(messages) == {awa.email}
    assert messages[awa.email][0][1][0]["method"] == "CANCEL"
    assert Meeting.objects.get(pk=meeting.pk).sequence == 1


def test_only_members_and_people_with_a_role_are_invited(meeting, secretariat):
    with pytest.raises(ValidationError) as exc:
        services.meeting_invite(
            meeting=meeting, by=secretariat, organisations=[OrganisationFactory()], users=[UserFactory()]
        )
    assert set(exc.value.message_dict) == {"organisations", "users"}


def test_partners_do_not_invite_or_cancel(meeting, kofi):
    with pytest.raises(PermissionDenied):
        services.meeting_invite(meeting=meeting, by=kofi, users=[kofi])
    with pytest.raises(PermissionDenied):
        services.meeting_cancel(meeting=meeting, by=kofi)
