"""Small files of every kind a meeting paper may (or may not) be, for the tests."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from governance.demo import evidence_pdf

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def _zip(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def ooxml(part):
    return _zip({"[Content_Types].xml": "<Types/>", f"{part}document.xml": "<x/>"})


def odf(kind):
    return _zip({"mimetype": f"application/vnd.oasis.opendocument.{kind}", "content.xml": "<x/>"})


ACCEPTED = {
    "agenda.pdf": evidence_pdf("Agenda"),
    "notes.doc": OLE,
    "budget.xls": OLE,
    "slides.ppt": OLE,
    "report.docx": ooxml("word/"),
    "budget.xlsx": ooxml("xl/"),
    "slides.pptx": ooxml("ppt/"),
    "report.odt": odf("text"),
    "budget.ods": odf("spreadsheet"),
    "slides.odp": odf("presentation"),
    "notes.txt": b"Agenda: budget, work plan.\n",
    "members.csv": b"name,country\nKavokiva,CI\n",
}


def upload(name, content):
    return SimpleUploadedFile(name, content)
