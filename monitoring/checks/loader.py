"""The monitoring facts the rules read, loaded once per evaluation in a fixed number of queries whatever the
partnership's size: its SDG targets and countries, its active members with what they committed and what they own,
its indicators with their results-chain node, periods, actuals and progress, the lessons of the last year, capacity
gaps, context analyses, related initiatives, risks, when the roadmap was revised or the partnership went back a
phase, and the reports released or published."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from django.db.models import F, Q
from django.utils import timezone

from governance.checks.loader import budget_rows, link_version, roadmap_versions, roadmaps
from governance.models import CommitmentStatus, Milestone, ResultNode
from phases.checks import loader
from phases.models import PhaseTransition
from stakeholders.checks.facts import active_members, countries

from .. import progress
from ..models import (
    CapacityGap,
    ContextAnalysis,
    Indicator,
    Lesson,
    Period,
    RelatedInitiative,
    Report,
    ReportStatus,
    Risk,
    RiskStatus,
)
from .common import months_before

LESSON_MONTHS = 12  # ME-4 looks at the lessons of the last year


@dataclass
class IndicatorData:
    indicator: Indicator
    node: object  # its results-chain node in the roadmap's current wording, or None
    periods: list  # ordered by start, actuals loaded
    series: list  # progress.PeriodProgress of each period

    @property
    def latest(self):
        """The progress of the newest period with an actual, or None."""
        return progress.latest(self.series)


@dataclass
class MonitoringFacts:
    sdg_targets: list = field(default_factory=list)  # the partnership's own SDG targets
    countries: set = field(default_factory=set)  # codes of the partnership's countries
    members: list = field(default_factory=list)  # active memberships, organisations loaded
    committed: set = field(default_factory=set)  # organisation ids with a commitment that is not withdrawn
    owners: set = field(default_factory=set)  # organisation ids owning a results-chain node, milestone or live risk
    indicators: list = field(default_factory=list)  # IndicatorData
    lessons: list = field(default_factory=list)  # of the last LESSON_MONTHS months, newest first
    gaps: list = field(default_factory=list)  # capacity gaps, organisations loaded
    analyses: list = field(default_factory=list)  # context analyses, newest first
    initiatives: list = field(default_factory=list)  # related initiatives
    risks: list = field(default_factory=list)
    roadmap_versions: list = field(default_factory=list)  # [(number, date created)], oldest first
    reversions: list = field(default_factory=list)  # dates the partnership went back a phase, oldest first
    delivered: list = field(default_factory=list)  # made reports released or published, newest first (ME-3)


def _with_parts(partnership, version):
    """`version` with its nodes and milestones loaded, as the governance loader reads them, or None when it is
    not among those (a superseded one)."""
    return next((v for v in roadmaps(partnership) if version is not None and v.pk == version.pk), None)


def _nodes_by_key(partnership, version) -> dict:
    """governance.selectors.budget.nodes_by_key, from the link version already read (node keys are unique in a
    version, so the order read in does not matter)."""
    if version is None:
        return {}
    loaded = _with_parts(partnership, version)
    nodes = loaded.nodes.all() if loaded else ResultNode.objects.filter(version=version)
    return {node.key: node for node in nodes}


class ActualRow(NamedTuple):
    """What the rules and monitoring.progress read of an actual."""

    value: Decimal | None
    measured_on: dt.date
    light: str


class PeriodRow(NamedTuple):
    """What the rules and monitoring.progress read of a reporting period, with its actual (None without one)."""

    pk: int
    start: dt.date
    end: dt.date
    target_value: Decimal | None
    target_text: str
    actual: ActualRow | None


def _periods(partnership) -> dict:
    """{indicator id: [PeriodRow] by start}: the periods and actuals as plain rows (one query); as model
    instances, a partnership's four hundred of them were a third of what an evaluation made."""
    rows = Period.objects.filter(indicator__partnership=partnership).order_by("start", "pk")
    fields = ("indicator_id", "pk", "start", "end", "target_value", "target_text", "actual__pk")
    fields += ("actual__value", "actual__measured_on", "actual__light")
    periods = defaultdict(list)
    for indicator_id, pk, start, end, target, text, actual_pk, value, measured_on, light in rows.values_list(*fields):
        actual = ActualRow(value, measured_on, light) if actual_pk is not None else None
        periods[indicator_id].append(PeriodRow(pk, start, end, target, text, actual))
    return periods


def _indicators(partnership, version):
    rows = Indicator.objects.filter(partnership=partnership).prefetch_related("sdg_targets")
    nodes = _nodes_by_key(partnership, version)
    by_indicator = _periods(partnership)
    data = []
    for indicator in rows:
        periods = by_indicator.get(indicator.pk, [])
        data.append(
            IndicatorData(indicator, nodes.get(indicator.result_node_key), periods, progress.series(indicator, periods))
        )
    return data, nodes


def _owners(partnership, version, nodes, risks):
    loaded = _with_parts(partnership, version)
    if loaded is not None:
        milestones = [m.owner_id for m in loaded.milestones.all()]
    else:
        milestones = Milestone.objects.filter(version=version).values_list("owner_id", flat=True) if version else []
    live = [risk.owner_id for risk in risks if risk.status != RiskStatus.CLOSED]
    return {owner for owner in [*(n.owner_id for n in nodes.values()), *milestones, *live] if owner is not None}


def _local_date(moment):
    return timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()


@loader("monitoring")
def load(partnership, today):
    facts = MonitoringFacts()
    facts.sdg_targets = list(partnership.sdg_targets.all())
    facts.countries = {country.pk for country in countries(partnership)}
    facts.members = active_members(partnership, today)
    facts.committed = {
        c.organisation_id for c in budget_rows(partnership).commitments if c.status != CommitmentStatus.WITHDRAWN
    }
    versions = roadmap_versions(partnership)
    version = link_version(versions)
    facts.indicators, nodes = _indicators(partnership, version)
    facts.risks = list(Risk.objects.filter(partnership=partnership).select_related("owner"))
    facts.owners = _owners(partnership, version, nodes, facts.risks)
    facts.lessons = list(
        Lesson.objects.filter(partnership=partnership, learned_on__gte=months_before(today, LESSON_MONTHS))
    )
    facts.gaps = list(CapacityGap.objects.filter(partnership=partnership).select_related("organisation"))
    facts.analyses = list(ContextAnalysis.objects.filter(partnership=partnership))
    facts.initiatives = list(RelatedInitiative.objects.filter(partnership=partnership))
    facts.roadmap_versions = [(v.number, _local_date(v.created_at)) for v in reversed(versions)]
    backward = PhaseTransition.objects.filter(partnership=partnership, to_phase__lt=F("from_phase"))
    facts.reversions = sorted(_local_date(at) for at in backward.values_list("created_at", flat=True))
    delivered = Report.objects.filter(partnership=partnership, status=ReportStatus.DONE).filter(
        Q(released_at__isnull=False) | Q(published_at__isnull=False)
    )
    facts.delivered = list(delivered.only("kind", "number", "period_end", "released_at", "published_at"))
    return facts
