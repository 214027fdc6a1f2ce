"""Uploads are checked by their content, not their name (msp.uploads): a web page named .pdf, an image named
.pdf, a program named .xlsx are refused wherever a file is taken; a file over the limit of the settings is
refused; what is kept is stored under a name the app makes, and served with a safe type and a download name."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from governance import services
from governance.demo import evidence_pdf
from governance.services import parties
from msp import uploads
from tests.governance.factories import mou_draft
from tests.upload_files import jpeg, png

HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>"
# Starts like a PDF, is a web page: a first-line check alone would take it.
HTML_BEHIND_A_PDF_HEADER = b"%PDF-1.4\n" + HTML


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path


def _file(name, content):
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    ("name", "content", "accepted"),
    [
        ("scan.pdf", evidence_pdf("signed"), True),
        ("scan.pdf", HTML, False),
        ("scan.pdf", HTML_BEHIND_A_PDF_HEADER, False),
        ("scan.pdf", png(), False),
        ("photo.png", png(), True),
        ("photo.png", jpeg(), False),
        ("photo.jpg", jpeg(), True),
        ("photo.jpeg", b"\xff\xd8\xff\xe0 not really a jpeg", False),
        ("rates.csv", b"date,base,quote,rate\n2026-01-01,EUR,USD,1.08\n", True),
        ("rates.csv", "Zürich;Köln\n".encode("cp1252"), True),
        ("rates.csv", b"\x7fELF\x02\x01\x01\x00\x00\x00", False),
        ("rates.xlsx", b"PK\x03\x04 not a workbook", False),
        ("page.html", HTML, False),
    ],
)
def test_the_content_must_be_what_the_name_says(name, content, accepted):
    assert uploads.content_matches(_file(name, content), uploads.extension(name)) is accepted


def test_a_checked_file_is_left_at_its_start():
    upload = _file("scan.pdf", evidence_pdf("signed"))
    uploads.content_matches(upload, ".pdf")
    assert upload.read(5) == b"%PDF-"


@pytest.mark.django_db
@pytest.mark.parametrize("content", [HTML, HTML_BEHIND_A_PDF_HEADER, png()])
def test_a_signed_copy_that_is_not_a_pdf_is_refused(partnership, secretariat, content):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    with pytest.raises(ValidationError, match="not a PDF"):
        services.mou_scan_upload(version=version, by=secretariat, file=ContentFile(content, name="scan.pdf"))
    version.refresh_from_db()
    assert not version.signed_scan


@pytest.mark.django_db
def test_a_signed_copy_over_the_limit_is_refused_and_a_good_one_gets_a_made_up_name(partnership, secretariat, settings):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    settings.UPLOAD_MAX_MB = 1
    huge = evidence_pdf("signed") + b"%" + b"0" * (1024 * 1024)
    with pytest.raises(ValidationError, match="the limit is 1 MB"):
        services.mou_scan_upload(version=version, by=secretariat, file=ContentFile(huge, name="scan.pdf"))
    evil_name = "../../<script>alert(1)<script>.pdf"
    services.mou_scan_upload(version=version, by=secretariat, file=ContentFile(evidence_pdf("ok"), name=evil_name))
    version.refresh_from_db()
    assert version.signed_scan.name.startswith(f"mou-scans/p{partnership.pk}-mou-v{version.number}")
    assert "script" not in version.signed_scan.name and ".." not in version.signed_scan.name


@pytest.mark.parametrize(
    ("name", "content"),
    [("letter.pdf", HTML), ("letter.pdf", png()), ("photo.png", evidence_pdf("x")), ("letter.html", HTML)],
)
def test_evidence_must_be_a_pdf_or_an_image_by_its_content(name, content):
    with pytest.raises(ValidationError, match="must be a PDF or an image"):
        parties.check_evidence(ContentFile(content, name=name))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rates.csv", b"\x00\x01\x02binary", "“rates.csv” is not a CSV file inside"),
        ("rates.xlsx", HTML, "“rates.xlsx” is not a XLSX file inside"),
        ("rates.pdf", evidence_pdf("x"), "Upload a .csv or .xlsx file."),
    ],
)
def test_a_spreadsheet_is_checked_by_its_content(name, content, message):
    with pytest.raises(ValidationError, match=message):
        uploads.check_spreadsheet(_file(name, content))


def test_a_spreadsheet_over_the_limit_of_the_settings_is_refused(settings):
    settings.IMPORT_MAX_MB = 1
    big = b"date,base,quote,rate\n" + b"2026-01-01,EUR,USD,1.08\n" * 50_000
    with pytest.raises(ValidationError, match="larger than 1 MB"):
        uploads.check_spreadsheet(_file("rates.csv", big))


def test_stored_files_are_served_with_a_safe_type():
    assert uploads.content_type("p1-mou-v2-signature.pdf") == "application/pdf"
    assert uploads.content_type("p1-decision-3-position.jpeg") == "image/jpeg"
    assert uploads.content_type("anything.html") == "application/octet-stream"


@pytest.mark.django_db
def test_evidence_is_served_with_its_type_nosniff_and_a_download_name(client, partnership, secretariat):
    from governance.models import MouApproval
    from tests.factories import ContactFactory, MembershipFactory, OrganisationFactory

    organisation = OrganisationFactory(name="Paper Cooperative")
    MembershipFactory(partnership=partnership, organisation=organisation)
    ContactFactory(organisation=organisation, name="Yao Kouassi", may_sign=True)
    version = services.mou_send_for_review(version=mou_draft(partnership, secretariat), by=secretariat)
    client.force_login(secretariat)
    client.post(
        reverse("governance:approve_on_record", args=[partnership.pk, "mou", version.number]),
        {
            "organisation": organisation.pk,
            "name": "Yao Kouassi",
            "method": "paper",
            "given_on": timezone.localdate(),
            "evidence": SimpleUploadedFile("<img src=x onerror=alert(1)>.png", png()),
        },
    )
    approval = MouApproval.objects.get(organisation=organisation)
    assert approval.evidence.name.rsplit("/", 1)[-1].startswith(f"p{partnership.pk}-mou-approval")
    response = client.get(reverse("governance:evidence", args=[partnership.pk, "mou-approval", approval.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith('inline; filename="p')
    assert b"".join(response.streaming_content) == png()
