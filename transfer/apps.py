from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransferConfig(AppConfig):
    """Moving one partnership between installations: the export ZIP (transfer.export) and
    `manage.py import_partnership` (transfer.load). A top layer beside inbox: it reads every app below it and
    nothing imports it."""

    name = "transfer"
    verbose_name = _("Partnership export")
