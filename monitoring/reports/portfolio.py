"""A person's portfolio: every partnership they hold a role on, as a PDF and an XLSX. TODO(issue 14): fill in."""

from django.template.loader import render_to_string

from .jobs import Output


def build(report, step) -> Output:
    step("partnerships")
    html = render_to_string("reports/portfolio/report.html", {"report": report, "language": report.language})
    return Output(html=html, xlsx=b"")
