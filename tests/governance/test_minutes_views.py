"""The Minutes section of a meeting's page and its forms and buttons, as each role sees them."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from governance import services
from governance.models import Minutes, MinutesComment
from tests.governance.factories import member

TODAY = timezone.localdate()


def url(name, meeting):
    return reverse(f"governance:{name}", args=[meeting.partnership_id, meeting.pk])


def meeting_at(partnership, by, days, title="Steering Committee 3"):
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=days)
    return services.meeting_save(
        partnership=partnership,
        by=by,
        title=title,
        is_formal=True,
        start=start,
        end=start + dt.timedelta(hours=2),
        place="Accra",
        online_link="",
        agenda="1. Budget",
    )


@pytest.fixture
def meeting(partnership, secretariat, kofi):
    meeting = meeting_at(partnership, secretariat, -3)
    services.meeting_invite(meeting=meeting, by=secretariat, organisations=[kofi.contact.organisation])
    return meeting


def write(meeting, by, text="1. The <b>budget</b> was agreed.\n2. Next meeting in May."):
    return services.minutes_save(meeting=meeting, by=by, text=text, recorded_on=TODAY)


def page(client, user, meeting):
    client.force_login(user)
    response = client.get(url("meeting", meeting))
    assert response.status_code == 200
    return response.content.decode()


def test_the_empty_state_offers_the_secretariat_to_record_them(client, secretariat, meeting):
    html = page(client, secretariat, meeting)
    assert "No minutes yet." in html and "Record them after the meeting" in html
    assert url("minutes_edit", meeting) in html


def test_before_the_meeting_there_is_nothing_to_record(client, partnership, secretariat):
    upcoming = meeting_at(partnership, secretariat, 4, title="Soon")
    html = page(client, secretariat, upcoming)
    assert "this meeting has not started yet" in html and url("minutes_edit", upcoming) not in html
    response = client.get(url("minutes_edit", upcoming), follow=True)
    assert "record its minutes once it has taken place" in response.content.decode()
    assert not Minutes.objects.exists()


def test_the_secretariat_records_the_minutes_and_sees_the_draft(client, secretariat, kofi, meeting):
    client.force_login(secretariat)
    response = client.post(url("minutes_edit", meeting), {"recorded_on": TODAY.isoformat(), "text": "1. Agreed."})
    assert response.status_code == 302 and response.url.endswith("#minutes")
    html = client.get(response.url).content.decode()
    assert "saved as a draft" in html and "1. Agreed." in html and "Draft" in html
    assert url("minutes_circulate", meeting) in html and url("minutes_finalise", meeting) in html
    assert "data-confirm" in html
    assert "1. Agreed." not in page(client, kofi, meeting)  # a draft is the secretariat's


def test_bad_input_keeps_what_was_typed(client, secretariat, meeting):
    client.force_login(secretariat)
    future = (TODAY + dt.timedelta(days=2)).isoformat()
    response = client.post(url("minutes_edit", meeting), {"recorded_on": future, "text": "Kept text"})
    html = response.content.decode()
    assert response.status_code == 400 and "cannot be in the future" in html and "Kept text" in html


def test_text_is_escaped_with_its_line_breaks(client, secretariat, kofi, meeting):
    write(meeting, secretariat)
    services.minutes_circulate(meeting=meeting, by=secretariat)
    html = page(client, kofi, meeting)
    assert "The &lt;b&gt;budget&lt;/b&gt; was agreed.<br>2. Next meeting" in html
    assert "Circulated for comments" in html


def test_an_attending_partner_comments_on_circulated_minutes(client, secretariat, kofi, meeting):
    write(meeting, secretariat)
    services.minutes_circulate(meeting=meeting, by=secretariat)
    html = page(client, kofi, meeting)
    assert url("minutes_comment", meeting) in html and url("minutes_circulate", meeting) not in html
    response = client.post(url("minutes_comment", meeting), {"text": "Item 2: June, not May."}, follow=True)
    html = response.content.decode()
    assert "Your comment is added to the minutes." in html
    assert "Item 2: June, not May." in html and "Ghana Cocoa Board" in html


def test_a_partner_who_did_not_attend_is_told_why(client, partnership, secretariat, meeting):
    write(meeting, secretariat)
    services.minutes_circulate(meeting=meeting, by=secretariat)
    absent = member(partnership, "yao", org_name="Absent Cooperative")
    assert url("minutes_comment", meeting) not in page(client, absent, meeting)
    response = client.post(url("minutes_comment", meeting), {"text": "My view"})
    html = response.content.decode()
    assert response.status_code == 400 and "you did not attend it" in html and "My view" in html
    assert not MinutesComment.objects.exists()


def test_an_empty_comment_is_refused_on_the_form(client, secretariat, kofi, meeting):
    write(meeting, secretariat)
    services.minutes_circulate(meeting=meeting, by=secretariat)
    client.force_login(kofi)
    response = client.post(url("minutes_comment", meeting), {"text": ""})
    assert response.status_code == 400 and "This field is required." in response.content.decode()


def test_circulating_and_marking_final_from_the_page(client, secretariat, kofi, meeting):
    write(meeting, secretariat)
    client.force_login(secretariat)
    html = client.post(url("minutes_circulate", meeting), follow=True).content.decode()
    assert "each attendee gets an e-mail" in html and "Circulate again" in html
    html = client.post(url("minutes_finalise", meeting), follow=True).content.decode()
    assert "The minutes are final." in html and url("minutes_edit", meeting) not in html
    html = client.post(url("minutes_finalise", meeting), follow=True).content.decode()
    assert "they can no longer be changed" in html
    response = client.get(url("minutes_edit", meeting), follow=True)
    assert "they can no longer be changed" in response.content.decode()
    assert url("minutes_comment", meeting) not in page(client, kofi, meeting)


def test_commenting_is_refused_when_not_circulated(client, secretariat, kofi, meeting):
    write(meeting, secretariat)
    client.force_login(kofi)
    response = client.get(url("minutes_comment", meeting), follow=True)
    assert "not circulated for comments" in response.content.decode()


def test_a_cancelled_meeting_says_it_has_no_minutes(client, secretariat, meeting):
    services.meeting_cancel(meeting=meeting, by=secretariat)
    html = page(client, secretariat, meeting)
    assert "This meeting is cancelled: it has no minutes." in html and url("minutes_edit", meeting) not in html


def test_the_meeting_list_shows_the_state_of_the_minutes(client, partnership, secretariat, kofi, meeting):
    write(meeting, secretariat)
    list_url = reverse("governance:meetings", args=[partnership.pk])
    client.force_login(secretariat)
    assert "Minutes draft" in client.get(list_url).content.decode()
    client.force_login(kofi)
    assert "Minutes draft" not in client.get(list_url).content.decode()
    services.minutes_finalise(meeting=meeting, by=secretariat)
    assert "Minutes final" in client.get(list_url).content.decode()


def test_actions_answer_405_to_get(client, secretariat, meeting):
    client.force_login(secretariat)
    assert client.get(url("minutes_circulate", meeting)).status_code == 405
    assert client.get(url("minutes_finalise", meeting)).status_code == 405
