"""The governance loader: everything the governance rules read, in a fixed number of queries (about twenty)
whatever the number of members, bodies, meetings, decisions, commitments or budget lines."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, prefetch_related_objects

from phases.checks import loader, shared
from stakeholders.checks.facts import active_members

from .. import resources
from ..decision_rules import Outcome
from ..models import (
    Body,
    BudgetReview,
    Commitment,
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
    TransactionType,
)
from ..money import RateBook
from ..selectors.budget import planned_lines

# The flows resources.load reads.
FLOWS = [TransactionType.INCOMING_FUNDS, TransactionType.EXPENDITURE, TransactionType.DISBURSEMENT]
SIGNING = (MouVersion.Status.FOR_SIGNATURE, MouVersion.Status.PARTIALLY_SIGNED, MouVersion.Status.IN_FORCE)


@dataclass
class Governance:
    members: list  # today's active memberships, with their organisation, by name
    roadmaps: list  # roadmap versions not superseded (approved, in review, draft), newest first, with their parts
    mous: list  # MoU versions being signed or in force, newest first, with their signatures
    bodies: list  # bodies with their seats (and organisations) and staff (and contacts)
    meetings: list  # meetings, newest first, with organisations, papers, minutes and `decided` (decisions taken)
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
            Prefetch("seats", queryset=Seat.objects.select_related("organisation")),
            Prefetch("staff", queryset=SecretariatStaff.objects.select_related("contact")),
        )
    )


def _meetings(partnership):
    return list(
        Meeting.objects.filter(partnership=partnership)
        .select_related("body", "minutes")
        .annotate(decided=Count("decisions", filter=Q(decisions__status=DecisionStatus.DECIDED)))
        .order_by("-start", "-pk")  # a GROUP BY query leaves Meta.ordering out
        .prefetch_related(
            "organisations",
            Prefetch("papers", queryset=MeetingPaper.objects.only("pk", "meeting_id", "title", "shared_at")),
        )
    )


def _host_positions(partnership, bodies):
    host = next((b.host_organisation_id for b in bodies if b.is_secretariat and b.host_organisation_id), None)
    positions = DecisionPosition.objects.filter(decision__partnership=partnership).select_related("decision")
    return list(positions.filter(Q(organisation_id=host) | Q(host_in_own_right=True))) if host else []


@dataclass(frozen=True)
class _Named:
    pk: int
    name: str


@dataclass(frozen=True)
class _Category:
    category: str


@dataclass(frozen=True)
class _Transaction:
    """What resources.figures reads of a transaction (the rules read the figures, never the transactions)."""

    type: str
    date: dt.date
    amount: object
    currency_id: str
    counterpart_id: int | None
    counterpart_name: str
    counterpart: _Named | None
    budget_line_id: int | None
    budget_line: _Category | None


def _transactions(partnership) -> list:
    """resources.load's transactions as plain rows: a hundred transactions with their counterpart and budget line
    were three hundred model instances, a fifth of what an evaluation made."""
    rows = partnership.transactions.filter(type__in=FLOWS)
    return [
        _Transaction(
            kind,
            date,
            amount,
            currency,
            counterpart_id,
            counterpart_name,
            _Named(counterpart_id, org_name) if counterpart_id is not None else None,
            line_id,
            _Category(category) if line_id is not None else None,
        )  # fmt: skip
        for kind, date, amount, currency, counterpart_id, counterpart_name, org_name, line_id, category in rows.values_list(
            "type",
            "date",
            "amount",
            "currency_id",
            "counterpart_id",
            "counterpart_name",
            "counterpart__name",
            "budget_line_id",
            "budget_line__category",
        )  # fmt: skip
    ]


def budget_rows(partnership) -> resources.Loaded:
    """resources.load's rows (five queries), once per evaluation (the monitoring loader reads them too), with the
    transactions as plain rows."""

    def read():
        commitments = list(
            Commitment.objects.filter(partnership=partnership).select_related("organisation").prefetch_related("years")
        )
        lines = list(planned_lines(partnership))
        transactions = _transactions(partnership)
        codes = {partnership.currency_id} | {c.currency_id for c in commitments if c.currency_id}
        codes |= {line.currency_id for line in lines} | {t.currency_id for t in transactions}
        return resources.Loaded(partnership.currency_id, commitments, lines, transactions, RateBook.load(codes))

    return shared("budget rows", read)


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
