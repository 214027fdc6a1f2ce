"""Sending a roadmap version for review, and its approval by every party."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from msp import access
from msp.models import person_name
from msp.notices import NoticeKind
from msp.services import notify
from msp.text import in_sentence

from .. import selectors
from ..models import RoadmapApproval, RoadmapVersion
from .common import RS, _fix_parties, _lock, _require_party


def roadmap_send_for_review(*, version, by) -> RoadmapVersion:
    """draft → in review. Freezes the version and e-mails the partners that it awaits their review. An older
    version still in review is superseded by this one."""
    with transaction.atomic():
        locked = _lock(RoadmapVersion, version)
        access.require(by, "change", locked.partnership)
        problems = []
        if not locked.vision.strip():
            problems.append(_("write the vision"))
        if not locked.goals.exists():
            problems.append(_("name at least one common goal"))
        if locked.status == RS.DRAFT and problems:
            raise ValidationError(_("Before sending it for review, %(what)s.") % {"what": _(" and ").join(problems)})
        locked.move_to(RS.IN_REVIEW)
        locked.sent_at = timezone.now()
        for older in RoadmapVersion.objects.select_for_update().filter(
            partnership=locked.partnership, status=RS.IN_REVIEW
        ):
            older.move_to(RS.SUPERSEDED)
            older.superseded_at = locked.sent_at
            older.save(update_fields=["status", "superseded_at"])
        locked.save(update_fields=["status", "sent_at"])
        _fix_parties(locked, "approve", by)
        notify(
            partnership=locked.partnership,
            recipients=selectors.partner_users(locked.partnership),
            subject=lambda: (
                _("Roadmap v%(n)d of %(name)s awaits your review")
                % {"n": locked.number, "name": locked.partnership.name}
            ),
            body=lambda: (
                _(
                    "%(who)s sent version %(n)d of the roadmap of %(name)s for review. Please read it, comment, and "
                    "approve it for your organisation."
                )
                % {"who": person_name(by), "n": locked.number, "name": locked.partnership.name}
            ),
            link=locked.get_absolute_url(),
            kind=NoticeKind.REVIEW,
            key=f"roadmap:{locked.pk}",
        )
    return locked


def roadmap_approve(*, version, by, organisation=None) -> RoadmapApproval:
    """A partner approves the version in review for their organisation, a party to it. When every party has
    approved, the version is approved (and the previously approved one superseded)."""
    with transaction.atomic():
        locked = _lock(RoadmapVersion, version)
        acting = access.require(by, "approve_roadmap", locked, organisation=organisation)
        if locked.status != RS.IN_REVIEW:
            raise ValidationError(
                _("Version %(n)d is %(status)s; only a version in review can be approved.")
                % {"n": locked.number, "status": in_sentence(locked.get_status_display())}
            )
        _require_party(locked, acting.organisation, "approve")
        if locked.approvals.filter(organisation=acting.organisation).exists():
            raise ValidationError(_("%(org)s has already approved this version.") % {"org": acting.organisation})
        approval = RoadmapApproval.objects.create(version=locked, organisation=acting.organisation, by=by)
        roadmap_approve_if_complete(locked)
    version.status = locked.status
    return approval


def roadmap_approve_if_complete(locked):
    """With the version row locked: when every party has approved, the version is approved (and the one approved
    before it superseded), and everyone is told."""
    if locked.status != RS.IN_REVIEW or not selectors.is_approved_by_all(locked):
        return
    now = timezone.now()
    for older in RoadmapVersion.objects.select_for_update().filter(partnership=locked.partnership, status=RS.APPROVED):
        older.move_to(RS.SUPERSEDED)
        older.superseded_at = now
        older.save(update_fields=["status", "superseded_at"])
    locked.move_to(RS.APPROVED)
    locked.approved_at = now
    locked.save(update_fields=["status", "approved_at"])
    notify(
        partnership=locked.partnership,
        recipients=selectors.everyone_on(locked.partnership),
        subject=lambda: (
            _("Roadmap v%(n)d of %(name)s is approved") % {"n": locked.number, "name": locked.partnership.name}
        ),
        body=lambda: (
            _("Every party has approved version %(n)d of the roadmap of %(name)s.")
            % {"n": locked.number, "name": locked.partnership.name}
        ),
        link=locked.get_absolute_url(),
    )
