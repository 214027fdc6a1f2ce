from django.db import models
from django.utils.translation import gettext_lazy as _

from msp.models import Partnership


class PartnershipOrigin(models.Model):
    """Where an imported partnership came from: its export identity, so that the same export is not imported
    twice by mistake (transfer.load refuses unless asked for a new copy). A partnership made here has none; its
    identity is this installation's (transfer.graph.identity_of)."""

    partnership = models.OneToOneField(Partnership, on_delete=models.CASCADE, related_name="origin")
    # "<installation>/msp.partnership:<pk>": the installation that first exported it and its key there.
    identity = models.CharField(_("export identity"), max_length=200)
    source_installation = models.CharField(_("exported from"), max_length=100)
    exported_at = models.DateTimeField(_("exported at"))
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)

    class Meta:
        verbose_name = _("partnership origin")
        verbose_name_plural = _("partnership origins")
        indexes = [models.Index(fields=["identity"], name="origin_identity")]

    def __str__(self):
        return self.identity
