"""Reports' URLs that belong to no partnership, in the namespace "reports" (msp/urls.py includes this module at
the root): a person's portfolio across their partnerships, and its reports."""

from django.urls import path

from .views import portfolio

app_name = "reports"

urlpatterns = [
    path("portfolio/", portfolio.PortfolioView.as_view(), name="portfolio"),
    path("portfolio/request/", portfolio.portfolio_request, name="portfolio_request"),
    path("portfolio/<int:pk>/download/", portfolio.portfolio_download, name="portfolio_download"),
    path("portfolio/<int:pk>/retry/", portfolio.portfolio_retry, name="portfolio_retry"),
]
