"""Demo monitoring and learning data for the three demo partnerships, on the rows of the governance demo.

Indicators (`indicators`, from the plans in `cocoa`, `water` and `textile`) on the nodes of each partnership's
roadmap, with quarterly periods counted from the demo's today (`common`): targets, actuals with narratives and
breakdowns, the checked quarters locked; then (`learning`) each plan's lessons, capacity gaps, context analyses,
related initiatives and risks; the cocoa partnership's public story (`story`). Last (`reports`, once every app's
data is there), cocoa's reporting schedule and released and published reports. Idempotent: what a partnership already has is left alone.
"""

from . import cocoa, indicators, learning, reports, story, textile, water

PLANS = {"cocoa": cocoa, "water": water, "textile": textile}
SECRETARIAT = {"cocoa": "amina", "water": "joseph", "textile": "amina"}


def load(ctx):
    for key, plan in PLANS.items():
        partnership, secretariat = ctx["partnerships"][key], ctx["users"][SECRETARIAT[key]]
        indicators.load(partnership, plan.PLAN, secretariat)
        learning.load(partnership, plan.LEARNING, secretariat)
    story.load(ctx["partnerships"]["cocoa"])  # the public report's story, photo and key results
    reports.load(ctx)
