"""The reports pages as the secretariat uses them: ask for a version, watch it queued, being made and made (the
status block polls itself while pending), retry a failure, release a donor report, publish and unpublish a public
one; and what bad input answers."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from monitoring.models import Report, ReportKind, ReportStatus
from msp.documents import StoredDocument

from .report_rows import START, report_row

pytestmark = pytest.mark.django_db


def _url(name, report):
    return reverse(f"monitoring:{name}", args=[report.partnership_id, report.pk])


def _list(partnership):
    return reverse("monitoring:reports", args=[partnership.pk])


ASK = {"kind": "donor", "period_start": "2026-01-01", "period_end": "2026-03-31", "language": "fr"}


def test_the_form_offers_the_last_full_quarter_and_the_working_language(client, partnership, secretariat):
    partnership.language = "de"
    partnership.save()
    client.force_login(secretariat)
    response = client.get(_list(partnership))
    form = response.context["form"]
    start, end = form.initial["period_start"], form.initial["period_end"]
    assert start.day == 1 and start.month in (1, 4, 7, 10) and (end - start).days in range(89, 93)
    assert form.initial["language"] == "de"
    assert "No report yet" in response.content.decode()


def test_asking_queues_a_version_and_shows_its_page(client, partnership, secretariat):
    client.force_login(secretariat)
    response = client.post(_list(partnership), ASK)  # its task is queued after commit: not run here
    report = Report.objects.get(partnership=partnership)
    assert response.status_code == 302 and response["Location"] == _url("report", report)
    assert (report.kind, report.language, report.period_start, report.requested_by) == (
        "donor",
        "fr",
        START,
        secretariat,
    )
    page = client.get(response["Location"]).content.decode()
    assert "Queued." in page and "is asked for" in page
    assert 'data-hx-trigger="every 2s"' in page and _url("report_status", report) in page
    assert "Refresh" in page  # without JavaScript


def test_asked_report_is_made_in_the_background_and_offered(
    client, partnership, secretariat, django_capture_on_commit_callbacks
):
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):  # tasks run eagerly in tests
        response = client.post(_list(partnership), {**ASK, "language": "en"})
    report = Report.objects.get(partnership=partnership)
    assert report.status == ReportStatus.DONE
    status = client.get(_url("report_status", report)).content.decode()
    assert "Made." in status and "data-hx-trigger" not in status  # the polling ends
    assert _url("report_download", report) in status and report.sha256 in status
    pdf = client.get(_url("report_download", report))
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert "Release to donors and partners" in client.get(response["Location"]).content.decode()


def test_the_status_names_the_section_being_made(client, partnership, secretariat):
    report = report_row(partnership, secretariat, status=ReportStatus.RUNNING, progress="finances")
    client.force_login(secretariat)
    status = client.get(_url("report_status", report)).content.decode()
    assert "Being made." in status and "Now: Finances." in status and "Section 5 of 12" in status
    assert 'data-hx-trigger="every 2s"' in status


def test_the_public_reports_status_names_its_own_steps(client, partnership, secretariat):
    report = report_row(
        partnership, secretariat, kind=ReportKind.PUBLIC, status=ReportStatus.RUNNING, progress="results"
    )
    client.force_login(secretariat)
    status = client.get(_url("report_status", report)).content.decode()
    assert "Now: What changed." in status and "Section 4 of 6" in status


def test_an_unknown_progress_key_falls_back(client, partnership, secretariat):
    report = report_row(partnership, secretariat, status=ReportStatus.RUNNING, progress="something-else")
    client.force_login(secretariat)
    status = client.get(_url("report_status", report)).content.decode()
    assert "Being made." in status and "Collecting the data." in status and "Section" not in status


def test_a_failure_says_why_and_offers_a_retry(client, partnership, secretariat, superuser):
    report = report_row(partnership, secretariat, status=ReportStatus.FAILED, error="PdfUnavailable: no pango")
    client.force_login(secretariat)
    page = client.get(_url("report", report)).content.decode()
    assert "The report could not be made." in page and "PDF libraries are missing" in page
    assert _url("report_retry", report) in page
    assert _url("report_status", report) not in page  # a failed report is not polled
    assert "no pango" not in page  # the technical error is for administrators
    client.force_login(superuser)
    assert "no pango" in client.get(_url("report", report)).content.decode()


def test_a_retry_makes_the_same_version_with_one_file(
    client, partnership, secretariat, django_capture_on_commit_callbacks
):
    report = report_row(partnership, secretariat, status=ReportStatus.FAILED, error="ZeroDivisionError: boom")
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(_url("report_retry", report))
    report.refresh_from_db()
    assert response.status_code == 302 and report.status == ReportStatus.QUEUED
    assert "is queued again" in client.get(response["Location"]).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url("report_retry", report))
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE and Report.objects.count() == 1
    assert StoredDocument.objects.filter(subject_id=report.pk).count() == 1
    # Made: a retry is refused and nothing changes.
    response = client.post(_url("report_retry", report), follow=True)
    assert "already made" in response.content.decode()
    assert StoredDocument.objects.filter(subject_id=report.pk).count() == 1


def test_releasing_emails_donors_and_partners_who_then_download(
    client, partnership, secretariat, donor, partner, django_capture_on_commit_callbacks
):
    report = report_row(partnership, secretariat)
    client.force_login(donor)
    assert client.get(_url("report_download", report)).status_code == 404
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("report_release", report), follow=True)
    assert "is released" in response.content.decode()
    assert "Released to the partnership" in response.content.decode()
    addressees = sorted(address for message in mail.outbox for address in message.to)
    assert addressees == sorted([donor.email, partner.email])
    assert "Donor report released" in mail.outbox[0].subject
    client.force_login(donor)
    download = client.get(_url("report_download", report))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")


def test_the_download_is_a_private_pdf_attachment(client, partnership, secretariat):
    report = report_row(partnership, secretariat)
    client.force_login(secretariat)
    response = client.get(_url("report_download", report))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="donor-report-cocoa-partnership-2026-01-01-2026-03-31-v1.pdf"'
    )
    assert response["Cache-Control"] == "private"


def test_publishing_gives_a_public_page_until_unpublished(client, partnership, secretariat):
    report = report_row(partnership, secretariat, kind=ReportKind.PUBLIC, summary="Farmers earned more.")
    public = reverse("reports:public_report", args=[report.public_key])
    assert client.get(public).status_code == 404
    client.force_login(secretariat)
    page = client.post(_url("report_publish", report), follow=True).content.decode()
    assert "is published" in page and f"http://testserver{public}" in page
    client.logout()
    shown = client.get(public).content.decode()
    assert "Cocoa Partnership" in shown and "Farmers earned more." in shown
    pdf = client.get(reverse("reports:public_report_pdf", args=[report.public_key]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    client.force_login(secretariat)
    assert "is unpublished" in client.post(_url("report_unpublish", report), follow=True).content.decode()
    client.logout()
    assert client.get(public).status_code == 404
    assert client.get(reverse("reports:public_report_pdf", args=[report.public_key])).status_code == 404


def test_a_public_page_without_summary_says_something(client, partnership, secretariat):
    report = report_row(partnership, secretariat, kind=ReportKind.PUBLIC, published=True)
    page = client.get(reverse("reports:public_report", args=[report.public_key])).content.decode()
    assert "brings organisations from different sectors together" in page
    assert reverse("reports:public_report_pdf", args=[report.public_key]) in page


def test_a_donor_report_is_not_published_nor_a_public_one_released(client, partnership, secretariat):
    donor_report = report_row(partnership, secretariat)
    public_report = report_row(partnership, secretariat, kind=ReportKind.PUBLIC)
    client.force_login(secretariat)
    assert (
        "Only a made public report" in client.post(_url("report_publish", donor_report), follow=True).content.decode()
    )
    assert (
        "Only a made donor report" in client.post(_url("report_release", public_report), follow=True).content.decode()
    )
    assert not Report.objects.filter(published_at__isnull=False).exists()
    assert not Report.objects.filter(released_at__isnull=False).exists()


def test_a_get_changes_nothing(client, partnership, secretariat):
    report = report_row(partnership, secretariat, status=ReportStatus.FAILED)
    client.force_login(secretariat)
    for name in ("report_retry", "report_release", "report_publish", "report_unpublish"):
        assert client.get(_url(name, report)).status_code == 405
    for name in ("report", "report_status"):
        assert client.get(_url(name, report)).status_code == 200
    assert Report.objects.get(pk=report.pk).status == ReportStatus.FAILED


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"period_start": "2026-04-01", "period_end": "2026-03-31"}, "period_end", "must end on or after"),
        ({"language": "xx"}, "language", "Choose one of the languages offered."),
        ({"kind": "portfolio"}, "kind", "Choose a donor report or a public report."),
        ({"period_start": "99999-01-01"}, "period_start", "Enter a date"),
        ({"period_end": "2999-12-31"}, "period_end", "more than a year from today"),
        ({"period_start": "0001-01-01"}, "period_start", "from 1990 on"),
        ({"period_end": ""}, "period_end", "This field is required."),
    ],
)
def test_bad_input_is_refused_on_the_form_keeping_what_was_typed(
    client, partnership, secretariat, changes, field, message
):
    client.force_login(secretariat)
    typed = {**ASK, **changes}
    response = client.post(_list(partnership), typed)
    assert response.status_code == 400
    form = response.context["form"]
    assert any(message in error for error in form.errors[field])
    assert form.data["period_start"] == typed["period_start"]
    assert f'value="{typed["period_start"]}"' in response.content.decode()
    assert not Report.objects.exists()


@pytest.mark.parametrize(
    ("status", "changes", "text"),
    [
        (ReportStatus.RUNNING, {"progress_at": "silent"}, "The job seems to have stopped."),
        (ReportStatus.QUEUED, {"requested_at": "silent"}, "The report is still waiting."),
    ],
)
def test_a_stalled_job_stops_the_polling_and_offers_a_retry(client, partnership, secretariat, status, changes, text):
    silent = timezone.now() - dt.timedelta(hours=1)
    report = report_row(partnership, secretariat, status=status, progress="results")
    Report.objects.filter(pk=report.pk).update(**dict.fromkeys(changes, silent))
    client.force_login(secretariat)
    status_block = client.get(_url("report_status", report)).content.decode()
    assert text in status_block and "data-hx-trigger" not in status_block
    assert _url("report_retry", report) in status_block
    assert client.post(_url("report_retry", report)).status_code == 302  # its task is queued after commit
    assert Report.objects.get(pk=report.pk).status == ReportStatus.QUEUED
