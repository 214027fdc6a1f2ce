"""Reads of the budget and the transactions, shaped so their pages run a fixed number of queries, and so the
resources overview and the success-factor checks (SR-5, SR-6, CS-8, PM-1) read the plan the same way.

What counts as planned: of each chain of revisions, the newest line (the revised line where one exists, else the
original): `planned_lines`. Budget lines point at results-chain nodes by the node's key; `link_version` is the
roadmap version whose wording is shown (the approved one, else the latest)."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Case, Subquery, Value, When

from ..models import BudgetCategory, BudgetLine, BudgetReview, ResultNode, RoadmapVersion, Transaction


def planned_lines(partnership):
    """The lines that count as planned: those no other line revises (an original never revised, or the newest
    revision of its chain). One query when evaluated."""
    return BudgetLine.objects.filter(partnership=partnership, revision__isnull=True)


def link_version(partnership):
    """The roadmap version budget lines are linked through: the approved one, else the latest, else None."""
    versions = RoadmapVersion.objects.filter(partnership=partnership)
    return versions.filter(status=RoadmapVersion.Status.APPROVED).first() or versions.order_by("-number").first()


def nodes_by_key(partnership) -> dict:
    """{node key: node} of the link version's results chain, in one query: the version (as `link_version` chooses
    it: the approved one, else the latest) in a subquery."""
    approved_first = Case(When(status=RoadmapVersion.Status.APPROVED, then=Value(0)), default=Value(1))
    version = RoadmapVersion.objects.filter(partnership=partnership).order_by(approved_first, "-number")
    nodes = ResultNode.objects.filter(version=Subquery(version.values("pk")[:1])).order_by("level", "position")
    return {node.key: node for node in nodes}


def totals(lines) -> list[tuple[str, Decimal]]:
    """[(currency code, sum)] of `lines`' amounts, by currency code: never added across currencies."""
    sums = defaultdict(Decimal)
    for line in lines:
        sums[line.currency_id] += line.amount
    return sorted(sums.items())


@dataclass
class Chain:
    """An original line and its revisions, oldest first; the last one is the planned one."""

    lines: list
    node: ResultNode | None = None

    @property
    def original(self):
        return self.lines[0]

    @property
    def revisions(self):
        return self.lines[1:]

    @property
    def planned(self):
        return self.lines[-1]


@dataclass
class CategoryPlan:
    category: str
    label: str
    chains: list = field(default_factory=list)

    @property
    def totals(self):
        return totals(chain.planned for chain in self.chains)


@dataclass
class YearPlan:
    year: int
    categories: list = field(default_factory=list)

    @property
    def totals(self):
        return totals(chain.planned for group in self.categories for chain in group.chains)


def _chains(lines, nodes):
    next_of = {line.revises_id: line for line in lines if line.revises_id}
    chains = []
    for line in lines:
        if line.revises_id is not None:
            continue
        chain = [line]
        while chain[-1].pk in next_of:
            chain.append(next_of[chain[-1].pk])
        key = chain[-1].result_node_key
        chains.append(Chain(lines=chain, node=nodes.get(key) if key else None))
    return chains


def budget_by_year(partnership, nodes=None) -> list[YearPlan]:
    """Every line of the plan, by year (oldest first) and category (in the catalogue's order), each original with
    its revisions beside it. One query for the lines; the nodes as given (nodes_by_key)."""
    lines = list(BudgetLine.objects.filter(partnership=partnership).order_by("year", "pk"))
    nodes = nodes if nodes is not None else {}
    years = {}
    for chain in _chains(lines, nodes):
        years.setdefault(chain.original.year, defaultdict(list))[chain.original.category].append(chain)
    plans = []
    for year in sorted(years):
        groups = [
            CategoryPlan(category=value, label=str(label), chains=years[year][value])
            for value, label in BudgetCategory.choices
            if years[year].get(value)
        ]
        plans.append(YearPlan(year=year, categories=groups))
    return plans


def reviews(partnership):
    return BudgetReview.objects.filter(partnership=partnership).select_related("decision")


def line_for(partnership, pk):
    """A line of `partnership`, or None."""
    return BudgetLine.objects.filter(partnership=partnership, pk=pk).select_related("revises").first()


def transactions_for(partnership):
    """The partnership's transactions with their counterpart and budget line, newest first."""
    return (
        Transaction.objects.filter(partnership=partnership)
        .select_related("counterpart", "budget_line")
        .order_by("-date", "-pk")
    )
