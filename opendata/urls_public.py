"""The public IATI files: no sign-in, stable addresses to register with the IATI Registry."""

app_name = "iati"
urlpatterns = []
