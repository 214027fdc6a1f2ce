"""The checklist evaluation as a job: the queued request of a partnership (one at a time, so a burst of edits runs one
evaluation) and the run that a worker makes of it (phases.tasks calls `evaluation_run`).

A request is claimed with a conditional update (queued -> running, or failed -> running for a retry), so a duplicated
or retried task does no harm: whoever does not win the claim returns None. The run, every item's result and the
request's "done" are written in one transaction; a failure marks the request failed with the error and re-raises, so
Celery may retry it. A request left running by a worker that died (longer than the task time limit) may be claimed
again: with acks_late, the broker hands the task to another worker.

This module queues nothing (phases.services and phases.tasks do), so tasks may import it without an import circle.
"""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation

from . import checks
from .catalogue import Kind
from .models import ChecklistRun, EvaluationRequest, Judgement, ParameterOverride, RequestStatus, RunItem

# Past this, a "running" request is taken as lost (its worker died): the task's hard time limit and a margin.
LOST_AFTER = dt.timedelta(seconds=getattr(settings, "CELERY_TASK_TIME_LIMIT", 600) + 60)
# Past this, a queued request's task is taken as lost (the broker was down or dropped it).
DROPPED_AFTER = dt.timedelta(minutes=5)


def queued_request(*, partnership, trigger, by=None) -> tuple[EvaluationRequest, bool]:
    """(the partnership's queued request, whether it was made now): the one already waiting, or a new one. The
    database holds one queued request per partnership; of two callers racing to make it, the second reads the
    first's."""
    existing = EvaluationRequest.objects.filter(partnership=partnership, status=RequestStatus.QUEUED).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return (
                EvaluationRequest.objects.create(
                    partnership=partnership, trigger=trigger, requested_by=by, status=RequestStatus.QUEUED
                ),
                True,
            )
    except IntegrityError:
        return EvaluationRequest.objects.get(partnership=partnership, status=RequestStatus.QUEUED), False


def queued_requests(partnerships, *, trigger) -> list[int]:
    """The ids of a queued request for each partnership of the queryset `partnerships`: the one already waiting, or
    a new one (four queries whatever their number, where `queued_request` took two per partnership). A request
    another caller made meanwhile is kept (the insert skips what the one-queued-request constraint refuses) and
    read back with the others."""
    waiting = EvaluationRequest.objects.filter(status=RequestStatus.QUEUED, partnership__in=partnerships)
    have = set(waiting.values_list("partnership_id", flat=True))
    new = [
        EvaluationRequest(partnership_id=pk, trigger=trigger, status=RequestStatus.QUEUED)
        for pk in partnerships.values_list("pk", flat=True)
        if pk not in have
    ]
    EvaluationRequest.objects.bulk_create(new, ignore_conflicts=True)
    return list(waiting.order_by("partnership_id").values_list("pk", flat=True))


def dropped_ids() -> list[int]:
    """Requests whose task seems lost: queued for long, or running past the time limit."""
    now = timezone.now()
    lost = Q(status=RequestStatus.QUEUED, requested_at__lt=now - DROPPED_AFTER) | Q(
        status=RequestStatus.RUNNING, started_at__lt=now - LOST_AFTER
    )
    return list(EvaluationRequest.objects.filter(lost).values_list("pk", flat=True))


def claim(request_id) -> bool:
    """Take the request for this worker: True when it was queued (or failed, or lost) and is now running here."""
    now = timezone.now()
    claimable = Q(status__in=[RequestStatus.QUEUED, RequestStatus.FAILED]) | Q(
        status=RequestStatus.RUNNING, started_at__lt=now - LOST_AFTER
    )
    return bool(
        EvaluationRequest.objects.filter(claimable, pk=request_id).update(
            status=RequestStatus.RUNNING, started_at=now, finished_at=None, error=""
        )
    )


def evaluation_run(request_id) -> ChecklistRun | None:
    """Evaluate the partnership of request `request_id` and store the run; None when another worker has the
    request (or it is done, or gone)."""
    if not claim(request_id):
        return None
    request = EvaluationRequest.objects.select_related("partnership").get(pk=request_id)
    try:
        with transaction.atomic():
            run = _evaluate_and_store(request)
    except Exception as exc:
        EvaluationRequest.objects.filter(pk=request_id).update(
            status=RequestStatus.FAILED, finished_at=timezone.now(), error=f"{type(exc).__name__}: {exc}"[:2000]
        )
        raise
    return run


def _evaluate_and_store(request):
    partnership = request.partnership
    # Evidence is stored as words: in the partnership's working language, like its other documents.
    with translation.override(partnership.language):
        outcomes = checks.evaluate(
            partnership, params=parameters_of(partnership), judgements=latest_judgements(partnership)
        )
        items = [_run_item(o) for o in outcomes]
    health = checks.health(outcomes)
    overall = health.pop("overall")
    now = timezone.now()
    run = ChecklistRun.objects.create(
        partnership=partnership,
        request=request,
        created_at=now,
        phase=partnership.phase,
        trigger=request.trigger,
        health=health,
        overall=overall,
    )
    for item in items:
        item.run = run
    RunItem.objects.bulk_create(items)
    EvaluationRequest.objects.filter(pk=request.pk).update(status=RequestStatus.DONE, finished_at=now)
    return run


def _run_item(outcome):
    return RunItem(
        item_id=outcome.item.id,
        result=outcome.result,
        evidence=str(outcome.evidence or ""),
        links=[[str(label), str(url)] for label, url in outcome.links],
        hint=outcome.finding.result if outcome.item.kind == Kind.ASSISTED else "",
        judgement_note=outcome.judgement.note if outcome.judgement is not None else "",
        stale=outcome.stale,
    )


def latest_judgements(partnership) -> dict:
    """{item id: phases.checks.Judgement}: the newest judgement of each item (one query)."""
    latest = {}
    rows = Judgement.objects.filter(partnership=partnership).order_by("-at", "-pk")
    for item_id, result, note, at in rows.values_list("item_id", "result", "note", "at"):
        latest.setdefault(item_id, checks.Judgement(result=result, note=note, at=at))
    return latest


def parameters_of(partnership) -> dict:
    """{item id: {parameter: value}}: the partnership's own values of the catalogue's `cfg` numbers (one query)."""
    params = {}
    for item_id, name, value in ParameterOverride.objects.filter(partnership=partnership).values_list(
        "item_id", "name", "value"
    ):
        params.setdefault(item_id, {})[name] = _number(value)
    return params


def _number(value: Decimal):
    """A whole number as int (thresholds like "3 members"), otherwise a float, as the catalogue's defaults are."""
    return int(value) if value == value.to_integral_value() else float(value)
