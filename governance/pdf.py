"""The MoU as a PDF (WeasyPrint): title, status, every clause, and the signature table with fingerprints."""

from django.template.loader import render_to_string
from django.utils import timezone

from msp.pdf import render_pdf

from .formatting import to_html
from .selectors import signature_status


def mou_pdf(version) -> bytes:
    """Render one MoU version (clauses and signatures prefetched by the caller, or loaded here). Raises
    msp.pdf.PdfUnavailable where PDFs cannot be made."""
    clauses = list(version.clauses.all())
    html = render_to_string(
        "reports/mou.html",
        {
            "version": version,
            "partnership": version.partnership,
            "clauses": [(c, to_html(c.text)) for c in clauses],
            "signatures": signature_status(version),
            "fingerprint": version.fingerprint or version.compute_fingerprint(clauses),
            "generated_at": timezone.now(),
        },
    )
    return render_pdf(html)


def mou_pdf_filename(version) -> str:
    slug = "".join(ch if ch.isalnum() else "-" for ch in version.partnership.name.lower()).strip("-")
    while "--" in slug:
        slug = slug.replace("--", "-")
    return f"mou-{slug[:50]}-v{version.number}.pdf"
