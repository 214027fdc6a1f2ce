"""Bad input on the governance forms, as someone pasting or typing it: a line break in a paper's title, texts of
megabytes in an agenda, a decision, minutes, a statement; a meeting ending before it starts; an executable renamed
`.pdf`. Each is refused with the field's message, what was typed kept, nothing stored, never an error page."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from governance import services
from governance.models import Decision, Meeting, MeetingPaper, Minutes
from tests.governance.paper_files import ACCEPTED, upload

pytestmark = pytest.mark.django_db

START = timezone.localtime().replace(second=0, microsecond=0) - dt.timedelta(days=2)
HUGE = "y" * 1_000_000


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path


@pytest.fixture
def meeting(partnership, secretariat):
    return services.meeting_save(
        partnership=partnership,
        by=secretariat,
        title="Steering Committee",
        is_formal=True,
        start=START,
        end=START + dt.timedelta(hours=1),
        place="Accra",
        online_link="",
        agenda="",
    )


def _fmt(moment):
    return moment.strftime("%Y-%m-%dT%H:%M")


def refused(response, field, words):
    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors[field])
    assert words in errors, errors


def test_a_meeting_ending_before_it_starts(client, partnership, secretariat):
    client.force_login(secretariat)
    data = dict(title="SC 4", is_formal="on", start=_fmt(START), end=_fmt(START - dt.timedelta(hours=1)), place="Accra")
    response = client.post(reverse("governance:meeting_add", args=[partnership.pk]), data)
    assert response.status_code == 400 and "SC 4" in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_huge_agenda(client, partnership, secretariat):
    client.force_login(secretariat)
    data = dict(title="SC 4", is_formal="on", start=_fmt(START), end=_fmt(START + dt.timedelta(hours=1)))
    response = client.post(reverse("governance:meeting_add", args=[partnership.pk]), {**data, "agenda": HUGE})
    refused(response, "agenda", "at most 10000 characters")
    assert not Meeting.objects.exists()


def test_a_huge_decision_text(client, partnership, secretariat):
    client.force_login(secretariat)
    data = {"title": "Adopt", "method": "consensus", "text": HUGE}
    refused(client.post(reverse("governance:decision_add", args=[partnership.pk]), data), "text", "at most 20000")
    assert not Decision.objects.exists()


def test_huge_minutes(client, meeting, partnership, secretariat):
    client.force_login(secretariat)
    data = {"text": "y" * 100_001, "recorded_on": timezone.localdate().isoformat()}
    response = client.post(reverse("governance:minutes_edit", args=[partnership.pk, meeting.pk]), data)
    refused(response, "text", "at most 100000")
    assert not Minutes.objects.exists()


def test_a_huge_statement(client, partnership, secretariat, kofi):
    decision = services.decision_save(partnership=partnership, by=secretariat, title="Adopt", method="consensus")
    services.decision_open(decision=decision, by=secretariat)
    client.force_login(kofi)
    data = {"position": "object", "statement": HUGE}
    response = client.post(reverse("governance:position", args=[partnership.pk, decision.pk]), data)
    refused(response, "statement", "at most 5000")
    assert not decision.positions.exists()


def test_a_line_break_in_a_papers_title(client, meeting, partnership, secretariat):
    client.force_login(secretariat)
    data = {"title": "Budget\nBcc: someone@example.org", "file": upload("agenda.pdf", ACCEPTED["agenda.pdf"])}
    response = client.post(reverse("governance:paper_add", args=[partnership.pk, meeting.pk]), data)
    refused(response, "title", "must fit on one line")
    assert not MeetingPaper.objects.exists()


def test_the_service_refuses_it_too(meeting, secretariat):
    with pytest.raises(ValidationError) as exc:
        services.meeting_paper_upload(
            meeting=meeting, by=secretariat, title="Budget\r\nX", file=upload("agenda.pdf", ACCEPTED["agenda.pdf"])
        )
    assert "must fit on one line" in " ".join(exc.value.message_dict["title"])
    with pytest.raises(ValidationError):
        services.meeting_paper_upload(
            meeting=meeting, by=secretariat, title="x" * 201, file=upload("agenda.pdf", ACCEPTED["agenda.pdf"])
        )
    assert not MeetingPaper.objects.exists()


def test_an_executable_renamed_pdf(client, meeting, partnership, secretariat):
    client.force_login(secretariat)
    data = {"title": "Budget", "file": upload("budget.pdf", b"MZ\x90\x00" + b"\x00" * 200)}
    response = client.post(reverse("governance:paper_add", args=[partnership.pk, meeting.pk]), data)
    refused(response, "file", "“budget.pdf” is not a PDF file inside: it may be damaged or renamed.")
    assert 'value="Budget"' in response.content.decode()
    assert not MeetingPaper.objects.exists()
