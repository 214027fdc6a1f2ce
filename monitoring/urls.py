"""The monitoring app's URLs, in one namespace ("monitoring"), under a partnership: indicators, their periods and
data, the SDG page, exports; lessons, capacity gaps, the context analysis with related initiatives, and risks."""

from django.urls import path

from .views import actuals, indicators

app_name = "monitoring"

urlpatterns = [
    path("indicators/<int:pk>/", indicators.IndicatorView.as_view(), name="indicator"),
    path(
        "indicators/<int:pk>/periods/<int:period_pk>/actual/",
        actuals.ActualEditView.as_view(),
        name="actual_edit",
    ),
    path("data-entry/", actuals.DataEntryView.as_view(), name="data_entry"),
]
