"""The monitoring app's URLs, in one namespace ("monitoring"), under a partnership: indicators, their periods and
data, the SDG page, exports; lessons, capacity gaps, the context analysis with related initiatives, and risks."""

from django.urls import path

from .views import indicators, sdgs, table

app_name = "monitoring"

urlpatterns = [
    path("indicators/", table.IndicatorTableView.as_view(), name="indicators"),
    path("indicators/export/", table.indicators_export, name="indicators_export"),
    path("indicators/<int:pk>/", indicators.IndicatorView.as_view(), name="indicator"),
    path("sdgs/", sdgs.SdgView.as_view(), name="sdgs"),
]
