"""Reports' URLs that belong to no partnership, in the namespace "reports" (msp/urls.py includes this module at
the root): the public page of a published public report and its PDF (no login); a person's portfolio across their
partnerships, and its reports."""

from django.urls import path

from .views import portfolio, public_reports

app_name = "reports"

urlpatterns = [
    path("reports/public/<uuid:key>/", public_reports.public_report, name="public_report"),
    path("reports/public/<uuid:key>/pdf/", public_reports.public_report_pdf, name="public_report_pdf"),
    path("portfolio/", portfolio.PortfolioView.as_view(), name="portfolio"),
    path("portfolio/request/", portfolio.portfolio_request, name="portfolio_request"),
    path("portfolio/<int:pk>/download/", portfolio.portfolio_download, name="portfolio_download"),
    path("portfolio/<int:pk>/retry/", portfolio.portfolio_retry, name="portfolio_retry"),
]
