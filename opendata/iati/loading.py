"""Everything one partnership's IATI activity needs, read in a fixed number of queries (about fifteen, however many
members, lines, transactions, indicators and periods it has), so that building the file never runs a query per
record.

What is read is what may be published: the approved roadmap's results chain (not drafts), the indicators' locked
periods (what donors see: the secretariat locks a period once its data is checked), published public reports. No
person is read at all: not the contact persons, not the users who entered or locked anything.

Each query reads only the columns the file writes (`only()`): building Django models is most of a file's time,
and a model built from fewer columns is built faster (the periods with their actuals and the transactions with
their counterparts in half the time). A builder that writes a new field adds it here, or every record would pay
one query more for it.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Max, Min, Q
from django.utils import timezone

from governance.models import MouVersion, ResultNode, RoadmapVersion, Transaction
from governance.money import RateBook
from governance.selectors.budget import planned_lines
from monitoring.models import Breakdown, Indicator, Period, Report, ReportKind, ReportStatus
from phases.models import PhaseTransition
from stakeholders.models import Membership

from .codes import RESULT_LEVELS


@dataclass
class ActivityData:
    partnership: object
    today: dt.date
    countries: list = field(default_factory=list)  # ISO codes, in order
    goals: list = field(default_factory=list)
    targets: list = field(default_factory=list)
    members: list = field(default_factory=list)  # current memberships, with their organisation
    first_day: dt.date | None = None  # the partnership's first recorded day
    implementation_day: dt.date | None = None  # when it first entered implementation (phase 3)
    roadmap: object = None  # the approved roadmap version, with `last_due` (its last milestone's due date)
    nodes: list = field(default_factory=list)  # its impacts, outcomes and outputs
    indicators: dict = field(default_factory=lambda: defaultdict(list))  # node key: [indicator]
    periods: dict = field(default_factory=lambda: defaultdict(list))  # indicator pk: [locked period]
    breakdown: dict = field(default_factory=lambda: defaultdict(list))  # actual pk: [breakdown]
    indicator_count: int = 0  # all the partnership's indicators, published or not
    lines: list = field(default_factory=list)  # the budget lines that count as planned
    rates: RateBook | None = None
    mou_in_force: bool = False
    transactions: list = field(default_factory=list)
    public_reports: list = field(default_factory=list)

    @property
    def language(self):
        return self.partnership.language

    @property
    def currency(self):
        return self.partnership.currency_id


def load(partnership, today=None) -> ActivityData:
    data = ActivityData(partnership=partnership, today=today or timezone.localdate())
    data.countries = sorted(partnership.countries.values_list("code", flat=True))
    data.goals = list(partnership.sdg_goals.order_by("number"))
    data.targets = list(partnership.sdg_targets.order_by("position"))
    _members_and_dates(data)
    _results(data)
    _money(data)
    data.public_reports = list(
        Report.objects.filter(
            partnership=partnership, kind=ReportKind.PUBLIC, status=ReportStatus.DONE, published_at__isnull=False
        ).order_by("period_start", "number")
    )
    return data


def _members_and_dates(data):
    partnership = data.partnership
    memberships = list(
        Membership.objects.filter(partnership=partnership)
        .select_related("organisation")
        .only("role", "iati_role", "joined_on", "left_on", *_organisation("organisation"))
        .order_by("organisation__name")
    )
    data.members = [
        m for m in memberships if m.joined_on <= data.today and (m.left_on is None or m.left_on > data.today)
    ]
    moves = PhaseTransition.objects.filter(partnership=partnership).aggregate(
        first=Min("created_at"), implementation=Min("created_at", filter=Q(to_phase__gte=3))
    )
    days = [timezone.localtime(partnership.created_at).date()]
    days += [m.joined_on for m in memberships]
    days += [timezone.localtime(moves["first"]).date()] if moves["first"] else []
    # A member may be recorded as joining in the coming weeks: the partnership's start is never in the future.
    data.first_day = min((day for day in days if day <= data.today), default=None)
    if moves["implementation"]:
        data.implementation_day = timezone.localtime(moves["implementation"]).date()
    elif partnership.phase >= 3:  # created in a later phase, or moved before history was kept
        data.implementation_day = timezone.localtime(partnership.phase_since).date()


def _results(data):
    partnership = data.partnership
    data.indicator_count = Indicator.objects.filter(partnership=partnership).count()
    data.roadmap = (
        RoadmapVersion.objects.filter(partnership=partnership, status=RoadmapVersion.Status.APPROVED)
        .annotate(last_due=Max("milestones__due_on"))
        .first()
    )
    if data.roadmap is None:
        return
    nodes = ResultNode.objects.filter(version=data.roadmap, level__in=RESULT_LEVELS)
    data.nodes = sorted(nodes, key=lambda n: (RESULT_LEVELS.index(n.level), n.position, n.pk))
    keys = [node.key for node in data.nodes]
    for indicator in Indicator.objects.filter(partnership=partnership, result_node_key__in=keys).order_by(
        "position", "pk"
    ):
        data.indicators[indicator.result_node_key].append(indicator)
    locked = Period.objects.filter(
        indicator__partnership=partnership, indicator__result_node_key__in=keys, locked_at__isnull=False
    )
    period_fields = ("indicator_id", "start", "end", "target_value", "target_text")
    actual_fields = ("actual__period", "actual__value", "actual__text", "actual__narrative")
    for period in locked.select_related("actual").only(*period_fields, *actual_fields).order_by("start", "pk"):
        data.periods[period.indicator_id].append(period)
    breakdown = (
        Breakdown.objects.filter(actual__period__in=locked)
        .select_related("category__dimension")
        .only("actual_id", "value", "category__name", "category__dimension__name")
    )
    for row in breakdown.order_by("category__dimension__position", "category__position", "pk"):
        data.breakdown[row.actual_id].append(row)


def _money(data):
    partnership = data.partnership
    data.lines = list(
        planned_lines(partnership).only("year", "amount", "currency_id", "budget_type").order_by("year", "pk")
    )
    currencies = {line.currency_id for line in data.lines}
    if currencies - {data.currency}:
        data.rates = RateBook.load(currencies | {data.currency})
    data.mou_in_force = MouVersion.objects.filter(partnership=partnership, status=MouVersion.Status.IN_FORCE).exists()
    data.transactions = list(
        Transaction.objects.filter(partnership=partnership)
        .select_related("counterpart")
        .only("type", "date", "amount", "currency_id", "counterpart_name", *_organisation("counterpart"))
        .order_by("date", "pk")
    )


def _organisation(via):
    """The columns of an organisation the file names (finance.organisation_element), reached through `via`."""
    return (via, f"{via}__name", f"{via}__iati_identifier", f"{via}__iati_type")


def actual_of(period):
    """The period's actual, or None (loaded with the period: no query)."""
    try:
        return period.actual
    except Period.actual.RelatedObjectDoesNotExist:
        return None
