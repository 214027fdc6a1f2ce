"""The REST API, version 1, at /api/v1/. Each subject's module lists its own routes (`urls`)."""

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
]
