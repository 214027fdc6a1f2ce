"""The donor report's success-factor checklist: the latest run at or before the period's end, its health per area
(the checklist page's chart, phases.dashboard) and the items that failed or warned, with their evidence and what to
do. One query (the run's items) besides the run the report context loads."""

from collections import Counter

from phases.catalogue import CATALOGUE, Area, Result
from phases.dashboard import _area_chart
from phases.runs import ORDER

SHOWN = (Result.FAIL, Result.WARN)


def collect(ctx) -> dict:
    run = ctx.checklist_run
    if run is None:
        return {"run": None}
    items = [i for i in run.items.all() if i.item_id in CATALOGUE]
    counts = Counter(i.result for i in items)
    areas = {area.value: area.label for area in Area}
    problems = sorted(
        (i for i in items if i.result in SHOWN),
        key=lambda i: (i.result != Result.FAIL, ORDER[i.item_id]),
    )
    return {
        "run": run,
        "chart": _area_chart(run),
        "counts": [(Result(r).label, counts[r]) for r in (Result.PASS, Result.WARN, Result.FAIL, Result.CONFIRM)],
        "problems": [
            {
                "item": CATALOGUE[i.item_id],
                "area": areas.get(CATALOGUE[i.item_id].area, ""),
                "result": Result(i.result).label,
                "is_fail": i.result == Result.FAIL,
                "evidence": i.evidence,
                "todo": CATALOGUE[i.item_id].todo,
            }
            for i in problems
        ],
    }
