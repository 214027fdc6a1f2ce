"""The REST API, version 1, at /api/v1/. Each subject's module lists its own routes (`urls`); any other address
under /api/v1/ answers a JSON 404 (api.errors.NotFoundView), never the HTML page a browser gets."""

from django.urls import re_path

from .errors import NotFoundView
from .views import (
    governance,
    governance_agreements,
    governance_meetings,
    governance_resources,
    monitoring,
    partnerships,
    stakeholders,
    writes,
)

app_name = "api"
urlpatterns = [
    *partnerships.urls,
    *stakeholders.urls,
    *governance.urls,
    *governance_agreements.urls,
    *governance_meetings.urls,
    *governance_resources.urls,
    *monitoring.urls,
    *writes.urls,
    # Last: whatever the routes above did not take.
    re_path(r"^(?P<unknown>.*)$", NotFoundView.as_view(), name="not_found"),
]
