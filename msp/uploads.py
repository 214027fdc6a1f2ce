"""Uploaded files, checked by their content: one place for every upload of the project (signed MoU scans, evidence
of approvals, signatures and positions, meeting papers, spreadsheets to import).

A name can lie (a web page renamed .pdf, a program renamed .xlsx) and so can a first line (``%PDF-`` followed by
HTML), so a file is accepted only when its name ending and its content agree and the content parses as what it
claims: a PDF opens with pypdf and has a page, an image decodes its header with Pillow (the public story's photo
is decoded whole and re-encoded by monitoring.photos), an Office Open XML or OpenDocument file is a zip with the
application's part, a legacy Office file is an OLE compound file, and a text or CSV file has no NUL byte and
decodes (by its byte-order mark, else UTF-8, else Windows-1252, as stakeholders.files reads it).

Callers store what passed under a name they make (never the uploader's file name as a path) and serve it only
through a view that checks access, with the content type of `CONTENT_TYPES` and a Content-Disposition header.
Size limits are settings: UPLOAD_MAX_MB (documents and evidence), IMPORT_MAX_MB (spreadsheets),
MEETING_PAPER_MAX_MB (meeting papers).
"""

import codecs
import io
import logging
import warnings
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MB = 1024 * 1024
HEAD = 64 * 1024
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
OOXML_PART = {".docx": "word/", ".xlsx": "xl/", ".pptx": "ppt/"}
ODF_TYPE = {
    ".odt": b"application/vnd.oasis.opendocument.text",
    ".ods": b"application/vnd.oasis.opendocument.spreadsheet",
    ".odp": b"application/vnd.oasis.opendocument.presentation",
}
IMAGE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}
# The content type a stored file of each kind is served with: never guessed from the content (nosniff is set).
CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
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


def extension(name) -> str:
    """ ".pdf" for "Minutes.PDF"; "" without a dot."""
    name = (name or "").lower()
    return name[name.rfind(".") :] if "." in name else ""


def content_type(name) -> str:
    """The type to serve a stored file with, from its (generated) name: never text/html."""
    return CONTENT_TYPES.get(extension(name), "application/octet-stream")


def upload_max_bytes() -> int:
    return settings.UPLOAD_MAX_MB * MB


def import_max_bytes() -> int:
    return settings.IMPORT_MAX_MB * MB


def too_large(file, limit) -> bool:
    return file.size > limit


def content_matches(file, ext) -> bool:
    """Whether `file` (an uploaded file; left at its start) is a file of the kind its name ending `ext` says."""
    checker = _CHECKS.get(ext)
    if checker is None:
        return False
    file.seek(0)
    try:
        return checker(file, ext)
    finally:
        file.seek(0)


def _is_pdf(file, ext):
    if file.read(5) != b"%PDF-":
        return False
    file.seek(0)
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # a damaged file is refused, not narrated in the log
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return len(PdfReader(file).pages) > 0
    except Exception:
        return False


def _is_image(file, ext):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(file, formats=[IMAGE_FORMATS[ext]]) as image:
                image.verify()  # the structure, without decoding every pixel
        return True
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return False


def _is_ole(file, ext):
    return file.read(8) == OLE


def _is_zip_document(file, ext):
    if file.read(4) != ZIP:
        return False
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if ext in OOXML_PART:
                return "[Content_Types].xml" in names and any(n.startswith(OOXML_PART[ext]) for n in names)
            return "mimetype" in names and archive.read("mimetype").strip() == ODF_TYPE[ext]
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, RuntimeError):
        return False


def _is_text(file, ext):
    sample = file.read(HEAD)
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True  # Excel's "Unicode text": the reader decodes it and names a broken character precisely
    if b"\x00" in sample:
        return False
    # A cut at HEAD may split a UTF-8 character: decode incrementally, without the final flush.
    try:
        codecs.getincrementaldecoder("utf-8-sig")().decode(sample, final=False)
        return True
    except UnicodeDecodeError:
        pass
    try:
        sample.decode("cp1252")
        return True
    except UnicodeDecodeError:
        return False


_CHECKS = {
    ".pdf": _is_pdf,
    ".png": _is_image,
    ".jpg": _is_image,
    ".jpeg": _is_image,
    ".doc": _is_ole,
    ".xls": _is_ole,
    ".ppt": _is_ole,
    **dict.fromkeys(OOXML_PART, _is_zip_document),
    **dict.fromkeys(ODF_TYPE, _is_zip_document),
    ".txt": _is_text,
    ".csv": _is_text,
}


def is_pdf(data: bytes) -> bool:
    """Whether `data` parses as a PDF with at least one page."""
    return _is_pdf(io.BytesIO(data), ".pdf")


SPREADSHEETS = (".csv", ".txt", ".xlsx")


def check_spreadsheet(upload):
    """ValidationError unless `upload` is a CSV (or .txt) or XLSX file, by its name ending and its content, of at
    most IMPORT_MAX_MB. The import then reads it in bounded time and memory (stakeholders.files)."""
    if upload.size > import_max_bytes():
        raise ValidationError(
            _("The file is larger than %(max)d MB. Split it into smaller files.") % {"max": settings.IMPORT_MAX_MB},
            code="too_large",
        )
    ext = extension(upload.name)
    if ext not in SPREADSHEETS:
        raise ValidationError(_("Upload a .csv or .xlsx file."), code="kind")
    if not content_matches(upload, ext):
        raise ValidationError(
            _("“%(name)s” is not a %(type)s file inside: it may be damaged or renamed.")
            % {"name": upload.name, "type": ext[1:].upper()},
            code="content",
        )
