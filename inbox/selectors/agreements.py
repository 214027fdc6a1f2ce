"""My work's agreement kinds: roadmap and MoU versions to approve, MoUs to sign, positions to record. All are done
for an organisation: the partnerships where msp.access lets the person do the action, with the organisation they
act for there, decide which rows count; a row counts until that organisation has acted."""

from functools import reduce
from operator import or_

from django.db.models import Exists, F, OuterRef, Q
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

from .entries import Entry


def acting_in(scope, action) -> dict:
    """organisation id -> the ids of the partnerships where msp.access lets `scope.user` do the organisation
    `action` for it (a person acts for one organisation, so this is one entry or none)."""
    found = {}
    for pk in scope.where(action):
        found.setdefault(scope.acting(pk).organisation.pk, []).append(pk)
    return found


def per_organisation(scope, orgs, make, field="partnership_id"):
    """One condition per organisation acted for: the row's partnership (`field`) among those where the person acts
    for it, and `make(organisation id)`. None when the person acts nowhere."""
    if not orgs:
        return None
    return reduce(or_, (scope.among(field, pks, "act_for_organisation") & make(org) for org, pks in orgs.items()))


def _versions(scope, model, action, statuses, party_model, done_model, purpose=None):
    party = party_model.objects.filter(version=OuterRef("pk"), **({"purpose": purpose} if purpose else {}))
    done = done_model.objects.filter(version=OuterRef("pk"))

    def waits_for(org):
        return Exists(party.filter(organisation=org)) & ~Exists(done.filter(organisation=org))

    condition = per_organisation(scope, acting_in(scope, action), waits_for)
    if condition is None:
        return None
    return model.objects.filter(condition, status__in=statuses).order_by(F("sent_at").asc(nulls_last=True), "pk")


def _version_entry(scope, version, title):
    """A roadmap or MoU version to approve or sign, since it was sent."""
    return Entry(
        title=title % {"n": version.number},
        partnership=scope.partnership(version.partnership_id),
        url=version.get_absolute_url(),
        since=version.sent_at and version.sent_at.date(),
    )


def roadmap_to_approve(scope, version):
    return _version_entry(scope, version, _("Approve roadmap version %(n)d"))


def mou_to_approve(scope, version):
    return _version_entry(scope, version, _("Approve MoU version %(n)d"))


def mou_to_sign(scope, version):
    return _version_entry(scope, version, _("Sign MoU version %(n)d"))


def roadmaps_to_approve(scope):
    statuses = [RoadmapVersion.Status.IN_REVIEW]
    return _versions(scope, RoadmapVersion, "approve_roadmap", statuses, RoadmapParty, RoadmapApproval)


def mous_to_approve(scope):
    statuses = [MouVersion.Status.IN_REVIEW]
    return _versions(scope, MouVersion, "approve_mou", statuses, MouParty, MouApproval, MouParty.Purpose.APPROVE)


def mous_to_sign(scope):
    return _versions(scope, MouVersion, "sign_mou", MouVersion.SIGNABLE, MouParty, MouSignature, MouParty.Purpose.SIGN)


def positions_to_record(scope):
    """Open decisions without a position of the person's organisation. Where a body decides, only its voting seats
    are entitled (governance.decision_rules.entitled_organisations), so those are asked of the seat here."""
    positions = DecisionPosition.objects.filter(decision=OuterRef("pk"))
    seats = Seat.objects.filter(body=OuterRef("body"), is_voting=True)

    def waits_for(org):
        entitled = Q(body__isnull=True) | Exists(seats.filter(organisation=org))
        return entitled & ~Exists(positions.filter(organisation=org))

    condition = per_organisation(scope, acting_in(scope, "record_position"), waits_for)
    if condition is None:
        return None
    return Decision.objects.filter(condition, status=DecisionStatus.OPEN).order_by("created_at", "title", "pk")


def position(scope, decision):
    return Entry(
        title=_("Record your position on “%(title)s”") % {"title": decision.title},
        partnership=scope.partnership(decision.partnership_id),
        url=scope.url("governance:decision")(decision.partnership_id, decision.pk),
        since=decision.created_at.date(),
    )
