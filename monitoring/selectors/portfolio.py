"""A person's portfolio: every partnership they hold a role on, one row each, for the portfolio page, its PDF and
its spreadsheet. Each row says what that person may read there, as the partnership's own pages would show it:

- phase, and health: the overall health of the latest checklist run (None: not evaluated yet, or nothing counted);
- results: the indicators on track, at risk, off track and without data (monitoring.selectors.table.Summary) from
  the periods the person may see (donors: locked periods only, "view_open_periods");
- money, in the partnership's reporting currency (governance.money): what was committed (the members see every
  organisation's commitments; a donor their own organisation's, msp.access.commitments_scope) and what was spent
  (expenditure, a total everyone with a role reads on the resources overview);
- milestones of the roadmap in force due in the next MILESTONE_DAYS days, not done or cancelled;
- the latest reports released or published (msp.access.can_read_report), at most LATEST_REPORTS.

A fixed number of queries whatever the number of partnerships: the partnerships with their currency and latest
health, the roles, the indicators, their visible periods with actuals, the commitments, their years, the
expenditure, the rates, the milestones and the reports; for a donor two more, once, for the organisation they act
for (the same on every partnership).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from governance.models import (
    Commitment,
    CommitmentStatus,
    Milestone,
    MilestoneStatus,
    RoadmapVersion,
    Transaction,
    TransactionType,
)
from governance.money import RateBook
from governance.resources import Figure
from msp import access
from phases.models import ChecklistRun

from .. import progress
from ..models import Indicator, Period, Report
from .table import IndicatorRow, Summary, summarise

MILESTONE_DAYS = 90
LATEST_REPORTS = 3


@dataclass
class PortfolioRow:
    partnership: object
    health: float | None
    results: Summary
    commitments: str  # whose commitments `committed` adds up: "all", "own", or "" (none the person may read)
    organisation: object  # for "own": the organisation the donor acts for
    committed: Figure | None
    spent: Figure
    milestones: list = field(default_factory=list)
    reports: list = field(default_factory=list)

    @property
    def health_percent(self):
        return None if self.health is None else round(self.health * 100)


def partnerships_of(user):
    """The partnerships of the portfolio, by name, with their currency, latest health and `user`'s role loaded."""
    latest = ChecklistRun.objects.filter(partnership=OuterRef("pk")).order_by("-created_at", "-pk")
    partnerships = (
        access.partnerships_for(user)
        .select_related("currency")
        .annotate(latest_health=Subquery(latest.values("overall")[:1]))
        .order_by("name", "pk")
    )
    return access.with_roles(user, partnerships)


def _results(user, partnerships, today) -> dict:
    """{partnership id: Summary} from the periods `user` may see on each."""
    open_ids = [p.pk for p in partnerships if access.can(user, "view_open_periods", p)]
    periods = (
        Period.objects.filter(Q(locked_at__isnull=False) | Q(indicator__partnership__in=open_ids))
        .select_related("actual")
        .order_by("start", "pk")
    )
    indicators = Indicator.objects.filter(partnership__in=partnerships).prefetch_related(
        Prefetch("periods", queryset=periods)
    )
    rows = {p.pk: [] for p in partnerships}
    for indicator in indicators:
        series = progress.series(indicator, list(indicator.periods.all()))
        overdue = sum(1 for r in series if progress.is_overdue(r.period, r.actual, today))
        rows[indicator.partnership_id].append(IndicatorRow(indicator, None, series, progress.latest(series), overdue))
    return {pk: summarise(found) for pk, found in rows.items()}


def _scopes(user, partnerships) -> dict:
    """{partnership id: access.commitments_scope}. A donor's own organisation does not depend on the partnership
    (the contact person their account is linked to), so it is asked once, on the first partnership that needs it."""
    scopes, own = {}, False
    for partnership in partnerships:
        if access.can(user, "view_commitments", partnership) or not access.can(
            user, "view_own_commitments", partnership
        ):
            scopes[partnership.pk] = access.commitments_scope(user, partnership)
            continue
        if own is False:
            own = access.commitments_scope(user, partnership)
        scopes[partnership.pk] = own
    return scopes


def _money(partnerships, scopes):
    """({partnership id: committed Figure or None}, {partnership id: spent Figure})."""
    whose = Q(pk__in=[])
    for pk, scope in scopes.items():
        if scope == access.ALL:
            whose |= Q(partnership=pk)
        elif scope is not None:
            whose |= Q(partnership=pk, organisation=scope)
    commitments = list(
        Commitment.objects.filter(whose, value__isnull=False)
        .exclude(status=CommitmentStatus.WITHDRAWN)
        .prefetch_related("years")
    )
    spent_rows = list(
        Transaction.objects.filter(partnership__in=partnerships, type=TransactionType.EXPENDITURE).values_list(
            "partnership_id", "amount", "currency_id", "date"
        )
    )
    codes = {p.currency_id for p in partnerships} | {c.currency_id for c in commitments} | {r[2] for r in spent_rows}
    book = RateBook.load(codes)
    currency = {p.pk: p.currency_id for p in partnerships}
    committed = {pk: Figure(currency[pk]) if scopes[pk] is not None else None for pk in currency}
    spent = {pk: Figure(currency[pk]) for pk in currency}
    for commitment in commitments:
        for year in commitment.years.all():
            on = dt.date(year.year, 1, 1)
            committed[commitment.partnership_id].add(year.amount, commitment.currency_id, on, book)
    for partnership_id, amount, code, date in spent_rows:
        spent[partnership_id].add(amount, code, date, book)
    return committed, spent


def _milestones(partnerships, today) -> dict:
    found = {p.pk: [] for p in partnerships}
    milestones = (
        Milestone.objects.filter(
            version__partnership__in=partnerships,
            version__status=RoadmapVersion.Status.APPROVED,
            due_on__gte=today,
            due_on__lte=today + dt.timedelta(days=MILESTONE_DAYS),
        )
        .exclude(status__in=[MilestoneStatus.DONE, MilestoneStatus.CANCELLED])
        .select_related("version", "owner")
        .order_by("due_on", "pk")
    )
    for milestone in milestones:
        found[milestone.version.partnership_id].append(milestone)
    return found


def _reports(user, partnerships) -> dict:
    found = {p.pk: [] for p in partnerships}
    by_pk = {p.pk: p for p in partnerships}
    delivered = Report.objects.filter(partnership__in=partnerships).filter(
        Q(released_at__isnull=False) | Q(published_at__isnull=False)
    )
    for report in delivered.order_by("-period_end", "-number", "-pk"):
        report.partnership = by_pk[report.partnership_id]  # the loaded one, with the role cached
        mine = found[report.partnership_id]
        if len(mine) < LATEST_REPORTS and access.can_read_report(user, report):
            mine.append(report)
    return found


def portfolio_for(user, *, today=None) -> list[PortfolioRow]:
    """One PortfolioRow per partnership `user` holds a role on (every one, for a superuser), by name."""
    today = today or timezone.localdate()
    partnerships = partnerships_of(user)
    if not partnerships:
        return []
    results = _results(user, partnerships, today)
    scopes = _scopes(user, partnerships)
    committed, spent = _money(partnerships, scopes)
    milestones = _milestones(partnerships, today)
    reports = _reports(user, partnerships)
    rows = []
    for p in partnerships:
        scope = scopes[p.pk]
        whose = "" if scope is None else ("all" if scope == access.ALL else "own")
        rows.append(
            PortfolioRow(
                partnership=p,
                health=p.latest_health,
                results=results[p.pk],
                commitments=whose,
                organisation=scope if whose == "own" else None,
                committed=committed[p.pk],
                spent=spent[p.pk],
                milestones=milestones[p.pk],
                reports=reports[p.pk],
            )  # fmt: skip
        )
    return rows
