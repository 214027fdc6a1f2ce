"""Documents rendered once and kept: a signed MoU (later checklists and reports) as an archival PDF with its hash.

A StoredDocument is append-only: written once by document_render(), never changed or deleted (not even with its
partnership: it has no foreign key to it). It belongs to any record through (subject_type, subject_id) and holds at
most one copy per kind and language, enforced by the database, so a duplicated or retried task that renders the
same copy again keeps the first and throws its own file away.
"""

import hashlib
import logging

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _

from .pdf import render_pdf
from .records import AppendOnlyError, AppendOnlyModel
from .storage import private_storage

logger = logging.getLogger(__name__)


# A stored document is an append-only record like a signature or a phase transition: msp.records guards it on every
# path (save of an existing row, delete, bulk update and delete). The old name stays for callers.
StoredDocumentChanged = AppendOnlyError


class StoredDocument(AppendOnlyModel):
    class Kind(models.TextChoices):
        MOU_FOR_SIGNATURE = "mou_for_signature", _("MoU as sent for signature")
        MOU_IN_FORCE = "mou_in_force", _("MoU in force, with its signatures")
        CHECKLIST_RUN = "checklist_run", _("Checklist run")
        DONOR_REPORT = "donor_report", _("Donor report")
        PUBLIC_REPORT = "public_report", _("Public report")
        PORTFOLIO_REPORT = "portfolio_report", _("Portfolio report")
        PORTFOLIO_XLSX = "portfolio_xlsx", _("Portfolio spreadsheet")

    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    kind = models.CharField(_("kind"), max_length=40, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=10)
    file = models.FileField(_("file"), storage=private_storage, upload_to="documents/%Y/%m/")
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    created_at = models.DateTimeField(_("rendered at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("stored document")
        verbose_name_plural = _("stored documents")
        constraints = [
            models.UniqueConstraint(
                fields=["subject_type", "subject_id", "kind", "language"], name="one_stored_document_per_kind"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.language}) {self.sha256[:12]}"

    def read(self) -> bytes:
        with self.file.open("rb") as handle:
            return handle.read()


def document_for(subject, kind, language):
    """The stored copy of `kind` in `language` of `subject`, or None."""
    return StoredDocument.objects.filter(
        subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk, kind=kind, language=language
    ).first()


def pdf_identifier(subject, kind, language) -> bytes:
    """The PDF file identifier of a stored copy: from what it is a copy of, so a re-render gives the same bytes."""
    subject_type = ContentType.objects.get_for_model(subject)
    key = f"{subject_type.app_label}.{subject_type.model}:{subject.pk}:{kind}:{language}"
    return hashlib.sha256(key.encode()).hexdigest()[:32].encode()


def document_render(*, subject, kind, language, html, name, accessible=False) -> StoredDocument:
    """Render `html` once as an archival, tagged PDF (PDF/A-2a; `accessible`: declared PDF/UA-1 too) and keep it
    with its SHA-256.

    Idempotent: returns the existing copy when there is one. Rendering is slow and happens outside any
    transaction; the unique constraint decides between two renders that raced. The HTML sets the PDF's dates
    (`<meta name="dcterms.created">`); the file identifier comes from the subject, so the same HTML gives the
    same bytes. Raises msp.pdf.PdfUnavailable where PDFs cannot be made.
    """
    existing = document_for(subject, kind, language)
    if existing is not None:
        return existing
    identifier = pdf_identifier(subject, kind, language)
    content = render_pdf(html, archival=True, identifier=identifier, accessible=accessible)
    return document_keep(subject=subject, kind=kind, language=language, content=content, name=f"{name}.pdf")


def document_keep(*, subject, kind, language, content: bytes, name) -> StoredDocument:
    """Keep `content` (a file already made: a PDF, a spreadsheet) as the stored copy of `kind` in `language` of
    `subject`, with its SHA-256; `name` is the file name, to which the hash is added. Idempotent like
    document_render: of two copies, the first stored is kept and the second's file is thrown away. The file is
    written before its row, so a worker killed in between leaves a file nobody sees, never a row without one."""
    existing = document_for(subject, kind, language)
    if existing is not None:
        return existing
    subject_type = ContentType.objects.get_for_model(subject)
    digest = hashlib.sha256(content).hexdigest()
    document = StoredDocument(
        subject_type=subject_type,
        subject_id=subject.pk,
        kind=kind,
        language=language,
        sha256=digest,
        size=len(content),
    )
    stem, dot, ext = name.rpartition(".")
    document.file.save(f"{stem}-{digest[:12]}{dot}{ext}", ContentFile(content), save=False)
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError:
        # Another task stored this copy first: keep theirs, drop our file.
        document.file.storage.delete(document.file.name)
        logger.info("Stored %s of %s %s already existed; kept the first.", kind, subject_type, subject.pk)
        return document_for(subject, kind, language)
    return document
