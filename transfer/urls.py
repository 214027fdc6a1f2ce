"""Partnership export (namespace "transfer", under partnerships/<pk>/)."""

from django.urls import path

from . import views

app_name = "transfer"

urlpatterns = [
    path("export/", views.export, name="export"),
]
