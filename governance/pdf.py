"""The MoU as a PDF (WeasyPrint): a summary of the partnership, every clause, and the signature table of the
version's parties (paper signatures marked; wet-ink signature lines for parties that can only sign on paper).

A version sent for signature and a version in force each get one stored copy (msp.documents), rendered by a
Celery task (governance.tasks) in the partnership's language: the reference, served on every download, so two
downloads are the same file. Anything else (drafts, versions in review, a stored copy not made yet, another
language) renders on demand and says so on its first page.
"""

from types import SimpleNamespace

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.utils import timezone, translation

from msp.documents import StoredDocument, document_for, document_render
from msp.pdf import render_pdf
from msp.text import file_slug
from stakeholders.models import Membership

from .formatting import to_html
from .models import MouVersion
from .selectors import mou_version_for_pdf, outstanding, signature_status, unable_to_act
from .templatetags.governance_tags import shows_type

Kind = StoredDocument.Kind
MS = MouVersion.Status


def _members_and_roles(partnership, organisations):
    """(organisation, role label) for `organisations`, with the role of their latest membership."""
    roles = {}
    for membership in Membership.objects.filter(
        partnership=partnership, organisation__in=[o.pk for o in organisations]
    ).order_by("joined_on", "pk"):
        roles[membership.organisation_id] = membership.get_role_display()
    return [(o, roles.get(o.pk, "")) for o in organisations]


def mou_language(version) -> str:
    """The language of the stored copies: the partnership's working language."""
    return version.partnership.language or settings.LANGUAGE_CODE


def pdf_language(version, requested) -> str:
    """The language a download is in: `requested` when the interface has it, else the working language."""
    return requested if requested in dict(settings.LANGUAGES) else mou_language(version)


def _snapshot(version, kind):
    """What the copy shows as the version's state: for a stored copy, the moment it stands for (a copy rendered
    late by the sweep still shows the text as sent, or the version as it came into force), else the state now."""
    if kind == Kind.MOU_FOR_SIGNATURE:
        return MS.FOR_SIGNATURE, MS.FOR_SIGNATURE.label, version.for_signature_at, None
    if kind == Kind.MOU_IN_FORCE:
        return MS.IN_FORCE, MS.IN_FORCE.label, version.in_force_at, None
    return version.status, version.get_status_display(), None, version.ended_at


def mou_html(version, *, kind=None, translation_of=None) -> str:
    """The MoU as HTML for WeasyPrint. `kind`: render as that stored copy (dates fixed, no "generated now").
    `translation_of`: the language of the stored reference this on-demand copy translates."""
    partnership = version.partnership
    clauses = list(version.clauses.all())
    signatures = signature_status(version)
    on_paper = set()
    if version.is_signable or kind == Kind.MOU_FOR_SIGNATURE:
        on_paper = {o.pk for o, _reason in unable_to_act(partnership, outstanding(signatures), sign=True)}
    if kind == Kind.MOU_FOR_SIGNATURE:  # the text to sign: no signatures yet
        signatures = [SimpleNamespace(organisation=s.organisation, record=None) for s in signatures]
    status, status_label, rendered_at, ended_at = _snapshot(version, kind)
    return render_to_string(
        "reports/mou.html",
        {
            "version": version,
            "partnership": partnership,
            "language": translation.get_language() or settings.LANGUAGE_CODE,
            "status": status,
            "status_label": status_label,
            "signable": status in MouVersion.SIGNABLE or status in (MS.DRAFT, MS.IN_REVIEW),
            "ended_at": ended_at,
            "stored_kind": kind,
            "rendered_at": rendered_at,
            # Named in the language of this copy ("anglais" in a French one).
            "translation_of": translation.get_language_info(translation_of)["name_translated"]
            if translation_of
            else "",
            "countries": list(partnership.countries.all()),
            "sdg_goals": list(partnership.sdg_goals.all()),
            "members": _members_and_roles(partnership, [s.organisation for s in signatures]),
            "clauses": [(c, to_html(c.text), shows_type(c)) for c in clauses],
            "signatures": [(s, s.organisation.pk in on_paper) for s in signatures],
            "fingerprint": version.fingerprint or version.compute_fingerprint(clauses),
            "generated_at": timezone.now(),
        },
    )


def mou_pdf(version) -> bytes:
    """Render one MoU version on demand (clauses, parties and signatures prefetched by the caller, or loaded
    here). Raises msp.pdf.PdfUnavailable where PDFs cannot be made."""
    return render_pdf(mou_html(version))


def stored_kind(version):
    """Which stored copy stands for `version` now: the in-force copy once it came into force (also when later
    superseded or terminated), the for-signature copy once sent for signature, else None (drafts, in review)."""
    if version.in_force_at:
        return Kind.MOU_IN_FORCE
    if version.for_signature_at:
        return Kind.MOU_FOR_SIGNATURE
    return None


def mou_stored_copy(version):
    """The stored copy that stands for `version` now, or None when it has none (yet)."""
    kind = stored_kind(version)
    return document_for(version, kind, mou_language(version)) if kind else None


def mou_pdf_file(version, language=None):
    """What a download of `version` serves: (bytes, the StoredDocument or None).

    In the working language (the default): the stored copy when there is one, else a render on demand. In
    another `language` (on request): a render on demand, marked as a translation of the stored reference.
    Whatever the reader's interface language. Raises PdfUnavailable."""
    working = mou_language(version)
    language = pdf_language(version, language)
    if language == working:
        stored = mou_stored_copy(version)
        if stored is not None:
            return stored.read(), stored
        with translation.override(working):
            return mou_pdf(version), None
    with translation.override(language):
        return render_pdf(mou_html(version, translation_of=working)), None


def mou_store(*, version_id, kind) -> StoredDocument | None:
    """Render and keep the `kind` copy of a version (the Celery task's work). Idempotent. None when the version
    never reached the state the copy stands for."""
    version = MouVersion.objects.select_related("partnership").get(pk=version_id)
    if (kind == Kind.MOU_FOR_SIGNATURE and not version.for_signature_at) or (
        kind == Kind.MOU_IN_FORCE and not version.in_force_at
    ):
        return None
    language = mou_language(version)
    existing = document_for(version, kind, language)
    if existing is not None:
        return existing
    version = mou_version_for_pdf(version.partnership, version.number)
    with translation.override(language):
        html = mou_html(version, kind=kind)
    return document_render(
        subject=version, kind=kind, language=language, html=html, name=mou_pdf_filename(version).removesuffix(".pdf")
    )


def mou_copies_missing():
    """(version id, kind) of every stored copy that should exist and does not: what the sweep renders."""
    documents = StoredDocument.objects.filter(
        subject_type=ContentType.objects.get_for_model(MouVersion), subject_id=OuterRef("pk")
    )
    missing = []
    for kind, reached in ((Kind.MOU_FOR_SIGNATURE, "for_signature_at"), (Kind.MOU_IN_FORCE, "in_force_at")):
        rows = MouVersion.objects.filter(**{f"{reached}__isnull": False}).exclude(Exists(documents.filter(kind=kind)))
        missing += [(pk, kind) for pk in rows.values_list("pk", flat=True)]
    return missing


def mou_pdf_filename(version, language=None) -> str:
    """mou-<partnership>-v<n>.pdf; a translation (a language other than the working one) ends in -<language>."""
    suffix = f"-{language}" if language and language != mou_language(version) else ""
    return f"mou-{file_slug(version.partnership.name)}-v{version.number}{suffix}.pdf"
