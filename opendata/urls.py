"""The secretariat's IATI pages under a partnership (mounted at partnerships/<partnership_pk>/open-data/)."""

from django.urls import path

from .views import pages

app_name = "opendata"
urlpatterns = [
    path("", pages.PreviewView.as_view(), name="preview"),
    path("activity.xml", pages.xml, name="xml"),
    path("publish/", pages.publish, name="publish"),
    path("withdraw/", pages.withdraw, name="withdraw"),
]
