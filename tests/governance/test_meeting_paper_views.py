"""Meeting papers on the meeting page, as each role sees them: the table, the empty states, the upload form (bad
input comes back with what was typed, a big file with the limit, never a 500), sharing, removing, downloading."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from governance import services
from governance.models import MeetingPaper
from msp.models import Notification
from tests.governance.paper_files import ACCEPTED, upload

START = timezone.now() + dt.timedelta(days=5)


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path


@pytest.fixture
def meeting(partnership, secretariat, kofi):
    meeting = services.meeting_save(
        partnership=partnership,
        by=secretariat,
        title="Steering Committee",
        is_formal=False,
        start=START,
        end=START + dt.timedelta(hours=2),
        place="Accra",
        online_link="",
        agenda="",
    )
    services.meeting_invite(meeting=meeting, by=secretariat, users=[kofi])
    return meeting


def url(name, meeting, *args):
    return reverse(f"governance:{name}", args=[meeting.partnership_id, meeting.pk, *args])


def add(meeting, secretariat, title, name="agenda.pdf", share=False):
    return services.meeting_paper_upload(
        meeting=meeting, by=secretariat, title=title, file=upload(name, ACCEPTED[name]), share=share
    )


def test_the_secretariat_sees_what_to_do_with_no_papers(client, meeting, secretariat):
    client.force_login(secretariat)
    page = client.get(url("meeting", meeting)).content.decode()
    assert "No papers yet." in page and url("paper_add", meeting) in page
    assert 'enctype="multipart/form-data"' in page


def test_partners_see_only_shared_papers_and_no_upload_form(client, meeting, secretariat, kofi):
    add(meeting, secretariat, "Agenda", share=True)
    add(meeting, secretariat, "Draft budget")
    client.force_login(kofi)
    response = client.get(url("meeting", meeting))
    assert [p.title for p in response.context["papers"]] == ["Agenda"]
    page = response.content.decode()
    assert "Draft budget" not in page and url("paper_add", meeting) not in page
    client.force_login(secretariat)
    page = client.get(url("meeting", meeting)).content.decode()
    assert "Agenda" in page and "Draft budget" in page and "Not shared yet" in page


def test_partners_are_told_when_nothing_is_shared_yet(client, meeting, secretariat, kofi):
    add(meeting, secretariat, "Draft budget")
    client.force_login(kofi)
    assert "No papers shared yet." in client.get(url("meeting", meeting)).content.decode()


def test_the_meeting_list_counts_the_papers_each_role_may_see(client, meeting, secretariat, kofi):
    add(meeting, secretariat, "Agenda", share=True)
    add(meeting, secretariat, "Draft budget")
    list_url = reverse("governance:meetings", args=[meeting.partnership_id])
    for user, count in ((secretariat, 2), (kofi, 1)):
        client.force_login(user)
        (row,) = client.get(list_url).context["upcoming"]
        assert row.paper_count == count


def test_the_secretariat_uploads_and_shares_in_one_go(client, meeting, secretariat, kofi):
    client.force_login(secretariat)
    data = {"title": "Work plan", "file": upload("plan.docx", ACCEPTED["report.docx"]), "share_now": "on"}
    response = client.post(url("paper_add", meeting), data, follow=True)
    assert "“Work plan” is added and shared with the members." in response.content.decode()
    paper = MeetingPaper.objects.get()
    assert paper.shared_at is not None and paper.original_filename == "plan.docx"
    assert Notification.objects.filter(email=kofi.email, subject__startswith="Paper for").count() == 1


def test_a_refused_file_comes_back_with_the_message_and_the_title(client, meeting, secretariat):
    client.force_login(secretariat)
    data = {"title": "My typed title", "file": upload("tool.exe", b"MZ\x90\x00")}
    response = client.post(url("paper_add", meeting), data)
    page = response.content.decode()
    assert response.status_code == 400 and "Only documents can be uploaded" in page
    assert 'value="My typed title"' in page and not MeetingPaper.objects.exists()


def test_a_25_mb_file_answers_with_the_limit_not_an_error(client, meeting, secretariat):
    client.force_login(secretariat)
    big = SimpleUploadedFile("minutes.pdf", b"%PDF-1.4\n" + b"0" * (25 * 1024 * 1024))
    response = client.post(url("paper_add", meeting), {"title": "Big", "file": big})
    page = response.content.decode()
    assert response.status_code == 400 and "The file is 25 MB; the limit is 20 MB." in page
    assert 'value="Big"' in page and not MeetingPaper.objects.exists()


def test_sharing_from_the_page(client, meeting, secretariat):
    paper = add(meeting, secretariat, "Agenda")
    client.force_login(secretariat)
    response = client.post(url("paper_share", meeting, paper.pk), follow=True)
    assert "“Agenda” is shared with the members" in response.content.decode()
    paper.refresh_from_db()
    assert paper.shared_at is not None


def test_removing_a_shared_paper_is_refused_with_the_reason(client, meeting, secretariat):
    paper = add(meeting, secretariat, "Agenda", share=True)
    client.force_login(secretariat)
    response = client.post(url("paper_remove", meeting, paper.pk), follow=True)
    assert "has been shared with the members: it stays on record" in response.content.decode()
    assert MeetingPaper.objects.filter(pk=paper.pk).exists()


def test_removing_a_draft(client, meeting, secretariat):
    paper = add(meeting, secretariat, "Draft")
    client.force_login(secretariat)
    page = client.get(url("meeting", meeting)).content.decode()
    assert url("paper_remove", meeting, paper.pk) in page and "data-confirm" in page
    response = client.post(url("paper_remove", meeting, paper.pk), follow=True)
    assert "“Draft” is removed." in response.content.decode() and not MeetingPaper.objects.exists()


def test_a_partner_downloads_a_shared_paper_as_an_attachment(client, meeting, secretariat, kofi):
    paper = add(meeting, secretariat, "Agenda", name="slides.pptx", share=True)
    client.force_login(kofi)
    response = client.get(url("paper_download", meeting, paper.pk))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == ACCEPTED["slides.pptx"]
    assert response["Content-Disposition"] == 'attachment; filename="slides.pptx"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.presentationml")


def test_the_original_name_is_made_safe_for_the_header(client, meeting, secretariat):
    paper = services.meeting_paper_upload(
        meeting=meeting,
        by=secretariat,
        title="Odd",
        file=upload('Réunion "1"\r\nX-Evil: 1.pdf', ACCEPTED["agenda.pdf"]),
    )
    client.force_login(secretariat)
    disposition = client.get(url("paper_download", meeting, paper.pk))["Content-Disposition"]
    assert disposition.startswith("attachment; filename*=utf-8''") and "\n" not in disposition
    assert '"' not in disposition.split("''", 1)[1]


def test_a_partner_gets_not_found_for_a_paper_not_shared_and_a_donor_no_meeting_at_all(
    client, meeting, secretariat, kofi, donor
):
    paper = add(meeting, secretariat, "Draft")
    client.force_login(kofi)
    assert client.get(url("paper_download", meeting, paper.pk)).status_code == 404
    services.meeting_paper_share(paper=paper, by=secretariat)
    assert client.get(url("paper_download", meeting, paper.pk)).status_code == 200
    client.force_login(donor)
    assert client.get(url("paper_download", meeting, paper.pk)).status_code == 403


def test_papers_are_never_under_the_media_root(meeting, secretariat, settings):
    paper = add(meeting, secretariat, "Agenda")
    assert paper.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not paper.file.path.startswith(str(settings.MEDIA_ROOT))
