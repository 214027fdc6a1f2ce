"""Reads of report versions for the reports pages: the versions a person may see (drafts only for those with
"view_report_drafts": the same rule as msp.access.can_read_report, as a filter in SQL), with what the list shows
loaded in the same query."""

from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from msp import access

from ..models import Report, ReportKind

DELIVERED = Q(released_at__isnull=False) | Q(published_at__isnull=False)


def reports_for(user, partnership):
    """The partnership's donor and public report versions `user` may read, newest first (one query)."""
    reports = Report.objects.filter(partnership=partnership, kind__in=[ReportKind.DONOR, ReportKind.PUBLIC])
    if not access.can(user, "view_report_drafts", partnership):
        reports = reports.filter(DELIVERED)
    return reports.select_related("requested_by", "document").order_by("-requested_at", "-pk")


def report_or_404(user, partnership, pk):
    """Version `pk` of the partnership, if `user` may read it; else 404 (a draft, to a donor, is like none)."""
    report = reports_for(user, partnership).select_related("released_by", "published_by").filter(pk=pk).first()
    if report is None:
        raise Http404(_("No such report."))
    report.partnership = partnership  # the loaded one: its role cache answers the access questions
    return report


def published_or_404(key):
    """A published public report by its public key (no login), or 404: unpublishing removes its page."""
    report = (
        Report.objects.filter(public_key=key, kind=ReportKind.PUBLIC, published_at__isnull=False, status="done")
        .select_related("partnership", "document")
        .first()
    )
    if report is None:
        raise Http404(_("No such report."))
    return report
