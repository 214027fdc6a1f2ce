"""Reads of roadmaps and MoUs, shaped so pages run a constant number of queries and so the success-factor checks
(CS-3, CS-4, CS-5, CM-5, PM-5) can read the agreed state directly."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q

from msp.models import PartnershipRole, Role
from stakeholders.models import ContactPerson, Membership, Organisation
from stakeholders.selectors import active_member_organisations

from .models import (
    LEVEL_ORDER,
    Clause,
    Milestone,
    MouApproval,
    MouComment,
    MouSignature,
    MouVersion,
    ResultNode,
    RoadmapApproval,
    RoadmapComment,
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


def roadmap_version_full(partnership, number):
    """One roadmap version with everything its page shows, prefetched (raises DoesNotExist)."""
    return (
        RoadmapVersion.objects.filter(partnership=partnership, number=number)
        .select_related("created_by", "partnership")
        .prefetch_related(
            "goals",
            Prefetch("nodes", queryset=ResultNode.objects.select_related("owner")),
            Prefetch("milestones", queryset=Milestone.objects.select_related("owner", "node")),
            Prefetch("approvals", queryset=RoadmapApproval.objects.select_related("organisation", "by")),
            Prefetch(
                "comments",
                queryset=RoadmapComment.objects.select_related("author", "organisation", "resolved_by"),
            ),
        )
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


def approval_status(version, organisations=None):
    """Every active member organisation, with its approval of `version` or None."""
    organisations = list(active_member_organisations(version.partnership)) if organisations is None else organisations
    return _by_organisation(organisations, version.approvals.all())


def signature_status(version, organisations=None):
    organisations = list(active_member_organisations(version.partnership)) if organisations is None else organisations
    return _by_organisation(organisations, version.signatures.all())


def outstanding(statuses):
    return [s.organisation for s in statuses if s.record is None]


def is_approved_by_all(version, organisations):
    """True when every organisation in `organisations` (non-empty) has approved `version`."""
    approved = set(version.approvals.values_list("organisation_id", flat=True))
    wanted = {o.pk for o in organisations}
    return bool(wanted) and wanted <= approved


def is_signed_by_all(version, organisations):
    signed = set(version.signatures.values_list("organisation_id", flat=True))
    wanted = {o.pk for o in organisations}
    return bool(wanted) and wanted <= signed


# --- MoU -------------------------------------------------------------------------------------------------------


def mou_versions(partnership):
    """Every MoU version, newest first, with its clause, signature and open-comment counts."""
    return (
        MouVersion.objects.filter(partnership=partnership)
        .select_related("created_by")
        .annotate(
            clause_count=Count("clauses", distinct=True),
            signature_count=Count("signatures", distinct=True),
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
            Prefetch("approvals", queryset=MouApproval.objects.select_related("organisation", "by")),
            Prefetch("signatures", queryset=MouSignature.objects.select_related("organisation", "signed_by")),
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
    """Users with the partner role on the partnership: who is asked to review, approve and sign."""
    return [
        r.user
        for r in PartnershipRole.objects.filter(partnership=partnership, role=Role.PARTNER).select_related("user")
    ]


def everyone_on(partnership):
    return [r.user for r in PartnershipRole.objects.filter(partnership=partnership).select_related("user")]


def acting_contact(user, partnership):
    """The contact person through whom `user` acts for an organisation that is an active member of the
    partnership, or None (no contact record, or the organisation is not a member today)."""
    if not user.is_authenticated:
        return None
    contact = ContactPerson.objects.select_related("organisation").filter(user=user).first()
    if contact is None:
        return None
    member = Membership.objects.active().filter(partnership=partnership, organisation=contact.organisation_id).exists()
    return contact if member else None


def contact_and_membership(user, partnership):
    """(contact or None, is the contact's organisation an active member?) for messages that explain a refusal."""
    if not user.is_authenticated:
        return None, False
    contact = ContactPerson.objects.select_related("organisation").filter(user=user).first()
    if contact is None:
        return None, False
    member = Membership.objects.active().filter(partnership=partnership, organisation=contact.organisation_id).exists()
    return contact, member
