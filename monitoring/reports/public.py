"""The public report (DESIGN section 6, "an account with a more personal touch"). TODO(issue 14): fill in."""

from django.template.loader import render_to_string

from .jobs import Output


def build(report, step) -> Output:
    step("story")
    html = render_to_string("reports/public/report.html", {"report": report, "language": report.language})
    return Output(html=html)
