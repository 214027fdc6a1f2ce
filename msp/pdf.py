"""Making PDF files: the one place that calls WeasyPrint, and the page shown where it cannot run.

WeasyPrint needs system libraries (Pango, HarfBuzz) that pip does not install; without them `import weasyprint`
fails with OSError (or ImportError without the package). Every PDF goes through render_pdf(), so that failure
becomes PdfUnavailable, which views answer with pdf_unavailable(): a 503 page saying what is missing and how to
install it, instead of a 500.
"""

import contextlib
import gc
import logging

from django.shortcuts import render
from django.utils.http import content_disposition_header

logger = logging.getLogger(__name__)


class PdfUnavailable(Exception):
    """PDF files cannot be made on this machine (WeasyPrint or its system libraries are missing)."""


def render_pdf(html, base_url=None, *, archival=False, identifier=None, accessible=False) -> bytes:
    """The PDF of an HTML document. Raises PdfUnavailable when WeasyPrint cannot be loaded.

    `accessible`: also declared PDF/UA-1 (reports). `archival`: PDF/A-2a, which is also tagged (structure for screen readers) and embeds its fonts and colour
    profile. WeasyPrint then writes a file identifier (random unless `identifier` is given) and takes the dates
    from the HTML's dcterms meta elements, so with both fixed the same HTML gives the same bytes.
    """
    try:
        import weasyprint  # imported here: loading its native libraries is slow and only PDFs need them
    except (OSError, ImportError) as exc:
        raise PdfUnavailable(str(exc)) from exc
    options = {"pdf_variant": "pdf/a-2a", "pdf_identifier": identifier} if archival else {}
    with collector_paused():
        return _write(weasyprint, html, base_url, options, accessible)


def _write(weasyprint, html, base_url, options, accessible) -> bytes:
    if not accessible:
        return weasyprint.HTML(string=html, base_url=base_url).write_pdf(**options)
    document = weasyprint.HTML(string=html, base_url=base_url).render(**options)
    document.metadata.__class__ = _accessible_metadata(type(document.metadata))
    return document.write_pdf(**options)


@contextlib.contextmanager
def collector_paused():
    """Python's cyclic garbage collector off for the time of one render. WeasyPrint allocates millions of small
    objects (boxes, styles, layouts) and the collector, triggered every few hundred allocations, walks the
    process's long-lived objects again and again: a fifth of a donor report's time in a worker that has loaded
    Django (measured: 3.1 s with it, 2.6 s without). Reference counting still frees what it can; the cycles the
    render leaves (some 30 MB for a 27-page report) are collected by the next automatic collection after it is
    back on. Left as it was when the caller had turned it off itself."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _accessible_metadata(base):
    """WeasyPrint's metadata class, also declaring PDF/UA-1 (`pdfuaid:part`) beside PDF/A. The tagging PDF/UA asks
    for (structure tree, /Lang, /MarkInfo, DisplayDocTitle, alternative texts) is what PDF/A-2a already writes;
    WeasyPrint only declares one standard per file, so the second declaration is added here."""
    from xml.etree.ElementTree import fromstring, tostring

    ua = "http://www.aiim.org/pdfua/ns/id/"
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

    class AccessibleMetadata(base):
        def generate_rdf_metadata(self, variant, version, conformance):
            tree = fromstring(super().generate_rdf_metadata(variant, version, conformance))
            description = tree.find(f"{{{rdf}}}Description")
            description.set(f"{{{ua}}}part", "1")
            return tostring(tree)

    return AccessibleMetadata


def attachment(response, filename):
    """Mark `response` as a download named `filename`, RFC 6266 style (filename* for names beyond ASCII, which
    browsers otherwise save as "download.pdf")."""
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response


def pdf_unavailable(request, error, *, back_url=None):
    """The answer to a PDF request where PDFs cannot be made: what is missing and how to install it (503)."""
    logger.error("PDF requested but WeasyPrint cannot be loaded: %s", error)
    context = {
        "back_url": back_url,
        "detail": str(error) if request.user.is_superuser or request.user.is_staff else "",
    }
    return render(request, "pdf_unavailable.html", context, status=503)
