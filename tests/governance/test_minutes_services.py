"""Minutes: draft → circulated → final, each refusal with its message; the circulation e-mails (one per attendee,
in their language); who may comment (partners who attended); comments kept as written."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.utils import DatabaseError
from django.utils import timezone, translation

from governance import services
from governance.models import AppendOnlyError, Minutes, MinutesComment
from msp import outbox, profiles
from msp.models import Notification
from tests.factories import UserFactory
from tests.governance.factories import member

TODAY = timezone.localdate()


def meeting_at(partnership, by, days, **changes):
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=days)
    fields = dict(
        title="Steering Committee 3",
        is_formal=True,
        start=start,
        end=start + dt.timedelta(hours=2),
        place="Accra",
        online_link="",
        agenda="1. Budget",
    )
    return services.meeting_save(partnership=partnership, by=by, **{**fields, **changes})


def write(meeting, by, text="1. The budget was agreed.", recorded_on=TODAY):
    return services.minutes_save(meeting=meeting, by=by, text=text, recorded_on=recorded_on)


def sent():
    """Send every pending outbox row; {address: subject} of what went out."""
    mail.outbox.clear()
    for row in Notification.objects.order_by("pk"):
        outbox.send(notification_id=row.pk)
    return {message.to[0]: message for message in mail.outbox}


@pytest.fixture
def meeting(partnership, secretariat, kofi, awa):
    """Last week's meeting: Kofi's organisation attended; Awa was invited in person."""
    meeting = meeting_at(partnership, secretariat, -7)
    services.meeting_invite(meeting=meeting, by=secretariat, organisations=[kofi.contact.organisation], users=[awa])
    Notification.objects.all().delete()
    return meeting


def message(exc):
    return " ".join(exc.value.messages)


# --- writing ---------------------------------------------------------------------------------------------------


def test_the_secretariat_records_a_draft(meeting, secretariat):
    minutes = write(meeting, secretariat)
    assert (minutes.status, minutes.recorded_on, minutes.recorded_by) == ("draft", TODAY, secretariat)
    assert Minutes.objects.get(meeting=meeting).text == "1. The budget was agreed."


def test_partners_and_donors_do_not_write_minutes(meeting, kofi, donor):
    for user in (kofi, donor):
        with pytest.raises(PermissionDenied):
            write(meeting, user)


def test_minutes_wait_until_the_meeting_starts(partnership, secretariat):
    upcoming = meeting_at(partnership, secretariat, 3)
    with pytest.raises(ValidationError) as exc:
        write(upcoming, secretariat)
    assert "has not started yet" in message(exc)


def test_a_cancelled_meeting_has_no_minutes(meeting, secretariat):
    services.meeting_cancel(meeting=meeting, by=secretariat)
    with pytest.raises(ValidationError) as exc:
        write(meeting, secretariat)
    assert message(exc) == "This meeting is cancelled: it has no minutes."


def test_bad_input_is_refused_field_by_field(meeting, secretariat):
    with pytest.raises(ValidationError) as exc:
        write(meeting, secretariat, text="  ", recorded_on=TODAY + dt.timedelta(days=1))
    assert exc.value.message_dict == {
        "text": ["Write the minutes first."],
        "recorded_on": ["The date the minutes were recorded cannot be in the future."],
    }
    with pytest.raises(ValidationError) as exc:
        write(meeting, secretariat, recorded_on=TODAY - dt.timedelta(days=30))
    assert exc.value.message_dict == {"recorded_on": ["Minutes cannot be recorded before the meeting took place."]}


def test_circulated_minutes_can_be_corrected_and_keep_their_comments(meeting, secretariat, kofi):
    write(meeting, secretariat)
    services.minutes_circulate(meeting=meeting, by=secretariat)
    services.minutes_comment(meeting=meeting, by=kofi, text="Item 1 was deferred, not agreed.")
    minutes = write(meeting, secretariat, text="1. The budget was deferred.")
    assert minutes.status == "circulated" and minutes.text == "1. The budget was deferred."
    assert [c.text for c in minutes.comments.all()] == ["Item 1 was deferred, not agreed."]


# --- circulating -----------------------------------------------------------------------------------------------


def test_circulating_mails_each_attendee_once_in_their_language(meeting, secretariat, kofi, awa):
    profiles.user_language_set(user=kofi, language="fr")
    write(meeting, secretariat)
    minutes = services.minutes_circulate(meeting=meeting, by=secretariat)
    assert minutes.status == "circulated" and minutes.circulated_at is not None
    messages = sent()
    assert set(messages) == {kofi.email, awa.email}  # Kofi for his organisation, Awa in person
    with translation.override("fr"):
        french = translation.gettext("Minutes for your comments: %(title)s") % {"title": meeting.title}
    assert messages[kofi.email].subject == french != messages[awa.email].subject
    assert messages[awa.email].subject == f"Minutes for your comments: {meeting.title}"
    assert f"/governance/meetings/{meeting.pk}/#minutes" in messages[awa.email].body


def test_circulating_again_after_a_correction_tells_everyone_again(meeting, secretariat, kofi, awa):
    write(meeting, secretariat)
    services.minutes_circulate(meeting=meeting, by=secretariat)
    sent()
    Notification.objects.all().delete()
    write(meeting, secretariat, text="Corrected.")
    services.minutes_circulate(meeting=meeting, by=secretariat)
    messages = sent()
    assert set(messages) == {kofi.email, awa.email}
    assert messages[awa.email].subject == f"Minutes corrected, for your comments: {meeting.title}"


def test_nothing_to_circulate_without_minutes_or_attendees(partnership, secretariat, meeting):
    with pytest.raises(ValidationError) as exc:
        services.minutes_circulate(meeting=meeting, by=secretariat)
    assert message(exc) == "This meeting has no minutes yet. Record them first."
    alone = meeting_at(partnership, secretariat, -2, title="Nobody came")
    write(alone, secretariat)
    with pytest.raises(ValidationError) as exc:
        services.minutes_circulate(meeting=alone, by=secretariat)
    assert "invite the attending organisations and persons first" in message(exc)
    assert not Notification.objects.exists()


# --- comments --------------------------------------------------------------------------------------------------


def test_attendees_comment_for_their_organisation(meeting, secretariat, kofi, awa):
    write(meeting, secretariat)
    services.minutes_circulate(meeting=meeting, by=secretariat)
    comment = services.minutes_comment(meeting=meeting, by=kofi, text="  Please add the budget figure.  ")
    assert (comment.author, comment.organisation, comment.text) == (
        kofi,
        kofi.contact.organisation,
        "Please add the budget figure.",
    )
    assert services.minutes_comment(meeting=meeting, by=awa, text="Agreed.").author_name == awa.get_full_name()


def test_a_partner_who_did_not_attend_is_refused(partnership, meeting, secretariat):
    write(meeting, secretariat)
    services.minutes_circulate(meeting=meeting, by=secretariat)
    absent = member(partnership, "yao", org_name="Absent Cooperative")
    with pytest.raises(PermissionDenied) as exc:
        services.minutes_comment(meeting=meeting, by=absent, text="Hello")
    assert str(exc.value) == "Only the attendees of this meeting can comment on its minutes, and you did not attend it."


def test_the_secretariat_and_donors_do_not_comment(meeting, secretariat, donor):
    write(meeting, secretariat)
    services.minutes_circulate(meeting=meeting, by=secretariat)
    for user in (secretariat, donor):
        with pytest.raises(PermissionDenied):
            services.minutes_comment(meeting=meeting, by=user, text="Hello")


def test_comments_only_while_circulated(meeting, secretariat, kofi):
    write(meeting, secretariat)
    with pytest.raises(ValidationError) as exc:
        services.minutes_comment(meeting=meeting, by=kofi, text="Too early")
    assert message(exc) == "These minutes are not circulated for comments."
    services.minutes_circulate(meeting=meeting, by=secretariat)
    with pytest.raises(ValidationError) as exc:
        services.minutes_comment(meeting=meeting, by=kofi, text=" ")
    assert exc.value.message_dict == {"text": ["Write your comment first."]}
    services.minutes_finalise(meeting=meeting, by=secretariat)
    with pytest.raises(ValidationError) as exc:
        services.minutes_comment(meeting=meeting, by=kofi, text="Too late")
    assert message(exc) == "These minutes are final: they take no more comments."
    assert not MinutesComment.objects.exists()


def test_comments_are_kept_as_written(meeting, secretariat, kofi):
    write(meeting, secretariat)
    services.minutes_circulate(meeting=meeting, by=secretariat)
    comment = services.minutes_comment(meeting=meeting, by=kofi, text="As said.")
    comment.text = "Changed"
    with pytest.raises(AppendOnlyError):
        comment.save()
    with pytest.raises(AppendOnlyError):
        MinutesComment.objects.all().delete()
    if connection.vendor == "postgresql":
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("UPDATE governance_minutescomment SET text = 'x'")
    assert MinutesComment.objects.get().text == "As said."


# --- final -----------------------------------------------------------------------------------------------------


def test_final_minutes_are_read_only(meeting, secretariat):
    write(meeting, secretariat)
    services.minutes_circulate(meeting=meeting, by=secretariat)
    minutes = services.minutes_finalise(meeting=meeting, by=secretariat)
    assert (minutes.status, minutes.finalised_by) == ("final", secretariat) and minutes.finalised_at
    for attempt in (
        lambda: write(meeting, secretariat, text="Changed"),
        lambda: services.minutes_circulate(meeting=meeting, by=secretariat),
        lambda: services.minutes_finalise(meeting=meeting, by=secretariat),
    ):
        with pytest.raises(ValidationError) as exc:
            attempt()
        assert message(exc) == "These minutes are final: they can no longer be changed."
    assert Minutes.objects.get(meeting=meeting).text == "1. The budget was agreed."


def test_a_draft_can_be_marked_final_without_circulating(meeting, secretariat):
    write(meeting, secretariat)
    assert services.minutes_finalise(meeting=meeting, by=secretariat).status == "final"
    assert not Notification.objects.exists()


def test_partners_do_not_circulate_or_finalise(meeting, secretariat, kofi):
    write(meeting, secretariat)
    for service in (services.minutes_circulate, services.minutes_finalise):
        with pytest.raises(PermissionDenied):
            service(meeting=meeting, by=kofi)


def test_a_stranger_is_not_an_attendee_even_with_an_account(meeting, secretariat):
    write(meeting, secretariat)
    services.minutes_circulate(meeting=meeting, by=secretariat)
    with pytest.raises(Exception) as exc:
        services.minutes_comment(meeting=meeting, by=UserFactory(), text="Hi")
    assert exc.type.__name__ == "Http404"
