"""Checklist runs built directly (the evaluation service is not needed to test the pages that show them)."""

import datetime as dt

from django.utils import timezone

from phases.catalogue import ITEMS, Area, Result
from phases.models import ChecklistRun, RunItem, Trigger

SCORE = {Result.PASS: 1, Result.WARN: 0.5, Result.FAIL: 0}


def make_run(
    partnership, results=None, *, days_ago=0, default=Result.PASS, trigger=Trigger.MANUAL, evidence=None, notes=None
):
    """A run of `partnership` where every item has `default` but those in `results` ({item id: result})."""
    results = results or {}
    outcomes = {item.id: results.get(item.id, default) for item in ITEMS}
    health = {}
    for area in [*Area.values, "overall"]:
        scores = [
            SCORE[r]
            for item in ITEMS
            if (area == "overall" or item.area == area)
            for r in [outcomes[item.id]]
            if r in SCORE
        ]
        health[area] = sum(scores) / len(scores) if scores else None
    run = ChecklistRun.objects.create(
        partnership=partnership,
        created_at=timezone.now() - dt.timedelta(days=days_ago),
        phase=partnership.phase,
        trigger=trigger,
        health={k: v for k, v in health.items() if k != "overall"},
        overall=health["overall"],
    )
    RunItem.objects.bulk_create(
        RunItem(
            run=run,
            item_id=item.id,
            result=outcomes[item.id],
            evidence=(evidence or {}).get(item.id, ""),
            judgement_note=(notes or {}).get(item.id, ""),
        )
        for item in ITEMS
    )
    return run
