"""The portfolio: one page across every partnership the person holds a role on, and their portfolio reports (a
PDF and an XLSX of the same, made in the background like every report; only their owner reads them)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from msp import access

from ..models import Report, ReportKind, ReportStatus
from ..portfolio_forms import PortfolioRequestForm
from ..reports.jobs import report_filename
from ..selectors.portfolio import MILESTONE_DAYS, portfolio_for
from ..services.reports import portfolio_ask, report_retry

# The portfolio reports listed on the page, newest first.
SHOWN_REPORTS = 5
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def my_reports(user):
    return list(Report.objects.filter(owner=user, kind=ReportKind.PORTFOLIO)[:SHOWN_REPORTS])


def reports_context(user):
    reports = my_reports(user)
    pending = any(r.status in (ReportStatus.QUEUED, ReportStatus.RUNNING) for r in reports)
    return {"reports": reports, "pending": pending}


def page_context(user, form=None) -> dict:
    return {
        **reports_context(user),
        "rows": portfolio_for(user),
        "form": form or PortfolioRequestForm(),
        "days": MILESTONE_DAYS,
    }


class PortfolioView(LoginRequiredMixin, TemplateView):
    template_name = "monitoring/portfolio/page.html"

    def polling(self):
        return self.request.htmx and self.request.htmx.target == "portfolio-reports"

    def get_template_names(self):
        return ["monitoring/portfolio/reports.html"] if self.polling() else [self.template_name]

    def get_context_data(self, **kwargs):
        user = self.request.user
        extra = reports_context(user) if self.polling() else page_context(user)  # polling: the list alone
        return super().get_context_data(**kwargs, **extra)


@login_required
@require_POST
def portfolio_request(request):
    """Ask for a portfolio report; bad input shows the page again with the form as typed and what to fix."""
    form = PortfolioRequestForm(request.POST)
    if form.is_valid():
        try:
            portfolio_ask(owner=request.user, **form.cleaned_data)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Your portfolio report is queued. It is listed below while it is made."))
            return redirect("reports:portfolio")
    return render(request, PortfolioView.template_name, page_context(request.user, form))


def _mine_or_404(user, pk) -> Report:
    report = Report.objects.filter(pk=pk, kind=ReportKind.PORTFOLIO).select_related("document", "spreadsheet").first()
    if report is None or not access.can_read_report(user, report):
        raise Http404(_("No such report."))
    return report


@login_required
@require_POST
def portfolio_retry(request, pk):
    """Make a failed portfolio report again: the same version, and never a second file."""
    report = _mine_or_404(request.user, pk)
    try:
        report_retry(report=report, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Your portfolio report is queued again."))
    return redirect("reports:portfolio")


@login_required
def portfolio_download(request, pk):
    """The PDF (or, with ?format=xlsx, the spreadsheet) of one of the person's portfolio reports; 404 to anyone
    else and while it is not made."""
    report = _mine_or_404(request.user, pk)
    ext = "xlsx" if request.GET.get("format") == "xlsx" else "pdf"
    document = report.spreadsheet if ext == "xlsx" else report.document
    if report.status != ReportStatus.DONE or document is None:
        raise Http404(_("This report is not made yet."))
    handle = document.file.open("rb")
    return FileResponse(
        handle, as_attachment=True, filename=report_filename(report, ext), content_type=CONTENT_TYPES[ext]
    )
