from django.urls import path

from . import views

app_name = "phases"

urlpatterns = [
    path("", views.HistoryView.as_view(), name="history"),
    path("advance/", views.advance, name="advance"),
    path("back/", views.revert, name="revert"),
]
