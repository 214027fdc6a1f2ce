"""The public page of a published public report, without login: the partnership, the period, the report's summary
and its PDF. It exists only while the report is published (unpublishing removes it: 404)."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..selectors import reports as selectors
from .reports import pdf_response


@require_GET
def public_report(request, key):
    report = selectors.published_or_404(key)
    return render(request, "monitoring/reports/public.html", {"report": report, "partnership": report.partnership})


@require_GET
def public_report_pdf(request, key):
    # Anyone may read it, but only while it is published: caches must ask again each time.
    return pdf_response(selectors.published_or_404(key), cache="no-cache")
