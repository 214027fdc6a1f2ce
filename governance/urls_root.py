"""The governance app's URLs in one namespace ("governance"): a partnership's pages (governance.urls, under
partnerships/<pk>/) and the installation's exchange rates (under rates/, not a partnership's: every partnership
converts with them). msp/urls.py includes this module."""

from django.urls import include, path

from . import urls
from .views import rates

app_name = "governance"

rate_patterns = [
    path("", rates.RateListView.as_view(), name="rates"),
    path("new/", rates.RateFormView.as_view(), name="rate_add"),
    path("<int:pk>/edit/", rates.RateFormView.as_view(), name="rate_edit"),
    path("import/", rates.RateImportView.as_view(), name="rates_import"),
]

urlpatterns = [
    path("partnerships/<int:partnership_pk>/", include(urls.urlpatterns)),
    path("rates/", include(rate_patterns)),
]
