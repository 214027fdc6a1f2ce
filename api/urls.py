"""The REST API, version 1, at /api/v1/. Each subject's module lists its own routes (`urls`)."""

from .views import governance, monitoring, partnerships, stakeholders, writes

app_name = "api"
urlpatterns = [*partnerships.urls, *stakeholders.urls, *governance.urls, *monitoring.urls, *writes.urls]
