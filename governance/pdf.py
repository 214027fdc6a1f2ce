"""The MoU as a PDF (WeasyPrint): a summary of the partnership, every clause, and the signature table of the
version's parties (paper signatures marked; wet-ink signature lines for parties that can only sign on paper)."""

from django.template.loader import render_to_string
from django.utils import timezone

from msp.pdf import render_pdf
from stakeholders.models import Membership

from .formatting import to_html
from .selectors import outstanding, signature_status, unable_to_act
from .templatetags.governance_tags import shows_type


def _members_and_roles(partnership, organisations):
    """(organisation, role label) for `organisations`, with the role of their latest membership."""
    roles = {}
    for membership in Membership.objects.filter(
        partnership=partnership, organisation__in=[o.pk for o in organisations]
    ).order_by("joined_on", "pk"):
        roles[membership.organisation_id] = membership.get_role_display()
    return [(o, roles.get(o.pk, "")) for o in organisations]


def mou_pdf(version) -> bytes:
    """Render one MoU version (clauses, parties and signatures prefetched by the caller, or loaded here). Raises
    msp.pdf.PdfUnavailable where PDFs cannot be made."""
    partnership = version.partnership
    clauses = list(version.clauses.all())
    signatures = signature_status(version)
    on_paper = set()
    if version.is_signable:
        on_paper = {o.pk for o, _reason in unable_to_act(partnership, outstanding(signatures), sign=True)}
    html = render_to_string(
        "reports/mou.html",
        {
            "version": version,
            "partnership": partnership,
            "countries": list(partnership.countries.all()),
            "sdg_goals": list(partnership.sdg_goals.all()),
            "members": _members_and_roles(partnership, [s.organisation for s in signatures]),
            "clauses": [(c, to_html(c.text), shows_type(c)) for c in clauses],
            "signatures": [(s, s.organisation.pk in on_paper) for s in signatures],
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
