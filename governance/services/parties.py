"""Who is a party to a version after it was sent, and approvals and signatures given outside the app.

The rule for members joining or leaving while a version awaits approval or signature: its parties stay those of
the day it was sent. A member that joins later is not a party; the version's page shows it to the secretariat,
who either adds it as a party (its approval or signature is then awaited too) or leaves it for the next version.
A party that leaves stays a party (what it gave still counts); if it has not acted, the secretariat may remove
it, and the version is approved or comes into force when every remaining party has acted.

The secretariat records an approval (on paper or by e-mail) or a signature (on paper) given outside the app by a
party, with the evidence (the scanned page, the letter or the message: PDF or image). It counts like one given
online and is marked as such everywhere.
"""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from msp import access, uploads
from stakeholders.selectors import active_member_organisations

from ..models import Method, MouApproval, MouSignature, MouVersion, RoadmapApproval, RoadmapVersion
from .common import MS, RS, _lock
from .mou_signing import mou_after_signature
from .roadmap_review import roadmap_approve_if_complete

EVIDENCE_MAX_BYTES = uploads.upload_max_bytes()  # for help texts; the check reads the setting at each upload
EVIDENCE_KINDS = (".pdf", ".png", ".jpg", ".jpeg")


def check_evidence(file, *, field="evidence"):
    """Refuse a missing, too large, or other than PDF/PNG/JPEG evidence file: its name ending and its content
    (msp.uploads) must agree, so `_ext` of a checked file is a safe ending for the name the service makes."""
    if not file:
        raise ValidationError({field: _("Attach the signed page, letter or message as evidence (PDF or image).")})
    if file.size > uploads.upload_max_bytes():
        raise ValidationError(
            {
                field: _("The file is %(size)d MB; the limit is %(max)d MB.")
                % {"size": file.size // (1024 * 1024), "max": settings.UPLOAD_MAX_MB}
            }
        )
    ext = uploads.extension(file.name)
    if ext not in EVIDENCE_KINDS or not uploads.content_matches(file, ext):
        raise ValidationError({field: _("The evidence must be a PDF or an image (PNG or JPEG).")})


def _version_kind(version):
    return "roadmap" if isinstance(version, RoadmapVersion) else "mou"


def _open_for(locked):
    """The purpose the version's parties are asked for now ("approve" or "sign"), or None when it awaits nothing."""
    if isinstance(locked, RoadmapVersion):
        return "approve" if locked.status == RS.IN_REVIEW else None
    if locked.status == MS.IN_REVIEW:
        return "approve"
    return "sign" if locked.status in MouVersion.SIGNABLE else None


def _parties_rows(locked, purpose):
    rows = locked.parties.all()
    return rows.filter(purpose=purpose) if isinstance(locked, MouVersion) else rows


def _model(version):
    return RoadmapVersion if isinstance(version, RoadmapVersion) else MouVersion


def party_add(*, version, by, organisation):
    """Add a member that joined after the version was sent as a party to it (it then has to approve or sign)."""
    with transaction.atomic():
        locked = _lock(_model(version), version)
        access.require(by, "change", locked.partnership)
        purpose = _open_for(locked)
        if purpose is None:
            raise ValidationError(
                _("Version %(n)d is %(status)s: its parties can no longer change.")
                % {"n": locked.number, "status": locked.get_status_display().lower()}
            )
        if not active_member_organisations(locked.partnership).filter(pk=organisation.pk).exists():
            raise ValidationError(_("%(org)s is not an active member of this partnership.") % {"org": organisation})
        if _parties_rows(locked, purpose).filter(organisation=organisation).exists():
            raise ValidationError(_("%(org)s is already a party to this version.") % {"org": organisation})
        extra = {"purpose": purpose} if isinstance(locked, MouVersion) else {}
        return locked.parties.model.objects.create(
            version=locked,
            organisation=organisation,
            added_by=by,
            note=_("Joined after the version was sent; added by the secretariat."),
            **extra,
        )


def party_remove(*, version, by, organisation):
    """Remove a party that has left the partnership without approving or signing; the version is then approved
    or comes into force if every remaining party has acted."""
    with transaction.atomic():
        locked = _lock(_model(version), version)
        access.require(by, "change", locked.partnership)
        purpose = _open_for(locked)
        if purpose is None:
            raise ValidationError(
                _("Version %(n)d is %(status)s: its parties can no longer change.")
                % {"n": locked.number, "status": locked.get_status_display().lower()}
            )
        if active_member_organisations(locked.partnership).filter(pk=organisation.pk).exists():
            raise ValidationError(
                _("%(org)s is still a member: only a party that has left the partnership can be removed.")
                % {"org": organisation}
            )
        records = locked.approvals if purpose == "approve" else locked.signatures
        if records.filter(organisation=organisation).exists():
            raise ValidationError(
                _("%(org)s has already acted on this version; it stays a party.") % {"org": organisation}
            )
        row = _parties_rows(locked, purpose).filter(organisation=organisation).first()
        if row is None:
            raise ValidationError(_("%(org)s is not a party to this version.") % {"org": organisation})
        row.delete()
        if purpose == "sign":
            mou_after_signature(locked)
        elif isinstance(locked, RoadmapVersion):
            roadmap_approve_if_complete(locked)
    version.status = locked.status


def _at_noon(day):
    if isinstance(day, dt.datetime):
        return day
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


def _check_offline(locked, organisation, purpose, given_on, field="given_on"):
    if given_on > timezone.localdate():
        raise ValidationError({field: _("The date cannot be in the future.")})
    sent = locked.for_signature_at if purpose == "sign" else locked.sent_at
    if sent and given_on < timezone.localdate(sent):
        raise ValidationError(
            {
                field: _("The version was sent on %(day)s: it cannot have been approved or signed before.")
                % {"day": date_format(timezone.localdate(sent), "DATE_FORMAT")}
            }
        )
    if not _parties_rows(locked, purpose).filter(organisation=organisation).exists():
        raise ValidationError({"organisation": _("%(org)s is not a party to this version.") % {"org": organisation}})


def approve_on_record(*, version, by, organisation, name, method, given_on, evidence):
    """The secretariat records a party's approval given on paper or by e-mail (roadmap or MoU version in review),
    with the letter or message as evidence. Counts like an online approval."""
    name = (name or "").strip()
    if method not in (Method.PAPER, Method.EMAIL):
        raise ValidationError({"method": _("Say whether the approval was given on paper or by e-mail.")})
    if not name:
        raise ValidationError({"name": _("Who approved for the organisation? Give their name.")})
    check_evidence(evidence)
    with transaction.atomic():
        locked = _lock(_model(version), version)
        access.require(by, "record_for_organisation", locked.partnership)
        if _open_for(locked) != "approve":
            raise ValidationError(
                _("Version %(n)d is %(status)s; only a version in review can be approved.")
                % {"n": locked.number, "status": locked.get_status_display().lower()}
            )
        _check_offline(locked, organisation, "approve", given_on)
        if locked.approvals.filter(organisation=organisation).exists():
            raise ValidationError(_("%(org)s has already approved this version.") % {"org": organisation})
        model = RoadmapApproval if isinstance(locked, RoadmapVersion) else MouApproval
        approval = model(
            version=locked,
            organisation=organisation,
            by=None,
            approver_name=name,
            at=_at_noon(given_on),
            method=method,
            recorded_by=by,
        )
        approval.evidence.save(
            f"p{locked.partnership_id}-{_version_kind(locked)}-approval.{_ext(evidence)}", evidence, save=False
        )
        approval.save()
        if isinstance(locked, RoadmapVersion):
            roadmap_approve_if_complete(locked)
    version.status = locked.status
    return approval


def _ext(file):
    return file.name.rsplit(".", 1)[-1].lower()


def mou_sign_on_paper(*, version, by, organisation, name, position, signed_on, evidence):
    """The secretariat records a party's signature given on paper (who signed, position, date, the scanned page as
    evidence). It counts like an online signature (the fingerprint is that of the version's frozen text) and may
    bring the version into force."""
    name, position = (name or "").strip(), (position or "").strip()
    if not name or not position:
        raise ValidationError(_("Give the signer's name and position as they appear on the signed page."))
    check_evidence(evidence)
    with transaction.atomic():
        locked = _lock(MouVersion, version)
        access.require(by, "record_for_organisation", locked.partnership)
        if locked.status not in MouVersion.SIGNABLE:
            raise ValidationError(
                _("Version %(n)d is %(status)s; only a version sent for signature can be signed.")
                % {"n": locked.number, "status": locked.get_status_display().lower()}
            )
        _check_offline(locked, organisation, "sign", signed_on, field="signed_on")
        if locked.signatures.filter(organisation=organisation).exists():
            raise ValidationError(_("%(org)s has already signed this version.") % {"org": organisation})
        signature = MouSignature(
            version=locked,
            organisation=organisation,
            signed_by=None,
            signer_name=name,
            signer_position=position,
            signed_at=_at_noon(signed_on),
            fingerprint=locked.fingerprint,
            method=Method.PAPER,
            recorded_by=by,
        )
        signature.evidence.save(
            f"p{locked.partnership_id}-mou-v{locked.number}-signature.{_ext(evidence)}", evidence, save=False
        )
        try:
            with transaction.atomic():
                signature.save()
        except IntegrityError:
            raise ValidationError(_("%(org)s has already signed this version.") % {"org": organisation}) from None
        mou_after_signature(locked)
    version.status = locked.status
    return signature
