from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    """IATI 2.03 publication: each partnership as an IATI activity (opendata.iati), the installation's organisation
    file, the secretariat's preview and the public files. A top layer: it reads every app below it; only the API
    imports it."""

    name = "opendata"
    verbose_name = _("Open data")

    def ready(self):
        from auditlog.registry import auditlog

        from .models import Publication

        # Publishing and withdrawing show in the partnership's activity feed (Publication.get_additional_data files
        # them under it). The entry's actor says who; the first publication's date is the "added" entry's own.
        auditlog.register(Publication, exclude_fields=["published_by", "first_published_at"])
