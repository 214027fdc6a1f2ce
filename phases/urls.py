from django.urls import path

from . import checklist_views, views

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
    path("checklist/parameters/", checklist_views.ParametersView.as_view(), name="parameters"),
]
