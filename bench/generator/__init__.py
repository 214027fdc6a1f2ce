"""The data generator behind `manage.py generate_data`: a large, realistic and deterministic data set, sized by a
factor (1.0: the issue's default size of 500 partnerships and 3,000 organisations).

One module per subject, run in this order (each hangs its rows on the previous ones'): `people` (registry,
partnerships, users and roles, memberships, stakeholder maps), `agreements` (roadmap and MoU), `governance`
(bodies, meetings, decisions, resources), `monitoring` (indicators and their data, learning, reports) and
`lifecycle` (phase transitions, checklist runs, the activity feed, IATI publications). Rows are inserted in
batches, without per-row services or signals, but as the services would have written them: every constraint holds
and every page renders them.
"""

import time

from django.contrib.auth.hashers import make_password
from django.db import transaction

from . import agreements, governance, lifecycle, monitoring, people
from .context import Context, Sizes

__all__ = ["Context", "Sizes", "generate"]

STEPS = [("people", people), ("agreements", agreements), ("governance", governance), ("monitoring", monitoring),
         ("lifecycle", lifecycle)]  # fmt: skip


def generate(*, factor=1.0, seed=1, password="msp-bench", log=None) -> Context:
    """Fill the database; returns the context, whose `counts` say how many rows of each model were written and
    `seconds` how long it took."""
    started = time.monotonic()
    ctx = Context(factor=factor, seed=seed, password_hash=make_password(password), log=log)
    with transaction.atomic():
        for name, step in STEPS:
            began = time.monotonic()
            step.build(ctx)
            ctx.log(f"{name}: {time.monotonic() - began:.1f} s")
    ctx.seconds = time.monotonic() - started
    return ctx
