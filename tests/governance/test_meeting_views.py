"""The Governance tab's meetings as each role sees them: lists with empty states, a meeting's page, the forms."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from governance import services
from governance.models import Meeting
from msp.models import Notification

START = (timezone.localtime() + dt.timedelta(days=5)).replace(hour=9, minute=0, second=0, microsecond=0)


def url(name, partnership, *args):
    return reverse(f"governance:{name}", args=[partnership.pk, *args])


@pytest.fixture
def meeting(partnership, secretariat):
    return services.meeting_save(
        partnership=partnership,
        by=secretariat,
        title="Steering Committee 2",
        is_formal=True,
        start=START,
        end=START + dt.timedelta(hours=2),
        place="Accra",
        online_link="",
        agenda="1. Budget",
    )


def test_the_empty_list_tells_the_secretariat_what_to_do(client, partnership, secretariat):
    client.force_login(secretariat)
    page = client.get(url("meetings", partnership)).content.decode()
    assert "No upcoming meetings." in page and url("meeting_add", partnership) in page
    assert "No past meetings." in page


def test_partners_see_the_meeting_and_donors_do_not(client, partnership, kofi, donor, meeting):
    client.force_login(kofi)
    page = client.get(url("meeting", partnership, meeting.pk)).content.decode()
    assert "Steering Committee 2" in page and "1. Budget" in page
    assert url("meeting_edit", partnership, meeting.pk) not in page
    assert "Steering Committee 2" in client.get(url("meetings", partnership)).content.decode()
    client.force_login(donor)
    assert client.get(url("meetings", partnership)).status_code == 403
    assert client.get(url("meeting", partnership, meeting.pk)).status_code == 403
    assert url("meetings", partnership) not in client.get(url("bodies", partnership)).content.decode()


def test_past_meetings_are_listed_apart(client, partnership, secretariat, meeting):
    earlier = START - dt.timedelta(days=60)
    services.meeting_save(
        partnership=partnership,
        by=secretariat,
        title="Kick-off",
        is_formal=False,
        start=earlier,
        end=earlier + dt.timedelta(hours=1),
        place="",
        online_link="https://meet.example/kick-off",
        agenda="",
    )
    client.force_login(secretariat)
    response = client.get(url("meetings", partnership))
    assert [m.title for m in response.context["upcoming"]] == ["Steering Committee 2"]
    assert [m.title for m in response.context["past"]] == ["Kick-off"]


def test_the_secretariat_adds_a_meeting(client, partnership, secretariat):
    client.force_login(secretariat)
    response = client.post(
        url("meeting_add", partnership),
        {
            "title": "Assembly",
            "is_formal": "on",
            "start": START.strftime("%Y-%m-%dT%H:%M"),
            "end": (START + dt.timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
            "place": "Abidjan",
        },
    )
    meeting = Meeting.objects.get(title="Assembly")
    assert response.status_code == 302 and response.url == url("meeting", partnership, meeting.pk)
    assert meeting.start == START


def test_a_refused_meeting_comes_back_with_the_reason(client, partnership, secretariat):
    client.force_login(secretariat)
    response = client.post(
        url("meeting_add", partnership),
        {"title": "Nowhere", "start": START.strftime("%Y-%m-%dT%H:%M"), "end": START.strftime("%Y-%m-%dT%H:%M")},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "A meeting must end after it starts." in page and "Nowhere" in page


def test_inviting_through_the_page_writes_the_invitations(client, partnership, secretariat, kofi, meeting):
    client.force_login(secretariat)
    response = client.post(
        url("meeting_invite", partnership, meeting.pk),
        {"organisations": [kofi.contact.organisation.pk], "users": [kofi.pk]},
    )
    assert response.status_code == 302
    assert list(meeting.attendees.all()) == [kofi]
    [row] = Notification.objects.filter(recipient=kofi)
    assert row.attachments.get().filename == "invitation.ics"
    page = client.get(url("meeting", partnership, meeting.pk)).content.decode()
    assert kofi.contact.organisation.name in page


def test_cancelling_through_the_page(client, partnership, secretariat, meeting):
    client.force_login(secretariat)
    response = client.post(url("meeting_cancel", partnership, meeting.pk))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.is_cancelled
    page = client.get(url("meeting", partnership, meeting.pk)).content.decode()
    assert url("meeting_edit", partnership, meeting.pk) not in page
    assert client.post(url("meeting_cancel", partnership, meeting.pk)).status_code == 302  # refused in words
