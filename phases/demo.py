"""Demo phase histories: the cocoa partnership went back once when a key partner was missing.

The transitions are written last (ctx["last"]), once every app has loaded its part, so that each stores the
snapshots the apps register (phases.snapshots: the stakeholder map); they are append-only, so they are written
complete."""

import datetime as dt

from auditlog.context import set_actor
from django.utils import timezone

from msp.models import BackwardReason

from . import snapshots
from .models import PhaseTransition


def _at(day):
    return timezone.make_aware(dt.datetime.fromisoformat(day + "T10:00"))


HISTORIES = {
    "cocoa": [
        ("2024-03-12", 1, 2, "", "Core group of regulators, two manufacturers and four cooperatives formed."),
        ("2024-11-05", 2, 3, "", "Roadmap approved; MoU signed by the founding partners."),
        (
            "2025-04-10",
            3,
            2,
            BackwardReason.KEY_PARTNERS_MISSING,
            "Côte d'Ivoire's cocoa regulator was not yet at the table; the traceability milestones need its "
            "commitment, so the roadmap is reopened.",
        ),
        ("2025-09-01", 2, 3, "", "Regulator joined; revised roadmap approved by all members."),
    ],
    "water": [
        (
            "2025-06-20",
            1,
            2,
            "",
            "Core group formed: water utility, power producer, WRA, two counties, farmers' union.",
        ),
    ],
}


def load(ctx):
    ctx.setdefault("last", []).append(lambda: write_histories(ctx))


def write_histories(ctx):
    amina, joseph = ctx["users"]["amina"], ctx["users"]["joseph"]
    for key, steps in HISTORIES.items():
        partnership = ctx["partnerships"][key]
        if key not in ctx.get("new", set()) or partnership.transitions.exists():
            continue
        by = joseph if key == "water" else amina
        with set_actor(by):
            for day, a, b, reason, note in steps:
                PhaseTransition.objects.create(
                    partnership=partnership,
                    from_phase=a,
                    to_phase=b,
                    by=by,
                    reason=reason,
                    note=note,
                    snapshots=snapshots.take(partnership),
                    created_at=_at(day),
                )
                partnership.phase, partnership.phase_since = b, _at(day)
                partnership.save(update_fields=["phase", "phase_since", "updated_at"])
