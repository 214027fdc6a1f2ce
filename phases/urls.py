from django.urls import path

from . import checklist_views, views
from .health_checks import views as health_checks

app_name = "phases"

urlpatterns = [
    path("", views.HistoryView.as_view(), name="history"),
    path("advance/", views.advance, name="advance"),
    path("back/", views.revert, name="revert"),
    path("checklist/", checklist_views.ChecklistView.as_view(), name="checklist"),
    path("checklist/evaluate/", checklist_views.evaluate, name="evaluate"),
    path("checklist/status/", checklist_views.evaluation_status, name="evaluation_status"),
    path("checklist/<str:item_id>/judge/", checklist_views.judge, name="judge"),
    path("checklist/runs/", checklist_views.RunsView.as_view(), name="runs"),
    path("checklist/runs/<int:run_pk>/", checklist_views.RunView.as_view(), name="run"),
    path("checklist/runs/<int:run_pk>/pdf/", checklist_views.run_pdf_download, name="run_pdf"),
    path("checklist/parameters/", checklist_views.ParametersView.as_view(), name="parameters"),
    path("health-checks/", health_checks.HealthCheckListView.as_view(), name="health_checks"),
    path("health-checks/new/", health_checks.HealthCheckOpenView.as_view(), name="health_check_open"),
    path("health-checks/<int:pk>/", health_checks.HealthCheckView.as_view(), name="health_check"),
    path("health-checks/<int:pk>/score/", health_checks.ScoreView.as_view(), name="health_check_score"),
    path("health-checks/<int:pk>/on-behalf/", health_checks.OnBehalfView.as_view(), name="health_check_on_behalf"),
    path("health-checks/<int:pk>/close/", health_checks.close, name="health_check_close"),
]
