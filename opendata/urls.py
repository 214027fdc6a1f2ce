"""The secretariat's IATI pages under a partnership (mounted at partnerships/<partnership_pk>/open-data/)."""

app_name = "opendata"
urlpatterns = []
