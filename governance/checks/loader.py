"""The governance loader: everything the governance rules read, in a fixed number of queries (about twenty)
whatever the number of members, bodies, meetings, decisions, commitments or budget lines."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, prefetch_related_objects

from phases.checks import loader, shared
from stakeholders.checks.facts import active_members

from .. import resources
from ..decision_rules import Outcome
from ..models import (
    Body,
    BudgetReview,
    Decision,
    DecisionPosition,
    DecisionStatus,
    Meeting,
    MeetingPaper,
    Milestone,
    MouVersion,
    ResultNode,
    RoadmapApproval,
    RoadmapVersion,
    Seat,
    SecretariatStaff,
)

SIGNING = (MouVersion.Status.FOR_SIGNATURE, MouVersion.Status.PARTIALLY_SIGNED, MouVersion.Status.IN_FORCE)


@dataclass
class Governance:
    members: list  # today's active memberships, with their organisation, by name
    roadmaps: list  # roadmap versions not superseded (approved, in review, draft), newest first, with their parts
    mous: list  # MoU versions being signed or in force, newest first, with their signatures
    bodies: list  # bodies with their seats and staff (and contacts)
    meetings: list  # newest first, with `attending_ids` (organisations), papers, minutes and `decided`
    decisions: list  # adopted decisions that settle a checklist topic, newest first
    host_positions: list  # positions recorded for the secretariat's host organisation
    last_review: dt.date | None  # the latest budget review
    loaded: resources.Loaded  # the resources overview's rows
    figures: resources.Figures  # ... and its figures

    @property
    def organisations(self):
        return [m.organisation for m in self.members]

    @property
    def approved_roadmap(self):
        return next((v for v in self.roadmaps if v.status == RoadmapVersion.Status.APPROVED), None)

    @property
    def latest_roadmap(self):
        return self.roadmaps[0] if self.roadmaps else None

    @property
    def mou_in_force(self):
        return next((v for v in self.mous if v.status == MouVersion.Status.IN_FORCE), None)

    @property
    def mou_being_signed(self):
        return next((v for v in self.mous if v.status in MouVersion.SIGNABLE), None)

    @property
    def secretariat(self):
        return next((b for b in self.bodies if b.is_secretariat), None)

    @property
    def primary_body(self):
        return next((b for b in self.bodies if b.is_primary), None)


def roadmap_versions(partnership) -> list:
    """Every roadmap version of the partnership, newest first (one query, once per evaluation: the monitoring
    loader reads them too)."""
    versions = RoadmapVersion.objects.filter(partnership=partnership).order_by("-number")
    return shared("roadmap versions", lambda: list(versions))


def link_version(versions):
    """governance.selectors.budget.link_version from `versions` (newest first): the approved one, else the latest,
    else None."""
    approved = next((v for v in versions if v.status == RoadmapVersion.Status.APPROVED), None)
    return approved or (versions[0] if versions else None)


def roadmaps(partnership) -> list:
    """The versions not superseded (approved, in review, draft), newest first, with their goals, nodes,
    milestones and approvals (four queries, once per evaluation)."""

    def read():
        versions = [v for v in roadmap_versions(partnership) if v.status != RoadmapVersion.Status.SUPERSEDED]
        prefetch_related_objects(
            versions,
            "goals",
            Prefetch("nodes", queryset=ResultNode.objects.order_by("position", "pk")),
            Prefetch("milestones", queryset=Milestone.objects.order_by("due_on", "pk")),
            Prefetch("approvals", queryset=RoadmapApproval.objects.only("pk", "version_id", "organisation_id")),
        )
        return versions

    return shared("roadmaps", read)


def _bodies(partnership):
    return list(
        Body.objects.filter(partnership=partnership)
        .select_related("host_organisation")
        .prefetch_related(
            Prefetch("seats", queryset=Seat.objects.all()),  # the rules read organisation ids, not names
            Prefetch("staff", queryset=SecretariatStaff.objects.select_related("contact")),
        )
    )


def _meetings(partnership):
    """The meetings, newest first, each with `attending_ids`: the ids of its attending organisations (what CM-4
    reads; read from the link table, two queries in all)."""
    meetings = list(
        Meeting.objects.filter(partnership=partnership)
        .select_related("body", "minutes")
        .annotate(decided=Count("decisions", filter=Q(decisions__status=DecisionStatus.DECIDED)))
        .order_by("-start", "-pk")  # a GROUP BY query leaves Meta.ordering out
        .prefetch_related(
            Prefetch("papers", queryset=MeetingPaper.objects.only("pk", "meeting_id", "title", "shared_at")),
        )
    )
    attending = defaultdict(set)
    links = Meeting.organisations.through.objects.filter(meeting__partnership=partnership)
    for meeting_id, organisation_id in links.values_list("meeting_id", "organisation_id"):
        attending[meeting_id].add(organisation_id)
    for meeting in meetings:
        meeting.attending_ids = attending[meeting.pk]
    return meetings


def _host_positions(partnership, bodies):
    host = next((b.host_organisation_id for b in bodies if b.is_secretariat and b.host_organisation_id), None)
    positions = DecisionPosition.objects.filter(decision__partnership=partnership).select_related("decision")
    return list(positions.filter(Q(organisation_id=host) | Q(host_in_own_right=True))) if host else []


def budget_rows(partnership) -> resources.Loaded:
    """resources.load's rows (five queries), once per evaluation (the monitoring loader reads them too)."""
    return shared("budget rows", lambda: resources.load(partnership))


@loader("governance")
def load(partnership, today):
    bodies = _bodies(partnership)
    loaded = budget_rows(partnership)
    return Governance(
        members=active_members(partnership, today),
        roadmaps=roadmaps(partnership),
        mous=list(
            MouVersion.objects.filter(partnership=partnership, status__in=SIGNING)
            .order_by("-number")
            .prefetch_related("signatures")
        ),
        bodies=bodies,
        meetings=_meetings(partnership),
        decisions=list(
            Decision.objects.filter(partnership=partnership, status=DecisionStatus.DECIDED, outcome=Outcome.ADOPTED)
            .exclude(topic="")
            .order_by("-decided_on", "-pk")
        ),
        host_positions=_host_positions(partnership, bodies),
        last_review=BudgetReview.objects.filter(partnership=partnership)
        .order_by("-date")
        .values_list("date", flat=True)
        .first(),
        loaded=loaded,
        figures=resources.figures(loaded),
    )
