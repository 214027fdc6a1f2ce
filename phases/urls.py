from django.urls import path

from . import views
from .health_checks import views as health_checks

app_name = "phases"

urlpatterns = [
    path("", views.HistoryView.as_view(), name="history"),
    path("advance/", views.advance, name="advance"),
    path("back/", views.revert, name="revert"),
    path("health-checks/", health_checks.HealthCheckListView.as_view(), name="health_checks"),
    path("health-checks/new/", health_checks.HealthCheckOpenView.as_view(), name="health_check_open"),
    path("health-checks/<int:pk>/", health_checks.HealthCheckView.as_view(), name="health_check"),
    path("health-checks/<int:pk>/score/", health_checks.ScoreView.as_view(), name="health_check_score"),
    path("health-checks/<int:pk>/on-behalf/", health_checks.OnBehalfView.as_view(), name="health_check_on_behalf"),
    path("health-checks/<int:pk>/close/", health_checks.close, name="health_check_close"),
]
