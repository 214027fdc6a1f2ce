"""What a version's page shows the secretariat about its parties: the party situation, the forms to record an
approval or a signature given outside the app, and the question asked before sending for signature."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import selectors
from ..models import MouVersion
from ..record_forms import OnRecordApprovalForm, PaperSignatureForm


def secretariat_party_context(version, members, approvals, signatures, *, record_form=None, paper_form=None):
    """What only the secretariat sees on a version's page: the party situation (joiners, leavers, who nobody can
    act for) and the forms to record an approval or a signature given outside the app."""
    situation = selectors.party_situation(version, members, approvals, signatures)
    context = {"situation": situation}
    if situation["open_for"] == "approve":
        context["record_form"] = record_form or OnRecordApprovalForm(organisations=selectors.outstanding(approvals))
    elif situation["open_for"] == "sign":
        context["paper_form"] = paper_form or PaperSignatureForm(organisations=selectors.outstanding(signatures))
    return context


def send_signature_confirm(version, approvals, members):
    """The question asked before sending for signature: it names the parties that have not approved the text and
    the members nobody can sign for in the app."""
    parts = [_("Send this version for signature? Its text is frozen from then on, and partners are e-mailed.")]
    if version.status == MouVersion.Status.IN_REVIEW:
        parts.append(_approval_sentence(approvals))
    elif version.status == MouVersion.Status.DRAFT:
        parts.append(_("It has not been sent for review: no member has approved this text."))
    unable = selectors.unable_to_act(version.partnership, members, sign=True)
    if unable:
        parts.append(
            _("Nobody can sign online for: %(names)s; their signatures will have to be recorded from paper.")
            % {"names": ", ".join(o.name for o, _reason in unable)}
        )
    return " ".join(parts)


def _approval_sentence(approvals):
    """How far the parties' approval of the text has come, naming those not yet approved."""
    missing = selectors.outstanding(approvals)
    n, done = len(approvals), len(approvals) - len(missing)
    names = ", ".join(o.name for o in missing)
    if missing and not done:
        return ngettext(
            "The party has not approved it yet: %(names)s.",
            "None of the %(n)d parties has approved it yet: %(names)s.",
            n,
        ) % {"n": n, "names": names}
    if missing:
        return ngettext(
            "Only %(done)d of %(n)d parties has approved it; not yet: %(names)s.",
            "Only %(done)d of %(n)d parties have approved it; not yet: %(names)s.",
            done,
        ) % {"done": done, "n": n, "names": names}
    return _("Every party has approved it.")
