"""Reads of roadmaps and MoUs, shaped so pages run a constant number of queries and so the success-factor checks
(CS-3, CS-4, CS-5, CM-5, PM-5) can read the agreed state directly.

Reads of other subjects have their module in this package (`bodies`: governance bodies, seats, the secretariat)."""

from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce

from msp import access
from stakeholders.models import Organisation
from stakeholders.selectors import active_member_organisations

from ..models import (
    LEVEL_ORDER,
    Clause,
    Milestone,
    MouApproval,
    MouComment,
    MouParty,
    MouScan,
    MouSignature,
    MouVersion,
    ResultNode,
    RoadmapApproval,
    RoadmapComment,
    RoadmapParty,
    RoadmapVersion,
)

# --- roadmap ---------------------------------------------------------------------------------------------------


def roadmap_versions(partnership):
    return RoadmapVersion.objects.filter(partnership=partnership).select_related("created_by")


def current_roadmap(partnership):
    """The roadmap in force: the approved version (there is at most one), or None."""
    return RoadmapVersion.objects.filter(partnership=partnership, status=RoadmapVersion.Status.APPROVED).first()


def latest_roadmap(partnership):
    return RoadmapVersion.objects.filter(partnership=partnership).order_by("-number").first()


# What a roadmap version's page shows (the goals, the chain with its owners, the milestones, who approved, the
# parties, the comments): roadmap_version_full, or prefetched onto a version already read (views.roadmap_page).
ROADMAP_VERSION_PREFETCH = (
    "goals",
    Prefetch("nodes", queryset=ResultNode.objects.select_related("owner")),
    Prefetch("milestones", queryset=Milestone.objects.select_related("owner", "node")),
    Prefetch("approvals", queryset=RoadmapApproval.objects.select_related("organisation", "by", "recorded_by")),
    Prefetch("parties", queryset=RoadmapParty.objects.select_related("organisation")),
    Prefetch("comments", queryset=RoadmapComment.objects.select_related("author", "organisation", "resolved_by")),
)


def roadmap_version_full(partnership, number):
    """One roadmap version with everything its page shows, prefetched (raises DoesNotExist)."""
    return (
        RoadmapVersion.objects.filter(partnership=partnership, number=number)
        .select_related("created_by", "partnership")
        .prefetch_related(*ROADMAP_VERSION_PREFETCH)
        .get()
    )


@dataclass
class TreeNode:
    node: ResultNode
    children: list = field(default_factory=list)
    milestones: list = field(default_factory=list)


def results_tree(nodes, milestones=()):
    """The results chain as a forest of TreeNodes (impacts at the top), from already loaded rows.

    Nodes whose parent is missing (possible in an old draft) are put at the top level, so nothing is hidden.
    """
    by_pk = {n.pk: TreeNode(n) for n in nodes}
    roots = []
    for item in by_pk.values():
        parent = by_pk.get(item.node.parent_id)
        (parent.children if parent else roots).append(item)
    for milestone in milestones:
        if milestone.node_id in by_pk:
            by_pk[milestone.node_id].milestones.append(milestone)

    def sort(items):
        items.sort(key=lambda t: (LEVEL_ORDER.index(t.node.level), t.node.position, t.node.pk))
        for item in items:
            sort(item.children)

    sort(roots)
    return roots


def flat_tree(roots, depth=0):
    """(depth, TreeNode) pairs in reading order: for the indented list and the parent dropdown."""
    for item in roots:
        yield depth, item
        yield from flat_tree(item.children, depth + 1)


# --- who approved, who signed ----------------------------------------------------------------------------------


@dataclass
class OrganisationStatus:
    organisation: Organisation
    record: object = None  # the approval or signature, if given


def _by_organisation(organisations, records):
    """Members with their record, then organisations that acted but are no longer members (their signature or
    approval still counts as evidence and is shown)."""
    given = {r.organisation_id: r for r in records}
    rows = [OrganisationStatus(org, given.pop(org.pk, None)) for org in organisations]
    rows.extend(OrganisationStatus(r.organisation, r) for r in given.values())
    return rows


def parties(version, purpose="sign"):
    """The organisations that are parties to `version`, by name: for a roadmap those asked to approve it; for an
    MoU those asked to `purpose` ("approve" or "sign") it. Empty until the version is sent. Reads prefetched
    `parties` (with their organisation) when loaded."""
    rows = version.parties.all()
    if isinstance(version, MouVersion):
        rows = [p for p in rows if p.purpose == purpose]
    return sorted((p.organisation for p in rows), key=lambda o: (o.name.lower(), o.pk))


def _sent_for(version, purpose):
    """Has `version` been sent for `purpose` (so its parties for it are fixed)?"""
    if isinstance(version, RoadmapVersion):
        return not version.is_draft
    return (version.sent_at if purpose == "approve" else version.for_signature_at) is not None


def approval_status(version, organisations=None):
    """The version's approval parties with their approval or None. For a version not sent yet: today's active
    members (`organisations`, or loaded here), who would become its parties."""
    if _sent_for(version, "approve"):
        organisations = parties(version, "approve")
    elif organisations is None:
        organisations = list(active_member_organisations(version.partnership))
    return _by_organisation(organisations, version.approvals.all())


def signature_status(version, organisations=None):
    """The version's signing parties with their signature or None (as approval_status)."""
    if _sent_for(version, "sign"):
        organisations = parties(version, "sign")
    elif organisations is None:
        organisations = list(active_member_organisations(version.partnership))
    return _by_organisation(organisations, version.signatures.all())


def outstanding(statuses):
    return [s.organisation for s in statuses if s.record is None]


def _all_of(party_ids, done_ids):
    return bool(party_ids) and set(party_ids) <= set(done_ids)


def is_approved_by_all(version):
    """True when every party (there is at least one) has approved `version`. Reads the database, not prefetches:
    services call it under the version's row lock."""
    purpose = {"purpose": "approve"} if isinstance(version, MouVersion) else {}
    return _all_of(
        version.parties.filter(**purpose).values_list("organisation_id", flat=True),
        version.approvals.values_list("organisation_id", flat=True),
    )


def is_signed_by_all(version):
    return _all_of(
        version.parties.filter(purpose="sign").values_list("organisation_id", flat=True),
        version.signatures.values_list("organisation_id", flat=True),
    )


def members_not_parties(version, purpose, members):
    """Active members (`members`) that are not parties to a sent version: they joined after it was sent."""
    party_ids = {o.pk for o in parties(version, purpose)}
    return [o for o in members if o.pk not in party_ids]


def parties_not_members(version, purpose, members):
    """Parties that are no longer active members (they left after the version was sent)."""
    member_ids = {o.pk for o in members}
    return [o for o in parties(version, purpose) if o.pk not in member_ids]


def unable_to_act(partnership, organisations, *, sign=True):
    """(organisation, reason) for each of `organisations` that nobody can approve (`sign=False`) or sign for in
    the app ("no_partner", "no_signer"): msp.access decides, by the same rule as for a person acting."""
    return access.unable_to_act(partnership, organisations, "sign_mou" if sign else "approve_mou")


# --- MoU -------------------------------------------------------------------------------------------------------


def mou_versions(partnership):
    """Every MoU version, newest first, with its clause, signature and open-comment counts."""
    return (
        MouVersion.objects.filter(partnership=partnership)
        .select_related("created_by")
        .annotate(
            clause_count=Count("clauses", distinct=True),
            signature_count=Count("signatures", distinct=True),
            # A subquery, not a fourth join: the joins above already multiply rows.
            signing_party_count=Coalesce(
                Subquery(
                    MouParty.objects.filter(version=OuterRef("pk"), purpose="sign")
                    .order_by()
                    .values("version")
                    .annotate(n=Count("pk"))
                    .values("n"),
                    output_field=IntegerField(),
                ),
                0,
            ),
            open_comment_count=Count(
                "comments", filter=Q(comments__resolved_at__isnull=True, comments__parent__isnull=True), distinct=True
            ),
        )
        .order_by("-number")
    )


def mou_in_force(partnership):
    return MouVersion.objects.filter(partnership=partnership, status=MouVersion.Status.IN_FORCE).first()


def latest_mou(partnership):
    return MouVersion.objects.filter(partnership=partnership).order_by("-number").first()


def mou_version_full(partnership, number):
    return (
        MouVersion.objects.filter(partnership=partnership, number=number)
        .select_related("created_by", "partnership", "scan_uploaded_by")
        .prefetch_related(
            "clauses",
            Prefetch("approvals", queryset=MouApproval.objects.select_related("organisation", "by", "recorded_by")),
            Prefetch(
                "signatures",
                queryset=MouSignature.objects.select_related("organisation", "signed_by", "recorded_by"),
            ),
            Prefetch("parties", queryset=MouParty.objects.select_related("organisation")),
            Prefetch("scans", queryset=MouScan.objects.select_related("uploaded_by")),
            Prefetch("comments", queryset=MouComment.objects.select_related("author", "organisation", "resolved_by")),
        )
        .get()
    )


def mou_version_with_clauses(partnership, number):
    return (
        MouVersion.objects.filter(partnership=partnership, number=number)
        .select_related("partnership")
        .prefetch_related(Prefetch("clauses", queryset=Clause.objects.order_by("position", "pk")))
        .get()
    )


def mou_version_for_pdf(partnership, number):
    """One version with what its PDF prints: clauses, signing parties, signatures (who recorded them)."""
    return (
        MouVersion.objects.filter(partnership=partnership, number=number)
        .select_related("partnership")
        .prefetch_related(
            Prefetch("clauses", queryset=Clause.objects.order_by("position", "pk")),
            Prefetch("parties", queryset=MouParty.objects.select_related("organisation")),
            Prefetch("signatures", queryset=MouSignature.objects.select_related("organisation", "recorded_by")),
        )
        .get()
    )


def threads(comments):
    """Comments as threads: (first comment, [replies]) in order, from already loaded rows."""
    roots, replies = [], {}
    for comment in comments:
        if comment.parent_id is None:
            roots.append(comment)
        else:
            replies.setdefault(comment.parent_id, []).append(comment)
    return [(root, replies.get(root.pk, [])) for root in roots]


# --- people ----------------------------------------------------------------------------------------------------


def partner_users(partnership):
    """Users whose role lets them act for an organisation: who is asked to review, approve and sign."""
    return [r.user for r in access.holders(partnership, "act_for_organisation").select_related("user")]


def everyone_on(partnership):
    return [r.user for r in access.holders(partnership, "view_summary").select_related("user")]


def acting_contact(user, partnership):
    """The contact person through whom `user` acts for an organisation that is an active member of the
    partnership, or None (no contact record, or the organisation is not a member today). Shown on pages and
    recorded with comments; whether the person may approve or sign is msp.access's to say."""
    acting = access.acting_for(user, partnership)
    return acting.contact if acting is not None and acting.is_member else None


def party_situation(version, members, approvals, signatures):
    """What the secretariat sees about a version's parties: members that joined after it was sent (`joined`),
    parties that left without acting (`left`), and the organisations nobody can act for in the app at its next
    step (`unable`: (organisation, reason) pairs, see unable_to_act; `unable_sign` says whether signing is meant).
    `approvals`/`signatures` are approval_status/signature_status of the version."""
    is_roadmap = isinstance(version, RoadmapVersion)
    open_for = None
    if version.status == "in_review":
        open_for = "approve"
    elif not is_roadmap and version.is_signable:
        open_for = "sign"
    situation = {"open_for": open_for, "joined": [], "left": [], "unable": [], "unable_sign": not is_roadmap}
    if open_for:
        statuses = approvals if open_for == "approve" else signatures
        member_ids = {o.pk for o in members}
        situation["joined"] = members_not_parties(version, open_for, members)
        situation["left"] = [
            s.organisation for s in statuses if s.record is None and s.organisation.pk not in member_ids
        ]
    if version.is_draft or (not is_roadmap and version.status == "in_review"):
        # Before sending: today's members, who will be the parties (for an MoU, signing is the hard step).
        situation["unable"] = unable_to_act(version.partnership, members, sign=not is_roadmap)
    elif open_for:
        waiting = outstanding(approvals if open_for == "approve" else signatures)
        situation["unable"] = unable_to_act(version.partnership, waiting, sign=open_for == "sign")
        situation["unable_sign"] = open_for == "sign"
    situation["no_partner"] = [o for o, reason in situation["unable"] if reason == "no_partner"]
    situation["no_signer"] = [o for o, reason in situation["unable"] if reason == "no_signer"]
    return situation
