"""A checklist run as a printable PDF: the partnership, the run's date, phase and trigger, the health per area and
overall, then every item by area with its result in words, its evidence and the judgement note.

A run never changes, so neither does its PDF: rendered once per language by a Celery task (phases.tasks) through
msp.documents (stored with its SHA-256, dated by the run, so a render gives the same bytes) and served as that file
on every download. The default language is the partnership's working language, the language the run's evidence is
written in (like the MoU's reference copy); another interface language may be asked for and is stored the same way.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from msp.documents import StoredDocument, document_for, document_render
from msp.text import file_slug

from . import runs
from .dashboard import _area_chart
from .models import ChecklistRun

KIND = StoredDocument.Kind.CHECKLIST_RUN


def working_language(partnership) -> str:
    return partnership.language or settings.LANGUAGE_CODE


def run_pdf_language(run, requested=None) -> str:
    """`requested` when the interface has it, else the partnership's working language."""
    return requested if requested in dict(settings.LANGUAGES) else working_language(run.partnership)


def run_pdf_stored(run, language):
    """The stored PDF of `run` in `language`, or None while it is not made yet."""
    return document_for(run, KIND, language)


def run_html(run, items) -> str:
    """The run as HTML for WeasyPrint, in the active language. `items`: the run's RunItems."""
    shown = runs.rows(run, items=items, today=run.created_at.date())
    notes = {i.item_id: i.judgement_note for i in items}
    grouped = [(area, share, [(row, notes.get(row.item.id, "")) for row in rows]) for area, share, rows in
               runs.by_area(shown, run.health)]  # fmt: skip
    return render_to_string(
        "reports/checklist.html",
        {
            "run": run,
            "partnership": run.partnership,
            "language": translation.get_language() or settings.LANGUAGE_CODE,
            "areas": runs.area_health(run),
            "chart": _area_chart(run),
            "grouped": [g for g in grouped if g[2]],
            "evidence_language": translation.get_language_info(working_language(run.partnership))["name_translated"],
            "other_language": translation.get_language() != working_language(run.partnership),
        },
    )


def run_pdf_store(*, run_id, language) -> StoredDocument:
    """Render and keep the PDF of a run in `language` (the Celery task's work). Idempotent: a second call returns
    the stored copy. Raises msp.pdf.PdfUnavailable where PDFs cannot be made."""
    run = ChecklistRun.objects.select_related("partnership").get(pk=run_id)
    existing = run_pdf_stored(run, language)
    if existing is not None:
        return existing
    with translation.override(language):
        html = run_html(run, list(run.items.all()))
    return document_render(
        subject=run, kind=KIND, language=language, html=html, name=run_pdf_filename(run, language).removesuffix(".pdf")
    )


def run_pdf_filename(run, language) -> str:
    """checklist-<partnership>-<date>[-<language>].pdf (the language only when not the working one)."""
    suffix = f"-{language}" if language != working_language(run.partnership) else ""
    return f"checklist-{file_slug(run.partnership.name)}-{run.created_at:%Y-%m-%d}-{run.pk}{suffix}.pdf"
