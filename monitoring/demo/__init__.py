"""Demo monitoring and learning data for the three demo partnerships, on the rows of the governance demo.

Indicators (`indicators`, from the plans in `cocoa`, `water` and `textile`) on the nodes of each partnership's
roadmap, with quarterly periods counted from the demo's today (`common`): targets, actuals with narratives and
breakdowns, the checked quarters locked. Idempotent: a partnership that has indicators is left alone.
"""

from . import cocoa, indicators, textile, water

PLANS = {"cocoa": cocoa.PLAN, "water": water.PLAN, "textile": textile.PLAN}
SECRETARIAT = {"cocoa": "amina", "water": "joseph", "textile": "amina"}


def load(ctx):
    for key, plan in PLANS.items():
        secretariat = ctx["users"][SECRETARIAT[key]]
        indicators.load(ctx["partnerships"][key], plan, secretariat)
