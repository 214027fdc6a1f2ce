"""Reads for the checklist pages and the health card: the latest run and its items as rows to show, the current
judgements, the partnership's parameters, the run history and what changed between two runs. Each read runs a fixed
number of queries whatever the number of runs, items or judgements."""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone

from . import checks
from .catalogue import CATALOGUE, ITEMS, Area, Kind, Result
from .models import ChecklistRun, EvaluationRequest, Judgement, ParameterOverride, RequestStatus, RunItem

JUDGED = (Kind.ASSISTED, Kind.MANUAL)
ORDER = {item.id: n for n, item in enumerate(ITEMS)}
COUNTED = (Result.PASS, Result.WARN, Result.FAIL, Result.CONFIRM, Result.NOT_APPLICABLE)


@dataclass
class Row:
    """One item of a run as the checklist shows it."""

    item: object  # catalogue Item
    result: str
    evidence: str = ""
    links: list = field(default_factory=list)
    judgement: Judgement | None = None  # the newest judgement, if any
    stale_since: object = None  # the date the judgement stopped counting, when it is stale
    rule: str = ""  # what the check looks at, with the partnership's numbers

    @property
    def result_label(self):
        return Result(self.result).label

    @property
    def judged(self):
        return self.item.kind in JUDGED

    @property
    def gates(self):
        return sorted(self.item.gates.items())


def _number(value):
    return int(value) if value == int(value) else float(value)


def overrides(partnership) -> dict:
    """{item id: {parameter: value}}: the partnership's own values of the items' parameters."""
    values = {}
    for row in ParameterOverride.objects.filter(partnership=partnership):
        values.setdefault(row.item_id, {})[row.name] = _number(row.value)
    return values


def latest_judgements(partnership) -> dict:
    """{item id: the newest Judgement (with who gave it)}."""
    latest = {}
    for judgement in Judgement.objects.filter(partnership=partnership).select_related("by").order_by("-at", "-pk"):
        latest.setdefault(judgement.item_id, judgement)
    return latest


def latest_run(partnership):
    return ChecklistRun.objects.filter(partnership=partnership).first()


def pending_request(partnership):
    """The evaluation queued or running for `partnership`, if any."""
    statuses = (RequestStatus.QUEUED, RequestStatus.RUNNING)
    return EvaluationRequest.objects.filter(partnership=partnership, status__in=statuses).first()


def rows(run, *, items=None, judgements=None, params=None, today=None) -> list[Row]:
    """The run's items in catalogue order (those no longer in the catalogue left out)."""
    items = list(run.items.all()) if items is None else items
    judgements, params = judgements or {}, params or {}
    today = today or timezone.localdate()
    shown = []
    for stored in sorted((i for i in items if i.item_id in CATALOGUE), key=lambda i: ORDER[i.item_id]):
        item = CATALOGUE[stored.item_id]
        judgement = judgements.get(item.id)
        since = checks.stale_since(judgement, item, params) if judgement else None
        shown.append(
            Row(
                item,
                stored.result,
                stored.evidence,
                [tuple(link) for link in stored.links],
                judgement,
                since if since and since < today else None,
                item.describe(params.get(item.id)),
            )
        )
    return shown


def by_area(shown, health) -> list[tuple]:
    """[(area, its health 0..1 or None, its rows)] for the seven areas, in order."""
    return [(area, health.get(area.value), [r for r in shown if r.item.area == area]) for area in Area]


def area_health(run) -> list[tuple]:
    """[(area, health 0..1 or None)] of a run."""
    return [(area, run.health.get(area.value)) for area in Area]


def runs_for(partnership):
    """The partnership's runs, newest first, each with its number of items per result (`n_pass`...)."""
    counts = {f"n_{r.value}": Count("items", filter=Q(items__result=r.value)) for r in COUNTED}
    return ChecklistRun.objects.filter(partnership=partnership).annotate(**counts).order_by("-created_at", "-pk")


def previous_run(run):
    return (
        ChecklistRun.objects.filter(partnership_id=run.partnership_id)
        .filter(Q(created_at__lt=run.created_at) | Q(created_at=run.created_at, pk__lt=run.pk))
        .first()
    )


def changes(run, previous, items=None) -> list[tuple]:
    """[(item, result before, result now)] of the items whose result changed from `previous` to `run`, in catalogue
    order. `items`: the RunItems of both runs, if already loaded."""
    if previous is None:
        return []
    if items is None:
        items = RunItem.objects.filter(run__in=[run, previous])
    before = {i.item_id: i.result for i in items if i.run_id == previous.pk}
    now = {i.item_id: i.result for i in items if i.run_id == run.pk}
    return [
        (item, Result(before[item.id]), Result(now[item.id]))
        for item in ITEMS
        if item.id in before and item.id in now and before[item.id] != now[item.id]
    ]
