"""A report version as a job: asked for (`report_request`), claimed by one worker, built section by section with
its progress written as it goes, rendered once through msp.documents and marked done with its file and SHA-256.

The claim is a conditional update (queued or failed -> running; running but silent for REPORT_STALLED_AFTER ->
running here), so a duplicated task does nothing and a worker killed mid-job leaves a report that another worker
(or a retry) takes back. The file is stored with the report as its subject, one per kind and language (a database
constraint), so a retry never makes a second file: a render that finished before the worker died is found and kept.
"""

import dataclasses
import datetime as dt
import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.db.models import F, Max, Q
from django.utils import timezone, translation

from msp.documents import StoredDocument, document_keep, document_render
from msp.text import file_slug

from ..models import Report, ReportKind, ReportStatus, ReportTrigger

logger = logging.getLogger(__name__)

DOCUMENT_KIND = {
    ReportKind.DONOR: StoredDocument.Kind.DONOR_REPORT,
    ReportKind.PUBLIC: StoredDocument.Kind.PUBLIC_REPORT,
    ReportKind.PORTFOLIO: StoredDocument.Kind.PORTFOLIO_REPORT,
}


def stalled_after() -> dt.timedelta:
    return dt.timedelta(seconds=settings.REPORT_STALLED_AFTER)


@dataclasses.dataclass
class Output:
    """What a builder makes: the HTML of the PDF, the public page's summary, and a spreadsheet (portfolio)."""

    html: str
    summary: str = ""
    xlsx: bytes | None = None


def report_request(
    *, kind, period_start, period_end, language, by=None, partnership=None, owner=None, trigger=ReportTrigger.REQUESTED
) -> Report:
    """A new queued version (numbered after the last of its partnership or owner and kind). The caller queues its
    task after commit (monitoring.services.reports)."""
    with transaction.atomic():
        scope = {"partnership": partnership} if partnership is not None else {"owner": owner, "partnership": None}
        if partnership is not None:
            type(partnership).objects.select_for_update().filter(pk=partnership.pk).first()  # numbers in order
        last = Report.objects.filter(kind=kind, **scope).aggregate(n=Max("number"))["n"] or 0
        return Report.objects.create(
            kind=kind,
            number=last + 1,
            period_start=period_start,
            period_end=period_end,
            language=language,
            requested_by=by,
            trigger=trigger,
            **scope,
        )


def claimable() -> Q:
    """Reports a worker may take: queued, failed (a retry), or running but silent too long (its worker died)."""
    return Q(status__in=[ReportStatus.QUEUED, ReportStatus.FAILED]) | Q(
        status=ReportStatus.RUNNING, progress_at__lt=timezone.now() - stalled_after()
    )


def claim(report_id) -> bool:
    now = timezone.now()
    return bool(
        Report.objects.filter(claimable(), pk=report_id).update(
            status=ReportStatus.RUNNING,
            started_at=now,
            progress="",
            progress_at=now,
            finished_at=None,
            error="",
            attempts=F("attempts") + 1,
        )
    )


def _lost(limit) -> Q:
    return Q(status=ReportStatus.RUNNING, progress_at__lt=limit) | Q(status=ReportStatus.QUEUED, requested_at__lt=limit)


def stalled_ids() -> list[int]:
    """Reports whose task seems lost: running but silent too long, or queued for longer than that."""
    return list(Report.objects.filter(_lost(timezone.now() - stalled_after())).values_list("pk", flat=True))


def is_stalled(report) -> bool:
    """The same rule for one loaded report (its page stops polling and offers a retry)."""
    limit = timezone.now() - stalled_after()
    if report.status == ReportStatus.RUNNING:
        return report.progress_at is not None and report.progress_at < limit
    return report.status == ReportStatus.QUEUED and report.requested_at < limit


def step_writer(report_id) -> Callable[[str], None]:
    """The progress callback given to builders: `step(key)` records the section now being made (and is the job's
    heartbeat). Written at once, outside any transaction, so the page polling it sees it."""

    def step(key: str):
        Report.objects.filter(pk=report_id, status=ReportStatus.RUNNING).update(
            progress=key, progress_at=timezone.now()
        )
        if settings.REPORT_TEST_STEP_DELAY:  # a test's slow job, to kill its worker mid-way (0 in production)
            time.sleep(settings.REPORT_TEST_STEP_DELAY)

    return step


def builder_for(kind):
    from . import donor, portfolio, public  # the builders read every app: loaded only by the job

    return {ReportKind.DONOR: donor.build, ReportKind.PUBLIC: public.build, ReportKind.PORTFOLIO: portfolio.build}[kind]


def report_generate(report_id) -> Report | None:
    """Make report `report_id` (the Celery task's work): None when it is not this worker's to make (another has it,
    or it is done). A failure marks it failed with the reason and re-raises."""
    if not claim(report_id):
        return None
    report = Report.objects.select_related("partnership", "partnership__currency", "owner").get(pk=report_id)
    step = step_writer(report_id)
    try:
        with translation.override(report.language):
            output = builder_for(report.kind)(report, step)
        step("pdf")
        document = document_render(
            subject=report, kind=DOCUMENT_KIND[report.kind], language=report.language, html=output.html,
            name=report_filename(report).removesuffix(".pdf"), accessible=True,
        )  # fmt: skip
        spreadsheet = None
        if output.xlsx is not None:
            spreadsheet = document_keep(
                subject=report, kind=StoredDocument.Kind.PORTFOLIO_XLSX, language=report.language,
                content=output.xlsx, name=report_filename(report, "xlsx"),
            )  # fmt: skip
    except Exception as exc:
        Report.objects.filter(pk=report_id).update(
            status=ReportStatus.FAILED,
            finished_at=timezone.now(),
            progress="",
            error=f"{type(exc).__name__}: {exc}"[:2000],
        )
        raise
    Report.objects.filter(pk=report_id, document__isnull=True).update(
        status=ReportStatus.DONE,
        finished_at=timezone.now(),
        progress="",
        document=document,
        spreadsheet=spreadsheet,
        sha256=document.sha256,
        summary=output.summary,
    )
    return Report.objects.get(pk=report_id)


def report_filename(report, ext="pdf") -> str:
    """e.g. donor-report-cocoa-partnership-2026-01-01-2026-06-30-v2.pdf"""
    what = {ReportKind.DONOR: "donor-report", ReportKind.PUBLIC: "public-report", ReportKind.PORTFOLIO: "portfolio"}
    whose = report.partnership.name if report.partnership_id else report.owner.get_username()
    return f"{what[report.kind]}-{file_slug(whose)}-{report.period_start}-{report.period_end}-v{report.number}.{ext}"
