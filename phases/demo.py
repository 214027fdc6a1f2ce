"""Demo phase histories: the cocoa partnership went back once when a key partner was missing; and the checklist runs.

The transitions are written last (ctx["last"]), once every app has loaded its part, so that each stores the
snapshots the apps register (phases.snapshots: the stakeholder map); they are append-only, so they are written
complete. Then every demo partnership's checklist is evaluated (the run a worker would make), so the checklist, its
runs and the dashboard's health card show real results; for cocoa, the secretariat judges trust (CM-6) between two
runs, so "what changed since the previous run" shows something. A partnership that has runs already keeps them."""

import datetime as dt

from auditlog.context import set_actor
from django.utils import timezone

from msp.models import BackwardReason

from . import evaluation, judging, snapshots
from .catalogue import Result
from .models import PhaseTransition, Trigger


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


# How cocoa's stakeholder map stood at its earlier transitions, where it differs from the map the demo loads (the
# snapshots are written at the end, from today's map): before the regulator of Côte d'Ivoire joined, it was not
# at the table, the traders were closer and the chocolate maker was not yet in "manage closely", so the donor
# report's "How the stakeholder map moved" has something to show. {organisation: (power, interest, engagement)}
COCOA_MAP_BEFORE_REGULATOR = {
    "Conseil Ivoirien de la Filière Cacao": (5, 2, "informed"),
    "West Africa Cocoa Traders Ltd": (4, 4, "involved"),
    "Chocolaterie Europa GmbH": (3, 4, "consulted"),
    "Ministry of Lands and Forestry, Ghana": (5, 3, "consulted"),
}
COCOA_MAP_THEN = {
    "2024-03-12": COCOA_MAP_BEFORE_REGULATOR,
    "2024-11-05": COCOA_MAP_BEFORE_REGULATOR,
    "2025-04-10": COCOA_MAP_BEFORE_REGULATOR,
    "2025-09-01": {
        "Chocolaterie Europa GmbH": (3, 4, "involved"),
        "Ministry of Lands and Forestry, Ghana": (5, 3, "consulted"),
    },
}


def _map_then(key, day, taken):
    """The snapshots of today's map, changed as the map stood on `day` (COCOA_MAP_THEN)."""
    then = COCOA_MAP_THEN.get(day, {}) if key == "cocoa" else {}
    for entry in taken.get("stakeholder_map", []):
        if entry["name"] in then:
            entry["power"], entry["interest"], entry["engagement"] = then[entry["name"]]
    return taken


def load(ctx):
    ctx.setdefault("last", []).append(lambda: write_histories(ctx))
    # After every "last" step: the runs read what those wrote (ME-3 reads the reports the monitoring demo makes).
    ctx.setdefault("final", []).append(lambda: evaluate_checklists(ctx))


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
                    snapshots=_map_then(key, day, snapshots.take(partnership)),
                    created_at=_at(day),
                )
                partnership.phase, partnership.phase_since = b, _at(day)
                partnership.save(update_fields=["phase", "phase_since", "updated_at"])


# The judgement the cocoa secretariat records between the demo's two runs.
COCOA_JUDGEMENT = (
    "CM-6",
    Result.PASS,
    "Partners' workshop in Kumasi: members describe open, respectful discussions, and the regulator's late arrival "
    "was welcomed rather than resented.",
)


def evaluate_checklists(ctx):
    for key, partnership in ctx["partnerships"].items():
        if partnership.checklist_runs.exists():
            continue
        _evaluate(partnership)
        if key == "cocoa":
            amina = ctx["users"]["amina"]
            item_id, result, note = COCOA_JUDGEMENT
            with set_actor(amina):
                judging.judgement_record(partnership=partnership, item_id=item_id, result=result, note=note, by=amina)
            _evaluate(partnership)


def _evaluate(partnership):
    """The run a worker makes of the partnership's queued request (the judgement's, or a new nightly one)."""
    request, _created = evaluation.queued_request(partnership=partnership, trigger=Trigger.NIGHTLY)
    return evaluation.evaluation_run(request.pk)
