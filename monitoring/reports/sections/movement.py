"""The donor report's "How the stakeholder map moved": the map stored with the last phase transition of the period
(phases.models.PhaseTransition.snapshots["stakeholder_map"]) against the map at the period's end: the next
transition's snapshot when the partnership moved again after the period, else the map as it stands. The comparison
is map_movement.compare; this reads the report context's transitions and map (no query of its own)."""

from babel.lists import format_list
from django.utils.translation import get_language, to_locale

from .. import map_movement, partnership_reads

KEY = "stakeholder_map"


def _as_snapshot(entries) -> list[dict]:
    """Today's map in the shape of a stored snapshot (from entries already loaded)."""
    return [
        {
            "organisation": e.organisation_id,
            "name": e.organisation.name,
            "power": e.power,
            "interest": e.interest,
            "influence": e.influence,
            "engagement": e.engagement,
        }
        for e in entries
    ]


def _names(changes) -> str:
    """ "A, B and C" in the report's language."""
    return format_list([c.name for c in changes], locale=to_locale(get_language() or "en")) if changes else ""


def _engagement(changes) -> str:
    """ "A (consulted → involved), B (...)" in the report's language."""
    parts = [f"{c.name} ({c.engagement_before.label} → {c.engagement_after.label})" for c in changes]
    return format_list(parts, locale=to_locale(get_language() or "en")) if parts else ""


def collect(ctx) -> dict:
    end = partnership_reads.period_end(ctx)
    stored = [t for t in ctx.transitions if KEY in (t.snapshots or {})]
    before = [t for t in stored if t.created_at < end]
    if not before:
        return {"since": None, "unstored": any(t.created_at < end for t in ctx.transitions)}
    since = before[-1]
    after = next((t for t in stored if t.created_at >= end), None)
    now = after.snapshots[KEY] if after is not None else _as_snapshot(ctx.map_entries)
    movement = map_movement.compare(since.snapshots[KEY], now)
    return {
        "since": since,
        "until": after,
        "movement": movement,
        "entered": _names(movement.entered),
        "left": _names(movement.left),
        "rose": _engagement(movement.rose),
        "fell": _engagement(movement.fell),
        "new": _names(movement.new),
        "gone": _names(movement.gone),
    }
