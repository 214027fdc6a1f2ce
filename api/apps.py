from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The REST API (Django REST framework) over every app, with personal API tokens and an OpenAPI schema. The top
    layer: it reads through each app's selectors, writes through each app's services, asks msp.access for every
    right; nothing imports it."""

    name = "api"
    verbose_name = _("API")

    def ready(self):
        from . import schema  # noqa: F401  (registers the token scheme with drf-spectacular)
