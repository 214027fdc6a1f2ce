"""Which files a meeting paper may be: documents only, recognised by their name ending AND their content.

A name alone can lie (a program renamed .pdf) and so can a content alone (a zip is not a Word document), so both
must agree: PDF (`%PDF-`), Office Open XML and OpenDocument (a zip holding `[Content_Types].xml` with the
application's part, or a `mimetype` member naming the OpenDocument type), legacy Office (an OLE compound file),
and plain text or CSV (no NUL byte). The size limit is `settings.MEETING_PAPER_MAX_MB`.
"""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
OOXML_PART = {".docx": "word/", ".xlsx": "xl/", ".pptx": "ppt/"}
ODF_TYPE = {
    ".odt": b"application/vnd.oasis.opendocument.text",
    ".ods": b"application/vnd.oasis.opendocument.spreadsheet",
    ".odp": b"application/vnd.oasis.opendocument.presentation",
}
CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".xls": "application/vnd.ms-excel",
    ".ppt": "application/vnd.ms-powerpoint",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odt": ODF_TYPE[".odt"].decode(),
    ".ods": ODF_TYPE[".ods"].decode(),
    ".odp": ODF_TYPE[".odp"].decode(),
    ".txt": "text/plain; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
}


def extension(name):
    name = (name or "").lower()
    return name[name.rfind(".") :] if "." in name else ""


def max_bytes():
    return settings.MEETING_PAPER_MAX_MB * 1024 * 1024


def _zip_holds(file, ext):
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if ext in OOXML_PART:
                return "[Content_Types].xml" in names and any(n.startswith(OOXML_PART[ext]) for n in names)
            return "mimetype" in names and archive.read("mimetype").strip() == ODF_TYPE[ext]
    except (zipfile.BadZipFile, KeyError, OSError, EOFError):
        return False


def _content_matches(file, ext):
    head = file.read(8)
    file.seek(0)
    if ext == ".pdf":
        return head.startswith(b"%PDF-")
    if ext in (".doc", ".xls", ".ppt"):
        return head == OLE
    if ext in OOXML_PART or ext in ODF_TYPE:
        matches = head.startswith(ZIP) and _zip_holds(file, ext)
        file.seek(0)
        return matches
    sample = file.read(64 * 1024)  # .txt, .csv: text, not a binary renamed
    file.seek(0)
    return b"\x00" not in sample


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
    if not _content_matches(file, ext):
        raise ValidationError(
            {
                field: _("“%(name)s” is not a %(type)s file inside: it may be damaged or renamed.")
                % {"name": file.name, "type": ext[1:].upper()}
            }
        )
