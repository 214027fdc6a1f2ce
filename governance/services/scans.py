"""The scan of the wet-ink signed copy of an MoU version."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from msp import access, uploads

from ..models import MouScan, MouVersion
from .common import MS, _lock

SCAN_MAX_BYTES = uploads.upload_max_bytes()  # for help texts; the check reads the setting at each upload


def mou_scan_upload(*, version, by, file) -> MouVersion:
    """Attach a scan of the wet-ink signed copy (a PDF by its content, at most UPLOAD_MAX_MB) to a version sent for
    signature and not superseded. The newest scan is the version's `signed_scan`; every earlier one is kept (a
    MouScan row each), never deleted."""
    if file is None:
        raise ValidationError({"scan": _("Choose the PDF file of the scan.")})
    if file.size > uploads.upload_max_bytes():
        raise ValidationError(
            {
                "scan": _("The file is %(size)d MB; the limit is %(max)d MB.")
                % {"size": file.size // (1024 * 1024), "max": settings.UPLOAD_MAX_MB}
            }
        )
    if uploads.extension(file.name) != ".pdf" or not uploads.content_matches(file, ".pdf"):
        raise ValidationError({"scan": _("Only PDF files can be attached: this file is not a PDF.")})
    with transaction.atomic():
        locked = _lock(MouVersion, version)
        access.require(by, "change", locked.partnership)
        if locked.status in (MS.DRAFT, MS.IN_REVIEW):
            raise ValidationError(_("A signed copy can be attached once the version has been sent for signature."))
        if locked.status == MS.SUPERSEDED:
            raise ValidationError(
                _("Version %(n)d is superseded: a signed copy can no longer be attached to it.") % {"n": locked.number}
            )
        scan = MouScan(version=locked, uploaded_by=by)
        # The storage picks a free name, so an earlier scan's file is never overwritten.
        scan.file.save(f"p{locked.partnership_id}-mou-v{locked.number}.pdf", file, save=False)
        scan.save()
        locked.signed_scan.name = scan.file.name
        locked.scan_uploaded_at, locked.scan_uploaded_by = scan.uploaded_at, by
        locked.save(update_fields=["signed_scan", "scan_uploaded_at", "scan_uploaded_by"])
    return locked
