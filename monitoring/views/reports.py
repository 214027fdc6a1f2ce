"""The Reports tab: the report versions of a partnership, the secretariat's form asking for a new one, a version's
page with its job's status (polled with htmx while it is made, a refresh link without JavaScript), its download,
and the secretariat's actions (retry, release a donor report, publish and unpublish a public report).

Everyone with a role reads released and published versions; the rest are the secretariat's drafts, which to
anyone else do not exist (404, selectors.reports). Each action calls one service (services.reports), which checks
the right again; a refusal comes back as a message on the version's page. The public page of a published report
is in public_reports.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import TemplateView

from governance.views.common import _form_errors, _messages_of
from msp import access
from msp.pdf import attachment
from msp.views import PartnershipMixin

from ..models import ReportKind, ReportStatus
from ..report_forms import ReportRequestForm
from ..reports import donor, jobs, public
from ..selectors import reports as selectors
from ..services import reports as services

# The steps of each kind's job, in order ("pdf", the rendering, comes last), and their titles for the status block.
STEPS = {
    ReportKind.DONOR: [section.key for section in donor.SECTIONS] + ["pdf"],
    ReportKind.PUBLIC: [key for key, _title in public.STEPS] + ["pdf"],
}
TITLES = {ReportKind.DONOR: donor.TITLES, ReportKind.PUBLIC: public.TITLES}


def report_url(report):
    return reverse("monitoring:report", args=[report.partnership_id, report.pk])


def public_url(request, report):
    return request.build_absolute_uri(reverse("reports:public_report", args=[report.public_key]))


class ReportListView(PartnershipMixin, TemplateView):
    """The versions the user may read, newest first; for the secretariat, the form asking for a new one (POST)."""

    action = "view_reports"
    tab = "reports"
    template_name = "monitoring/reports/list.html"

    def get_context_data(self, **kwargs):
        user, partnership = self.request.user, self.partnership
        can_change = access.can(user, "change", partnership)
        if can_change and "form" not in kwargs:
            kwargs["form"] = ReportRequestForm(partnership=partnership)
        return super().get_context_data(
            reports=list(selectors.reports_for(user, partnership)),
            sees_drafts=access.can(user, "view_report_drafts", partnership),
            story_url=reverse("monitoring:public_story", args=[partnership.pk]) if can_change else None,
            schedule_url=reverse("monitoring:report_schedule", args=[partnership.pk]) if can_change else None,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        partnership = self.partnership
        access.require(request.user, "change", partnership)
        form = ReportRequestForm(request.POST, partnership=partnership)
        if form.is_valid():
            try:
                report = services.report_ask(partnership=partnership, by=request.user, **form.cleaned_data)
            except ValidationError as exc:
                _form_errors(form, exc)
            else:
                text = _("%(report)s is asked for. It is being made in the background: this page shows its progress.")
                messages.success(request, text % {"report": _version_name(report)})
                return redirect(report_url(report))
        return self.render_to_response(self.get_context_data(form=form), status=400)


def _version_name(report):
    return _("%(kind)s, version %(number)s") % {"kind": report.get_kind_display(), "number": report.number}


def _failure_reason(report):
    """Why the job failed, in words a secretariat understands (the technical error is for superusers)."""
    error = report.error or ""
    if error.startswith("PdfUnavailable"):
        return _("PDF files cannot be made on this server: its PDF libraries are missing. Tell your administrator.")
    if error.startswith((OperationalError.__name__, InterfaceError.__name__)):
        return _("The database could not be reached while the report was made. Retrying usually works.")
    return _("Something unexpected stopped the report. Retry it; if it fails again, tell your administrator.")


def status_context(request, report):
    """What the status block shows: the job's state, the section being made, and what the user may do next."""
    user, partnership = request.user, report.partnership
    can_change = access.can(user, "change", partnership)
    pending = report.status in (ReportStatus.QUEUED, ReportStatus.RUNNING) and not jobs.is_stalled(report)
    step = step_total = None
    steps = STEPS.get(report.kind, [])
    if report.status == ReportStatus.RUNNING and report.progress in steps:
        step, step_total = steps.index(report.progress) + 1, len(steps)
    return {
        "report": report,
        "partnership": partnership,
        "pending": pending,
        "stalled": jobs.is_stalled(report),
        "progress_title": TITLES.get(report.kind, {}).get(report.progress, "") if report.progress else "",
        "step": step,
        "step_total": step_total,
        "failure_reason": _failure_reason(report) if report.status == ReportStatus.FAILED else "",
        "show_error": user.is_superuser,
        "can_change": can_change,
        "can_release": can_change and report.kind == ReportKind.DONOR and report.is_done,
        "can_publish": can_change and report.kind == ReportKind.PUBLIC and report.is_done,
        "public_url": public_url(request, report) if report.published_at else "",
    }


class ReportView(PartnershipMixin, TemplateView):
    """One version: what was asked, its job's status and file, and the secretariat's actions."""

    action = "view_reports"
    tab = "reports"
    template_name = "monitoring/reports/report.html"

    def get_context_data(self, **kwargs):
        report = selectors.report_or_404(self.request.user, self.partnership, self.kwargs["pk"])
        return super().get_context_data(**status_context(self.request, report), **kwargs)


@login_required
@require_GET
def report_status(request, partnership_pk, pk):
    """The status block alone, for htmx polling: it carries its own trigger while the job is pending and replaces
    itself without it once the report is done or failed, which ends the polling."""
    partnership = access.get_partnership(request.user, partnership_pk, "view_reports")
    report = selectors.report_or_404(request.user, partnership, pk)
    return render(request, "monitoring/reports/_status.html", status_context(request, report))


@login_required
@require_GET
def report_download(request, partnership_pk, pk):
    """The version's PDF, from private storage, to those who may read it (never a media URL)."""
    partnership = access.get_partnership(request.user, partnership_pk, "view_reports")
    report = selectors.report_or_404(request.user, partnership, pk)
    if report.document is None:
        raise Http404(_("This report has no file yet."))
    return pdf_response(report, cache="private")


def pdf_response(report, *, cache):
    response = FileResponse(report.document.file.open("rb"), content_type="application/pdf")
    response = attachment(response, jobs.report_filename(report))
    response["Cache-Control"] = cache
    return response


def _report_action(request, partnership_pk, pk, act):
    """Load the version for the secretariat, run `act(report)` (which returns the success message) and go back to
    the version's page with the message or the refusal."""
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    report = selectors.report_or_404(request.user, partnership, pk)
    try:
        messages.success(request, act(report))
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
    return redirect(report_url(report))


@login_required
@require_POST
def report_retry(request, partnership_pk, pk):
    def act(report):
        services.report_retry(report=report, by=request.user)
        return _("%(report)s is queued again. This page shows its progress.") % {"report": _version_name(report)}

    return _report_action(request, partnership_pk, pk, act)


@login_required
@require_POST
def report_release(request, partnership_pk, pk):
    def act(report):
        services.report_release(report=report, by=request.user)
        return _("%(report)s is released: the partnership's donors and partners can read it and were e-mailed.") % {
            "report": _version_name(report)
        }

    return _report_action(request, partnership_pk, pk, act)


@login_required
@require_POST
def report_publish(request, partnership_pk, pk):
    def act(report):
        services.report_publish(report=report, by=request.user)
        return _("%(report)s is published. Anyone with its address can read it: %(url)s") % {
            "report": _version_name(report),
            "url": public_url(request, report),
        }

    return _report_action(request, partnership_pk, pk, act)


@login_required
@require_POST
def report_unpublish(request, partnership_pk, pk):
    def act(report):
        services.report_unpublish(report=report, by=request.user)
        return _("%(report)s is unpublished: its public page is gone.") % {"report": _version_name(report)}

    return _report_action(request, partnership_pk, pk, act)
