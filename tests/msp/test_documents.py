"""The stored-document service: the same HTML gives the same bytes, a copy is kept once, and never changes."""

import hashlib
import shutil

import pytest

from msp import documents
from msp.documents import StoredDocument, StoredDocumentChanged, document_render, pdf_identifier
from msp.pdf import render_pdf

pytestmark = pytest.mark.skipif(not shutil.which("pdfinfo"), reason="needs WeasyPrint's system libraries")

HTML = """<html lang="en"><head><title>Agreement</title>
<meta name="dcterms.created" content="2026-03-04T05:06:07Z"><meta name="dcterms.modified" content="2026-03-04T05:06:07Z">
</head><body><h1>Agreement</h1><p>We agree.</p></body></html>"""


def _render(partnership, language="en"):
    return document_render(subject=partnership, kind="mou_in_force", language=language, html=HTML, name="agreement")


def test_the_same_html_renders_to_the_same_bytes(partnership):
    document = _render(partnership)
    again = render_pdf(HTML, archival=True, identifier=pdf_identifier(partnership, "mou_in_force", "en"))
    assert hashlib.sha256(again).hexdigest() == document.sha256 == hashlib.sha256(document.read()).hexdigest()


def test_a_copy_is_rendered_once(partnership):
    first = _render(partnership)
    assert _render(partnership) == first
    assert StoredDocument.objects.count() == 1


def test_a_render_that_lost_the_race_keeps_the_first_copy_and_drops_its_file(
    partnership, settings, monkeypatch, tmp_path
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    first = _render(partnership)
    monkeypatch.setattr(documents, "document_for", lambda *a: None)  # as if the other render had not landed yet
    again = documents.document_render(
        subject=partnership, kind="mou_in_force", language="en", html=HTML, name="agreement"
    )
    assert again is None or again == first  # document_for is stubbed; the row count is what matters
    assert StoredDocument.objects.count() == 1
    assert [p.name for p in (tmp_path / "documents").rglob("*.pdf")] == [first.file.name.rsplit("/", 1)[-1]]


def test_a_stored_document_never_changes(partnership):
    document = _render(partnership)
    document.sha256 = "0" * 64
    with pytest.raises(StoredDocumentChanged):
        document.save()
    with pytest.raises(StoredDocumentChanged):
        document.delete()
    with pytest.raises(StoredDocumentChanged):
        StoredDocument.objects.update(size=1)
    with pytest.raises(StoredDocumentChanged):
        StoredDocument.objects.all().delete()
