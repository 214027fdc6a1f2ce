"""Sharing a paper with the members: once (the moment is kept, sharing again changes nothing), with one e-mail to
each invited person in their language; removing a paper only while it is not shared."""

import datetime as dt
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from governance import services
from governance.models import MeetingPaper
from msp import profiles
from msp.models import Notification, PartnershipRole
from tests.governance.paper_files import ACCEPTED, upload

START = timezone.now() + dt.timedelta(days=5)


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path


@pytest.fixture
def meeting(partnership, secretariat, members):
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
    services.meeting_invite(meeting=meeting, by=secretariat, users=members)
    Notification.objects.all().delete()  # the invitations
    return meeting


def draft(meeting, secretariat, title="Budget 2027"):
    return services.meeting_paper_upload(
        meeting=meeting, by=secretariat, title=title, file=upload("budget.pdf", ACCEPTED["agenda.pdf"])
    )


def test_uploading_shares_nothing_and_tells_nobody(meeting, secretariat):
    paper = draft(meeting, secretariat)
    assert paper.shared_at is None and not Notification.objects.exists()


def test_sharing_keeps_the_moment_and_tells_each_invited_person_once(meeting, secretariat, kofi, awa):
    paper = draft(meeting, secretariat)
    before = timezone.now()
    shared = services.meeting_paper_share(paper=paper, by=secretariat)
    assert before <= shared.shared_at <= timezone.now()
    rows = Notification.objects.all()
    assert sorted(row.email for row in rows) == sorted([kofi.email, awa.email])
    assert all(row.subject == "Paper for Steering Committee: Budget 2027" for row in rows)
    assert all(row.link.endswith(f"/governance/meetings/{meeting.pk}/") for row in rows)
    again = services.meeting_paper_share(paper=paper, by=secretariat)
    assert again.shared_at == shared.shared_at and Notification.objects.count() == 2


def test_the_mail_is_in_the_reader_s_language(meeting, secretariat, kofi):
    profiles.user_language_set(user=kofi, language="fr")
    services.meeting_paper_share(paper=draft(meeting, secretariat), by=secretariat)
    row = Notification.objects.get(email=kofi.email)
    assert row.language == "fr" and row.subject.startswith("Document pour Steering Committee")


def test_an_invited_person_who_lost_their_role_is_not_told(meeting, secretariat, kofi, awa):
    PartnershipRole.objects.filter(user=awa).delete()
    services.meeting_paper_share(paper=draft(meeting, secretariat), by=secretariat)
    assert [row.email for row in Notification.objects.all()] == [kofi.email]


def test_a_paper_can_be_uploaded_already_shared(meeting, secretariat, kofi, awa):
    paper = services.meeting_paper_upload(
        meeting=meeting, by=secretariat, title="Agenda", file=upload("a.pdf", ACCEPTED["agenda.pdf"]), share=True
    )
    assert paper.shared_at is not None and Notification.objects.count() == 2


def test_partners_cannot_share_or_remove(meeting, secretariat, kofi):
    paper = draft(meeting, secretariat)
    with pytest.raises(PermissionDenied):
        services.meeting_paper_share(paper=paper, by=kofi)
    with pytest.raises(PermissionDenied):
        services.meeting_paper_remove(paper=paper, by=kofi)
    paper.refresh_from_db()
    assert paper.shared_at is None


def test_a_paper_not_shared_is_removed_with_its_file(
    meeting, secretariat, settings, django_capture_on_commit_callbacks
):
    paper = draft(meeting, secretariat)
    path = Path(settings.PRIVATE_MEDIA_ROOT) / paper.file.name
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_paper_remove(paper=paper, by=secretariat)
    assert not MeetingPaper.objects.exists() and not path.exists()


def test_a_shared_paper_stays(meeting, secretariat):
    paper = services.meeting_paper_share(paper=draft(meeting, secretariat), by=secretariat)
    with pytest.raises(ValidationError, match="has been shared with the members: it stays on record"):
        services.meeting_paper_remove(paper=paper, by=secretariat)
    assert MeetingPaper.objects.filter(pk=paper.pk).exists()
