"""The public IATI files: no sign-in, stable addresses to register with the IATI Registry (mounted at /iati/)."""

from django.urls import path

from .views import public

app_name = "iati"
urlpatterns = [
    path("activities.xml", public.activities, name="activities"),
    path("activities/<path:identifier>.xml", public.activity, name="activity"),
    path("organisation.xml", public.organisation, name="organisation"),
]
