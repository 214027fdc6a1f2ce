"""The report job's core: a request is numbered, claimed once, made with its progress, stored once with its hash;
a failure is recorded and a retry makes the same single file."""

import datetime as dt

import pytest
from django.utils import timezone

from monitoring.models import Report, ReportKind, ReportStatus
from monitoring.reports import jobs
from msp.documents import StoredDocument

pytestmark = pytest.mark.django_db

START, END = dt.date(2026, 1, 1), dt.date(2026, 6, 30)


def _ask(partnership, user, kind=ReportKind.DONOR):
    return jobs.report_request(
        kind=kind, period_start=START, period_end=END, language="en", by=user, partnership=partnership
    )


def test_versions_are_numbered_per_partnership_and_kind(partnership, secretariat):
    first, second = _ask(partnership, secretariat), _ask(partnership, secretariat)
    public = _ask(partnership, secretariat, ReportKind.PUBLIC)
    assert (first.number, second.number, public.number) == (1, 2, 1)
    assert first.status == ReportStatus.QUEUED


def test_a_report_is_made_once_with_its_hash(partnership, secretariat, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    report = _ask(partnership, secretariat)
    made = jobs.report_generate(report.pk)
    assert made.status == ReportStatus.DONE and made.document is not None
    assert made.sha256 == made.document.sha256 and len(made.sha256) == 64
    assert made.document.read().startswith(b"%PDF")
    assert jobs.report_generate(report.pk) is None  # done: nobody claims it again
    assert StoredDocument.objects.count() == 1


def test_a_failure_is_recorded_and_a_retry_makes_one_file(partnership, secretariat, settings, tmp_path, monkeypatch):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    report = _ask(partnership, secretariat)
    from monitoring.reports import donor

    real = donor.SECTIONS[3].collect
    monkeypatch.setattr(donor.SECTIONS[3], "collect", lambda ctx: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        jobs.report_generate(report.pk)
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED and "ZeroDivisionError" in report.error
    monkeypatch.setattr(donor.SECTIONS[3], "collect", real)
    assert jobs.report_generate(report.pk).status == ReportStatus.DONE
    assert StoredDocument.objects.count() == 1
    assert Report.objects.get(pk=report.pk).attempts == 2


def test_a_silent_running_job_is_taken_back(partnership, secretariat, settings):
    report = _ask(partnership, secretariat)
    assert jobs.claim(report.pk)
    assert not jobs.claim(report.pk)  # running and alive: not twice
    assert report.pk not in jobs.stalled_ids()
    Report.objects.filter(pk=report.pk).update(progress_at=timezone.now() - dt.timedelta(seconds=181))
    assert report.pk in jobs.stalled_ids()
    assert jobs.claim(report.pk)
