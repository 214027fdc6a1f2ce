"""What a MoU version's page shows: the clauses with their comment threads, approvals and signatures, what the
user may do for their organisation, and (for the secretariat) the parties. Built here for the page view and for
the actions that show the page again after a refusal."""

from django.shortcuts import render

from msp import access
from msp.views import partnership_context
from stakeholders.selectors import active_member_organisations

from .. import selectors
from ..formatting import to_html
from ..forms import CommentForm, ScanForm, SignForm, TerminateForm
from ..models import MouVersion
from .party_context import secretariat_party_context, send_signature_confirm


def mou_context(request, partnership, version, context, *, comment_form=None, sign_form=None, terminate_form=None,
                scan_form=None, record_form=None, paper_form=None, error=None):  # fmt: skip
    """The MoU page's context, added to `context` (which holds the partnership's)."""
    user = request.user
    version = selectors.mou_version_full(partnership, version.number)
    members = list(active_member_organisations(partnership))
    can_act = access.can(user, "act_for_organisation", partnership)
    contact = selectors.acting_contact(user, partnership) if can_act else None
    approvals = selectors.approval_status(version, members)
    signatures = selectors.signature_status(version, members)
    clauses = list(version.clauses.all())
    fingerprint = version.fingerprint or version.compute_fingerprint(clauses)
    if context["can_change"]:
        context.update(_secretariat_context(version, members, approvals, signatures, record_form, paper_form))
    context.update(_acting_context(user, contact, approvals, signatures, sign_form, fingerprint))
    context.update(_comments_context(user, partnership, version, clauses, comment_form))
    context.update(_status_context(user, partnership, version, approvals, signatures))
    context.update(
        members=members,
        fingerprint=fingerprint,
        can_act=can_act,
        can_sign=contact is not None and access.can(user, "sign_mou", partnership),
        can_see_evidence=access.can(user, "view_evidence", partnership),
        terminate_form=terminate_form or TerminateForm(),
        scan_form=scan_form or ScanForm(),
        error=error,
        Status=MouVersion.Status,
    )
    return context


def _status_context(user, partnership, version, approvals, signatures):
    """The version, its scans, the partnership's other versions the user may read (and the one before this one,
    to compare with), and who has approved and signed it."""
    versions = MouVersion.objects.filter(partnership=partnership).order_by("-number")
    versions = list(access.readable_versions(user, partnership, versions).values("number", "status"))
    return {
        "version": version,
        "scans": list(version.scans.all()),
        "versions": versions,
        "previous": next((v["number"] for v in versions if v["number"] < version.number), None),
        "approvals": approvals,
        "signatures": signatures,
        "unsigned": selectors.outstanding(signatures),
        "unapproved": selectors.outstanding(approvals),
    }


def _secretariat_context(version, members, approvals, signatures, record_form, paper_form):
    context = secretariat_party_context(
        version, members, approvals, signatures, record_form=record_form, paper_form=paper_form
    )
    if version.status in (MouVersion.Status.DRAFT, MouVersion.Status.IN_REVIEW):
        context["send_signature_confirm"] = send_signature_confirm(version, approvals, members)
    return context


def _comments_context(user, partnership, version, clauses, comment_form):
    can_see_comments = access.can(user, "view", partnership)
    comments = list(version.comments.all()) if can_see_comments else []
    by_clause = {}
    for root, replies in selectors.threads(comments):
        by_clause.setdefault(root.clause_id, []).append((root, replies))
    return {
        "clauses": [(c, to_html(c.text), by_clause.get(c.pk, [])) for c in clauses],
        "general_threads": by_clause.get(None, []),
        # The general-comments header counts the general threads only; clause threads show under their clause.
        "open_threads": sum(1 for c in comments if c.parent_id is None and c.clause_id is None and not c.is_resolved),
        "can_comment": access.can(user, "comment_agreement", partnership) and version.is_commentable,
        "can_see_comments": can_see_comments,
        "comment_form": comment_form or CommentForm(),
    }


def _acting_context(user, contact, approvals, signatures, sign_form, fingerprint):
    """What the user may do for their organisation: its approval and signature, and the form to sign with."""
    mine = contact.organisation_id if contact else None
    if sign_form is None and contact:
        sign_form = SignForm(
            initial={
                "organisation": contact.organisation_id,
                "name": contact.name or user.get_full_name(),
                "position": contact.job_title,
                "fingerprint": fingerprint,
            }
        )
    return {
        "contact": contact,
        "my_approval": next((s for s in approvals if contact and s.organisation.pk == mine), None),
        "my_signature": next((s for s in signatures if contact and s.organisation.pk == mine), None),
        "sign_form": sign_form,
    }


def _mou_page(request, partnership, version, *, status=200, **forms):
    """The MoU page again, after a refused action: with the form as it was sent and what went wrong."""
    context = partnership_context(request, partnership, active_tab="mou")
    context = mou_context(request, partnership, version, context, **forms)
    return render(request, "governance/mou_version.html", context, status=status)
