"""Report versions made directly as rows, with a tiny stored file, for tests of the pages (the job itself is
tested in test_report_jobs.py): a made report, released or published, or one still queued, running or failed."""

import datetime as dt

from django.utils import timezone

from monitoring.models import Report, ReportKind, ReportStatus
from monitoring.reports import jobs
from msp.documents import document_keep

START, END = dt.date(2026, 1, 1), dt.date(2026, 3, 31)
TINY_PDF = b"%PDF-1.7\n% a test report\n%%EOF\n"


def report_row(partnership, by, *, kind=ReportKind.DONOR, status=ReportStatus.DONE, released=False, published=False,
               **fields):  # fmt: skip
    report = jobs.report_request(
        kind=kind, period_start=START, period_end=END, language="en", by=by, partnership=partnership
    )
    now = timezone.now()
    changes = {"status": status, **fields}
    if status == ReportStatus.DONE:
        document = document_keep(
            subject=report, kind=jobs.DOCUMENT_KIND[kind], language="en", content=TINY_PDF + str(report.pk).encode(),
            name=jobs.report_filename(report),
        )  # fmt: skip
        changes.update(document=document, sha256=document.sha256, finished_at=now, attempts=1)
    if status == ReportStatus.RUNNING:
        changes.update(started_at=now, progress_at=now, attempts=1)
    if released:
        changes.update(released_at=now, released_by=by)
    if published:
        changes.update(published_at=now, published_by=by)
    Report.objects.filter(pk=report.pk).update(**changes)
    return Report.objects.select_related("partnership", "document").get(pk=report.pk)
