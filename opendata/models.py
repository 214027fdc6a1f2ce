from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from msp.models import Partnership


class Publication(models.Model):
    """A partnership's IATI publication. Made when the secretariat first marks it for publication; from then on its
    activity identifier is fixed (IATI: an activity's identifier never changes, even when the reporting
    organisation's settings do), and `is_published` says whether the public file is served."""

    partnership = models.OneToOneField(Partnership, on_delete=models.PROTECT, related_name="iati_publication")
    # The reporting organisation's identifier, a hyphen and the partnership's own part: fixed at the first
    # publication (Publication.save refuses a change; a database trigger would be overkill for one column).
    identifier = models.CharField(_("IATI activity identifier"), max_length=200, unique=True)
    is_published = models.BooleanField(_("published"), default=False)
    first_published_at = models.DateTimeField(_("first published"), auto_now_add=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("IATI publication")
        verbose_name_plural = _("IATI publications")

    def __str__(self):
        return self.identifier

    def save(self, *args, **kwargs):
        if self.pk:
            stored = type(self).objects.filter(pk=self.pk).values_list("identifier", flat=True).first()
            if stored is not None and stored != self.identifier:
                raise ValidationError(_("An IATI activity identifier never changes once published."))
        super().save(*args, **kwargs)

    def get_additional_data(self):
        """Read by auditlog: files this record's changes under the partnership's activity feed."""
        return {"partnership": self.partnership_id}
