"""What a meeting paper may be: documents only (PDF, Word, Excel, PowerPoint, OpenDocument, text, CSV), recognised
by name and by content, under the size limit of the settings. Each refusal says why."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from governance import services
from governance.demo import evidence_pdf
from governance.models import MeetingPaper
from tests.governance.paper_files import ACCEPTED, OLE, _zip, ooxml, upload

START = timezone.now() + dt.timedelta(days=5)


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path


@pytest.fixture
def meeting(partnership, secretariat):
    return services.meeting_save(
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


def refusal(meeting, secretariat, name, content):
    with pytest.raises(ValidationError) as caught:
        services.meeting_paper_upload(meeting=meeting, by=secretariat, title="Paper", file=upload(name, content))
    assert not MeetingPaper.objects.exists()
    return " ".join(caught.value.message_dict["file"])


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_each_document_type_is_accepted(meeting, secretariat, name):
    paper = services.meeting_paper_upload(
        meeting=meeting, by=secretariat, title="Paper", file=upload(name, ACCEPTED[name])
    )
    assert paper.original_filename == name and paper.size == len(ACCEPTED[name])
    assert paper.file.read() == ACCEPTED[name] and paper.shared_at is None


@pytest.mark.parametrize("name", ["run.exe", "page.html", "photo.png", "script.js", "archive.zip", "no-extension"])
def test_other_types_are_refused_by_name(meeting, secretariat, name):
    assert "Only documents can be uploaded" in refusal(meeting, secretariat, name, evidence_pdf("looks like a pdf"))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("agenda.pdf", b"MZ\x90\x00 a program renamed"),
        ("notes.doc", evidence_pdf("a pdf renamed")),
        ("report.docx", b"PK\x03\x04 not really a zip"),
        ("report.docx", _zip({"content.xml": "<x/>"})),  # a zip, but no Office parts
        ("report.docx", ooxml("xl/")),  # a workbook renamed .docx
        ("report.odt", _zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"})),
        ("budget.xlsx", OLE),
        ("notes.txt", b"\x7fELF\x00\x00 binary"),
    ],
)
def test_a_content_that_does_not_match_the_name_is_refused(meeting, secretariat, name, content):
    message = refusal(meeting, secretariat, name, content)
    assert f"“{name}” is not a {name.rsplit('.', 1)[1].upper()} file inside" in message


def test_a_file_over_the_limit_of_the_settings_is_refused(meeting, secretariat, settings):
    settings.MEETING_PAPER_MAX_MB = 1
    big = b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024)
    assert refusal(meeting, secretariat, "big.pdf", big) == "The file is 2 MB; the limit is 1 MB."


def test_a_paper_needs_a_title_and_a_file(meeting, secretariat):
    with pytest.raises(ValidationError) as caught:
        services.meeting_paper_upload(meeting=meeting, by=secretariat, title=" ", file=None)
    assert caught.value.message_dict == {
        "title": ["Give the paper a title."],
        "file": ["Choose the file of the paper."],
    }


def test_a_cancelled_meeting_takes_no_papers(meeting, secretariat):
    services.meeting_cancel(meeting=meeting, by=secretariat)
    with pytest.raises(ValidationError, match="papers can no longer be added"):
        services.meeting_paper_upload(
            meeting=meeting, by=secretariat, title="Late", file=upload("a.pdf", ACCEPTED["agenda.pdf"])
        )


def test_partners_cannot_upload(meeting, partner):
    with pytest.raises(PermissionDenied):
        services.meeting_paper_upload(
            meeting=meeting, by=partner, title="Mine", file=upload("a.pdf", ACCEPTED["agenda.pdf"])
        )
