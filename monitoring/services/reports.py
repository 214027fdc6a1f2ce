"""Writes of reports: asking for a version (queued after commit), a retry, releasing a donor report to the
partnership's donors and partners (with an e-mail to each), publishing and unpublishing a public report. Each checks
its right through msp.access and takes the report's row lock, so two clicks do one thing.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from msp import access
from msp.notices import NoticeKind
from msp.services import notify

from .. import tasks
from ..models import Report, ReportKind, ReportStatus, ReportTrigger
from ..reports import jobs

PARTNERSHIP_KINDS = (ReportKind.DONOR, ReportKind.PUBLIC)


def _check_request(kind, period_start, period_end, language):
    errors = {}
    if period_start and period_end and period_start > period_end:
        errors["period_end"] = _("The period must end on or after the day it starts.")
    if language not in dict(settings.LANGUAGES):
        errors["language"] = _("Choose one of the languages offered.")
    if errors:
        raise ValidationError(errors)


def report_ask(
    *, partnership, kind, period_start, period_end, language=None, by=None, trigger=ReportTrigger.REQUESTED
) -> Report:
    """A new version of a donor or public report of `partnership` for the period, made in the background.
    `language`: the partnership's working language by default. `by` None: the reporting schedule asks."""
    if by is not None:
        access.require(by, "change", partnership)
    if kind not in PARTNERSHIP_KINDS:
        raise ValidationError({"kind": _("Choose a donor report or a public report.")})
    language = language or partnership.language or settings.LANGUAGE_CODE
    _check_request(kind, period_start, period_end, language)
    with transaction.atomic():
        report = jobs.report_request(
            kind=kind, period_start=period_start, period_end=period_end, language=language, by=by,
            partnership=partnership, trigger=trigger,
        )  # fmt: skip
        transaction.on_commit(lambda: tasks.queue_report(report.pk))
    return report


def portfolio_ask(*, owner, period_start, period_end, language) -> Report:
    """A new version of `owner`'s portfolio (every partnership they hold a role on) as a PDF and an XLSX."""
    _check_request(ReportKind.PORTFOLIO, period_start, period_end, language)
    with transaction.atomic():
        report = jobs.report_request(
            kind=ReportKind.PORTFOLIO, period_start=period_start, period_end=period_end, language=language,
            by=owner, owner=owner,
        )  # fmt: skip
        transaction.on_commit(lambda: tasks.queue_report(report.pk))
    return report


def _locked(report) -> Report:
    # Only the report's row: its partnership is nullable (a portfolio has none), and PostgreSQL refuses FOR UPDATE
    # on the nullable side of the outer join select_related makes.
    return Report.objects.select_for_update(of=("self",)).select_related("partnership").get(pk=report.pk)


def _require_report(user, report):
    if report.partnership_id is None:
        if report.owner_id != user.pk:
            raise PermissionDenied(_("This is not your portfolio."))
        return
    access.require(user, "change", report.partnership)


def report_retry(*, report, by) -> Report:
    """Queue a failed (or stalled) report again: the same version, and never a second file (msp.documents)."""
    _require_report(by, report)
    with transaction.atomic():
        report = _locked(report)
        if report.status == ReportStatus.DONE:
            raise ValidationError(_("This report is already made."))
        if not Report.objects.filter(jobs.claimable(), pk=report.pk).exists():
            raise ValidationError(_("This report is being made right now; wait for it to finish or fail."))
        Report.objects.filter(pk=report.pk).update(status=ReportStatus.QUEUED)
        transaction.on_commit(lambda: tasks.queue_report(report.pk))
    report.refresh_from_db()
    return report


def report_release(*, report, by) -> Report:
    """Release a made donor report to the partnership's donors and partners, and e-mail each of them."""
    access.require(by, "change", report.partnership)
    with transaction.atomic():
        report = _locked(report)
        if report.kind != ReportKind.DONOR or report.status != ReportStatus.DONE:
            raise ValidationError(_("Only a made donor report can be released."))
        if report.released_at is not None:
            return report
        report.released_at, report.released_by = timezone.now(), by
        report.save(update_fields=["released_at", "released_by"])  # saved, not updated: the feed records it
        _tell_released(report)
    return report


def _tell_released(report):
    partnership = report.partnership
    recipients = [role.user for role in access.holders(partnership, "view_reports").select_related("user")
                  if not access.can(role.user, "view_report_drafts", partnership)]  # fmt: skip
    link = reverse("monitoring:report", args=[partnership.pk, report.pk])
    period = f"{report.period_start:%Y-%m-%d} – {report.period_end:%Y-%m-%d}"
    notify(
        partnership=partnership,
        recipients=recipients,
        subject=lambda: _("Donor report released: %(partnership)s") % {"partnership": partnership.name},
        body=lambda: (
            _(
                "The secretariat of %(partnership)s has released the donor report for %(period)s (version %(number)s). "
                "You can read and download it here:"
            )
            % {"partnership": partnership.name, "period": period, "number": report.number}
        ),
        link=link,
        kind=NoticeKind.REPORT,
        key=f"report:{report.pk}",
    )


def report_publish(*, report, by) -> Report:
    """Publish a made public report: it gets a page anyone can open, without signing in."""
    access.require(by, "change", report.partnership)
    with transaction.atomic():
        report = _locked(report)
        if report.kind != ReportKind.PUBLIC or report.status != ReportStatus.DONE:
            raise ValidationError(_("Only a made public report can be published."))
        if report.published_at is None:
            report.published_at, report.published_by = timezone.now(), by
            report.save(update_fields=["published_at", "published_by"])
    return report


def report_unpublish(*, report, by) -> Report:
    """Take a public report's page down (the version stays, and may be published again)."""
    access.require(by, "change", report.partnership)
    with transaction.atomic():
        report = _locked(report)
        if report.published_at is not None:
            report.published_at = report.published_by = None
            report.save(update_fields=["published_at", "published_by"])
    return report
