"""Reports are accessible documents (acceptance 6, first part): every kind of report is a tagged PDF (a structure
tree, marked content) in the report's language, with a title, declared PDF/A-2a and PDF/UA-1; the donor report's
table of contents links to its sections and the PDF has bookmarks; a French report says so (/Lang fr). Read with
pikepdf."""

import datetime as dt
import io

import pikepdf
import pytest

from monitoring.models import ReportKind
from monitoring.reports import jobs

pytestmark = pytest.mark.django_db

START, END = dt.date(2026, 1, 1), dt.date(2026, 6, 30)


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path


def _pdf(kind, user, *, partnership=None, language="en"):
    scope = {"partnership": partnership} if kind != ReportKind.PORTFOLIO else {"owner": user}
    report = jobs.report_request(kind=kind, period_start=START, period_end=END, language=language, by=user, **scope)
    made = jobs.report_generate(report.pk)
    return pikepdf.open(io.BytesIO(made.document.read()))


def _structure_types(node, found=None):
    found = set() if found is None else found
    kids = node.get("/K")
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]) if kids is not None else []:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            found.add(str(kid.S))
            _structure_types(kid, found)
    return found


def _assert_tagged(document, language):
    root = document.Root
    assert "/StructTreeRoot" in root, "no structure tree: the PDF is not tagged"
    assert bool(root.MarkInfo.Marked) is True
    assert str(root.Lang) == language
    types = _structure_types(root.StructTreeRoot)
    assert any(t in types for t in ("/H1", "/H2")), f"no headings in the structure tree: {sorted(types)}"
    metadata = document.open_metadata()
    assert str(metadata.get("dc:title", "")), "no document title"
    # Declared both archival (PDF/A-2a) and accessible (PDF/UA-1).
    assert (str(metadata.get("pdfaid:part")), str(metadata.get("pdfaid:conformance"))) == ("2", "A")
    assert str(metadata.get("pdfuaid:part")) == "1"
    assert bool(document.Root.ViewerPreferences.DisplayDocTitle) is True


@pytest.mark.parametrize("kind", [ReportKind.DONOR, ReportKind.PUBLIC])
def test_partnership_reports_are_tagged_in_their_language(kind, partnership, secretariat):
    with _pdf(kind, secretariat, partnership=partnership) as document:
        _assert_tagged(document, "en")


def test_the_portfolio_is_tagged_in_its_language(partnership, donor):
    with _pdf(ReportKind.PORTFOLIO, donor, language="de") as document:
        _assert_tagged(document, "de")


def test_a_french_report_is_tagged_french(partnership, secretariat):
    with _pdf(ReportKind.PUBLIC, secretariat, partnership=partnership, language="fr") as document:
        _assert_tagged(document, "fr")
    with _pdf(ReportKind.DONOR, secretariat, partnership=partnership, language="fr") as document:
        assert str(document.Root.Lang) == "fr"


def test_the_donor_reports_contents_link_to_its_sections(partnership, secretariat):
    with _pdf(ReportKind.DONOR, secretariat, partnership=partnership) as document:
        links = [
            annotation
            for page in document.pages
            for annotation in page.get("/Annots", [])
            if annotation.get("/Subtype") == "/Link" and ("/Dest" in annotation or "/A" in annotation)
        ]
        assert len(links) >= 10  # one per section of the contents
        with document.open_outline() as outline:
            assert len(outline.root) >= 1  # bookmarks for the headings
