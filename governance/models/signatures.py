"""What an MoU version keeps once it is signed: each organisation's signature and every scan of the wet-ink
copy. Append-only (msp.records)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from msp.records import AppendOnlyModel
from msp.storage import private_storage
from stakeholders.models import Organisation

from .base import RecordedOffline, _partnership_of_version
from .mou import MouVersion


class MouScan(AppendOnlyModel):
    """A scan of the wet-ink signed copy of a version. Every upload is kept (the latest is the version's
    `signed_scan`); none is deleted."""

    version = models.ForeignKey(MouVersion, on_delete=models.PROTECT, related_name="scans")
    file = models.FileField(storage=private_storage, upload_to="mou-scans/")
    uploaded_at = models.DateTimeField(default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("signed-copy scan")
        verbose_name_plural = _("signed-copy scans")

    def __str__(self):
        return f"{self.version} – {self.uploaded_at:%Y-%m-%d}"

    def get_additional_data(self):
        return {"partnership": _partnership_of_version(self)}


class MouSignature(AppendOnlyModel, RecordedOffline):
    """An organisation's signature of an MoU version. Append-only.

    `fingerprint` is the SHA-256 of the exact text signed (`MouVersion.signed_text()` at that moment); the name
    and position are as the signer gave them. A signature given on paper is recorded by the secretariat
    (`method` paper, the scanned page as `evidence`, `recorded_by`) and counts like one given online.
    """

    version = models.ForeignKey(MouVersion, on_delete=models.PROTECT, related_name="signatures")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    signer_name = models.CharField(_("name"), max_length=200)
    signer_position = models.CharField(_("position"), max_length=200)
    signed_at = models.DateTimeField(_("signed"), default=timezone.now)
    fingerprint = models.CharField(_("SHA-256 of the signed text"), max_length=64)

    class Meta:
        ordering = ["signed_at", "pk"]
        verbose_name = _("MoU signature")
        verbose_name_plural = _("MoU signatures")
        constraints = [
            models.UniqueConstraint(fields=["version", "organisation"], name="mou_signed_once_per_org"),
        ]

    def __str__(self):
        return f"{self.organisation} signed {self.version}"

    def get_additional_data(self):
        return {"partnership": _partnership_of_version(self)}
