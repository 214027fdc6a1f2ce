from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InboxConfig(AppConfig):
    """A person's own desk across their partnerships: My work (what awaits them), their notifications and how
    they want them, and the reminder jobs. The top layer: it reads every app below and nothing imports it."""

    name = "inbox"
    verbose_name = _("My work")
