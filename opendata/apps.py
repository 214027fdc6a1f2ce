from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    """IATI 2.03 publication: each partnership as an IATI activity (opendata.iati), the installation's organisation
    file, the secretariat's preview and the public files. A top layer: it reads every app below it; only the API
    imports it."""

    name = "opendata"
    verbose_name = _("Open data")
