"""My work's agreement kinds: roadmap and MoU versions to approve, MoUs to sign, positions to record. All are done
for an organisation: the partnerships where msp.access lets the person do the action, with the organisation they
act for there, decide which rows count; a row counts until that organisation has acted."""

from functools import reduce
from operator import or_

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from governance.models import (
    Decision,
    DecisionPosition,
    DecisionStatus,
    MouApproval,
    MouParty,
    MouSignature,
    MouVersion,
    RoadmapApproval,
    RoadmapParty,
    RoadmapVersion,
    Seat,
)
from msp import access


def acting_in(scope, action) -> dict:
    """partnership id -> the organisation `scope.user` may do the organisation `action` for there (msp.access)."""
    found = {}
    for pk, partnership in scope.partnerships.items():
        if access.can(scope.user, action, partnership):
            found[pk] = access.acting_for(scope.user, partnership).organisation.pk
    return found


def _per_partnership(orgs, make):
    """One condition per partnership: the row's partnership, and `make(organisation id)` for the organisation the
    person acts for there. None when the person acts nowhere."""
    if not orgs:
        return None
    return reduce(or_, (Q(partnership_id=pk) & make(org) for pk, org in orgs.items()))


def _versions(scope, model, action, statuses, party_model, done_model, purpose=None):
    orgs = acting_in(scope, action)
    party = party_model.objects.filter(version=OuterRef("pk"), **({"purpose": purpose} if purpose else {}))
    done = done_model.objects.filter(version=OuterRef("pk"))

    def waits_for(org):
        return Exists(party.filter(organisation=org)) & ~Exists(done.filter(organisation=org))

    condition = _per_partnership(orgs, waits_for)
    if condition is None:
        return []
    return scope.attach(list(model.objects.filter(condition, status__in=statuses).order_by("sent_at", "pk")))


def _version_entries(rows, Entry, title):
    """One entry per roadmap or MoU version, titled by `title(version)`, since it was sent."""
    return [
        Entry(
            title=title(v),
            partnership=v.partnership,
            url=v.get_absolute_url(),
            since=v.sent_at and v.sent_at.date(),
        )
        for v in rows
    ]


def roadmaps_to_approve(scope, Entry):
    rows = _versions(
        scope, RoadmapVersion, "approve_roadmap", [RoadmapVersion.Status.IN_REVIEW], RoadmapParty, RoadmapApproval
    )
    return _version_entries(rows, Entry, lambda v: _("Approve roadmap version %(n)d") % {"n": v.number})


def mous_to_approve(scope, Entry):
    rows = _versions(
        scope, MouVersion, "approve_mou", [MouVersion.Status.IN_REVIEW], MouParty, MouApproval, MouParty.Purpose.APPROVE
    )
    return _version_entries(rows, Entry, lambda v: _("Approve MoU version %(n)d") % {"n": v.number})


def mous_to_sign(scope, Entry):
    rows = _versions(scope, MouVersion, "sign_mou", MouVersion.SIGNABLE, MouParty, MouSignature, MouParty.Purpose.SIGN)
    return _version_entries(rows, Entry, lambda v: _("Sign MoU version %(n)d") % {"n": v.number})


def positions_to_record(scope, Entry):
    """Open decisions without a position of the person's organisation. Where a body decides, only its voting seats
    are entitled (governance.decision_rules.entitled_organisations), so those are asked of the seat here."""
    orgs = acting_in(scope, "record_position")
    positions = DecisionPosition.objects.filter(decision=OuterRef("pk"))
    seats = Seat.objects.filter(body=OuterRef("body"), is_voting=True)

    def waits_for(org):
        entitled = Q(body__isnull=True) | Exists(seats.filter(organisation=org))
        return entitled & ~Exists(positions.filter(organisation=org))

    condition = _per_partnership(orgs, waits_for)
    if condition is None:
        return []
    rows = scope.attach(list(Decision.objects.filter(condition, status=DecisionStatus.OPEN).order_by("created_at")))
    return [
        Entry(
            title=_("Record your position on “%(title)s”") % {"title": d.title},
            partnership=d.partnership,
            url=reverse("governance:decision", kwargs={"partnership_pk": d.partnership_id, "pk": d.pk}),
            since=d.created_at.date(),
        )
        for d in rows
    ]
