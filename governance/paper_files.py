"""Which files a meeting paper may be: documents only, recognised by their name ending AND their content.

A name alone can lie (a program renamed .pdf) and so can a content alone (a zip is not a Word document), so both
must agree (msp.uploads checks the content): PDF (parsed by pypdf), Office Open XML and OpenDocument (a zip
holding `[Content_Types].xml` with the application's part, or a `mimetype` member naming the OpenDocument type),
legacy Office (an OLE compound file), and plain text or CSV (no NUL byte, decodes). The size limit is `settings.MEETING_PAPER_MAX_MB`.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from msp import uploads
from msp.uploads import extension

__all__ = ["CONTENT_TYPES", "check_paper", "extension", "max_bytes"]

# The documents a paper may be (of the kinds msp.uploads knows), with the type each is served with.
CONTENT_TYPES = {
    ext: uploads.CONTENT_TYPES[ext]
    for ext in (".pdf", ".doc", ".xls", ".ppt", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".txt", ".csv")
}


def max_bytes():
    return settings.MEETING_PAPER_MAX_MB * 1024 * 1024


def check_paper(file, field="file"):
    """Raise ValidationError({field: message}) unless `file` is a document type under the size limit."""
    if file is None:
        raise ValidationError({field: _("Choose the file of the paper.")})
    if file.size > max_bytes():
        raise ValidationError(
            {
                field: _("The file is %(size)d MB; the limit is %(max)d MB.")
                % {"size": file.size // (1024 * 1024), "max": settings.MEETING_PAPER_MAX_MB}
            }
        )
    ext = extension(file.name)
    if ext not in CONTENT_TYPES:
        raise ValidationError(
            {field: _("Only documents can be uploaded: PDF, Word, Excel, PowerPoint, OpenDocument, plain text or CSV.")}
        )
    if not uploads.content_matches(file, ext):
        raise ValidationError(
            {
                field: _("“%(name)s” is not a %(type)s file inside: it may be damaged or renamed.")
                % {"name": file.name, "type": ext[1:].upper()}
            }
        )
