"""Sending an MoU version for review or signature, its approval, signatures, coming into force and termination."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from msp import access
from msp.documents import StoredDocument
from msp.models import person_name
from msp.notices import NoticeKind
from msp.services import notify
from phases.services import after_change

from .. import selectors, tasks
from ..models import MouApproval, MouSignature, MouVersion
from .common import MS, _fix_parties, _lock, _require_party


def _send(locked, to, by):
    if locked.status == MS.DRAFT and not locked.clauses.exists():
        raise ValidationError(_("Add at least one clause before sending the MoU."))
    locked.move_to(to)
    now = timezone.now()
    if not locked.fingerprint:
        locked.fingerprint = locked.compute_fingerprint()
    if to == MS.IN_REVIEW:
        locked.sent_at = now
    else:
        locked.for_signature_at = now
    # Versions still in review or being signed are replaced by this one; the version in force stays in force
    # until this one is signed by everyone.
    older = MouVersion.objects.select_for_update().filter(
        partnership=locked.partnership, status__in=[MS.IN_REVIEW, MS.FOR_SIGNATURE, MS.PARTIALLY_SIGNED]
    )
    for row in older.exclude(pk=locked.pk):
        row.move_to(MS.SUPERSEDED)
        row.ended_at = now
        row.save(update_fields=["status", "ended_at"])
    locked.save(update_fields=["status", "fingerprint", "sent_at", "for_signature_at"])
    _fix_parties(locked, "approve" if to == MS.IN_REVIEW else "sign", by)


def mou_send_for_review(*, version, by) -> MouVersion:
    """draft → in review: frozen, partners e-mailed that it awaits their review."""
    with transaction.atomic():
        locked = _lock(MouVersion, version)
        access.require(by, "change", locked.partnership)
        _send(locked, MS.IN_REVIEW, by)
        notify(
            partnership=locked.partnership,
            recipients=selectors.partner_users(locked.partnership),
            subject=lambda: (
                _("MoU v%(n)d of %(name)s awaits your review") % {"n": locked.number, "name": locked.partnership.name}
            ),
            body=lambda: (
                _(
                    "%(who)s sent version %(n)d of the memorandum of understanding of %(name)s for review. Please "
                    "read it, comment on its clauses, and approve it for your organisation."
                )
                % {"who": person_name(by), "n": locked.number, "name": locked.partnership.name}
            ),
            link=locked.get_absolute_url(),
            kind=NoticeKind.REVIEW,
            key=f"mou:{locked.pk}",
        )
    return locked


def mou_send_for_signature(*, version, by) -> MouVersion:
    """draft or in review → for signature: frozen, partners e-mailed that it awaits their signature."""
    with transaction.atomic():
        locked = _lock(MouVersion, version)
        access.require(by, "change", locked.partnership)
        _send(locked, MS.FOR_SIGNATURE, by)
        _store_copy_on_commit(locked, StoredDocument.Kind.MOU_FOR_SIGNATURE)
        notify(
            partnership=locked.partnership,
            recipients=selectors.partner_users(locked.partnership),
            subject=lambda: (
                _("MoU v%(n)d of %(name)s awaits signature") % {"n": locked.number, "name": locked.partnership.name}
            ),
            body=lambda: (
                _(
                    "%(who)s sent version %(n)d of the memorandum of understanding of %(name)s for signature. If "
                    "you may sign for your organisation, please read it and sign it online."
                )
                % {"who": person_name(by), "n": locked.number, "name": locked.partnership.name}
            ),
            link=locked.get_absolute_url(),
            kind=NoticeKind.SIGNATURE,
            key=f"mou:{locked.pk}",
        )
    return locked


def _store_copy_on_commit(locked, kind):
    """The stored PDF copy (the reference every download serves) is rendered once, by a worker, after commit."""
    version_id = locked.pk
    transaction.on_commit(lambda: tasks.queue_mou_copy(version_id, kind))


def mou_terminate(*, version, by, reason) -> MouVersion:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the MoU is terminated.")})
    with transaction.atomic():
        locked = _lock(MouVersion, version)
        access.require(by, "change", locked.partnership)
        locked.move_to(MS.TERMINATED)
        locked.ended_at, locked.termination_reason = timezone.now(), reason
        locked.save(update_fields=["status", "ended_at", "termination_reason"])
        after_change(locked.partnership)
        notify(
            partnership=locked.partnership,
            recipients=selectors.everyone_on(locked.partnership),
            subject=lambda: _("The MoU of %(name)s is terminated") % {"name": locked.partnership.name},
            body=lambda: (
                _("%(who)s recorded that version %(n)d of the MoU is terminated.\n\nReason: %(reason)s")
                % {"who": person_name(by), "n": locked.number, "reason": reason}
            ),
            link=locked.get_absolute_url(),
        )
    return locked


def mou_approve(*, version, by, organisation=None) -> MouApproval:
    """A partner approves the version in review for their organisation (the secretariat then sends it for
    signature)."""
    with transaction.atomic():
        locked = _lock(MouVersion, version)
        acting = access.require(by, "approve_mou", locked, organisation=organisation)
        if locked.status != MS.IN_REVIEW:
            raise ValidationError(
                _("Version %(n)d is %(status)s; only a version in review can be approved.")
                % {"n": locked.number, "status": locked.get_status_display().lower()}
            )
        _require_party(locked, acting.organisation, "approve")
        if locked.approvals.filter(organisation=acting.organisation).exists():
            raise ValidationError(_("%(org)s has already approved this version.") % {"org": acting.organisation})
        return MouApproval.objects.create(version=locked, organisation=acting.organisation, by=by)


def mou_sign(*, version, by, name, position, fingerprint, organisation=None) -> MouSignature:
    """A partner who may sign for their organisation signs the version that is for signature.

    `fingerprint` is the SHA-256 of the text the signer was shown; it must match the version's text now. The
    version row is locked, so two partners signing at the same moment are counted one after the other: both
    signatures are kept and exactly one of them brings the version into force (superseding the previous
    version in force).
    """
    name, position = (name or "").strip(), (position or "").strip()
    with transaction.atomic():
        locked = _lock(MouVersion, version)
        acting = access.require(by, "sign_mou", locked, organisation=organisation)
        if locked.status not in MouVersion.SIGNABLE:
            raise ValidationError(
                _("Version %(n)d is %(status)s; only a version sent for signature can be signed.")
                % {"n": locked.number, "status": locked.get_status_display().lower()}
            )
        _require_party(locked, acting.organisation, "sign")
        existing = locked.signatures.filter(organisation=acting.organisation).select_related("signed_by").first()
        if existing:
            raise ValidationError(
                _("%(org)s has already signed this version (%(who)s, %(when)s).")
                % {
                    "org": acting.organisation,
                    "who": existing.signer_name,
                    "when": date_format(timezone.localtime(existing.signed_at), "DATETIME_FORMAT"),
                }
            )
        if not name or not position:
            raise ValidationError(_("Give your name and your position as they should appear on the MoU."))
        current = locked.compute_fingerprint()
        if current != locked.fingerprint or fingerprint != current:
            raise ValidationError(
                _(
                    "The text you were shown is not the text of this version any more. Reload the page, read it, "
                    "and sign again."
                )
            )
        try:
            with transaction.atomic():
                signature = MouSignature.objects.create(
                    version=locked,
                    organisation=acting.organisation,
                    signed_by=by,
                    signer_name=name,
                    signer_position=position,
                    fingerprint=current,
                )
        except IntegrityError:
            raise ValidationError(
                _("%(org)s has already signed this version.") % {"org": acting.organisation}
            ) from None
        mou_after_signature(locked)
    version.status = locked.status
    return signature


def mou_after_signature(locked):
    """With the version row locked: in force when every party has signed, otherwise partially signed. The
    checklist looks again (who signed, whether an MoU is in force) once the change is committed."""
    if locked.status not in MouVersion.SIGNABLE:
        return
    after_change(locked.partnership)
    if selectors.is_signed_by_all(locked):
        _bring_into_force(locked)
    elif locked.status == MS.FOR_SIGNATURE and locked.signatures.exists():
        locked.move_to(MS.PARTIALLY_SIGNED)
        locked.save(update_fields=["status"])


def _bring_into_force(locked):
    now = timezone.now()
    for previous in MouVersion.objects.select_for_update().filter(partnership=locked.partnership, status=MS.IN_FORCE):
        previous.move_to(MS.SUPERSEDED)
        previous.ended_at = now
        previous.save(update_fields=["status", "ended_at"])
    locked.move_to(MS.IN_FORCE)
    locked.in_force_at = now
    locked.save(update_fields=["status", "in_force_at"])
    _store_copy_on_commit(locked, StoredDocument.Kind.MOU_IN_FORCE)
    notify(
        partnership=locked.partnership,
        recipients=selectors.everyone_on(locked.partnership),
        subject=lambda: _("The MoU of %(name)s is in force") % {"name": locked.partnership.name},
        body=lambda: (
            _("Every party has signed version %(n)d of the MoU of %(name)s; it is now in force.")
            % {"n": locked.number, "name": locked.partnership.name}
        ),
        link=locked.get_absolute_url(),
    )
