"""The reports' pages that belong to no partnership, in the namespace "reports" (msp/urls.py includes this
module): the public page of a published public report and its PDF (no login)."""

from django.urls import path

from .views import public_reports

app_name = "reports"

urlpatterns = [
    path("reports/public/<uuid:key>/", public_reports.public_report, name="public_report"),
    path("reports/public/<uuid:key>/pdf/", public_reports.public_report_pdf, name="public_report_pdf"),
]
