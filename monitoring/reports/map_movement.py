"""How the stakeholder map moved between two of its states: pure comparison of two snapshots, no database.

A snapshot is what stakeholders.snapshots.stakeholder_map returns (and what a phase transition stores): a list of
{"organisation": id, "name", "power", "interest", "engagement", ...}. Entries are matched by organisation id (by
name when a snapshot has none). The quadrant is the map page's (stakeholders.models.Quadrant.of: power and interest
4 or more is "manage closely"); engagement levels are ordered as EngagementLevel lists them, with "exited" below
them all (engaged once, no longer), so leaving is a fall.
"""

from dataclasses import dataclass, field

from stakeholders.models import EngagementLevel, Quadrant

ENGAGEMENT_RANK = {
    EngagementLevel.EXITED: 0,
    EngagementLevel.IDENTIFIED: 1,
    EngagementLevel.INFORMED: 2,
    EngagementLevel.CONSULTED: 3,
    EngagementLevel.INVOLVED: 4,
    EngagementLevel.PARTNER: 5,
}


def _key(entry):
    return entry.get("organisation") or entry.get("name")


def _quadrant(entry):
    return Quadrant.of(entry["power"], entry["interest"]) if entry else None


def _rank(entry):
    return ENGAGEMENT_RANK.get(entry.get("engagement"), 0) if entry else None


@dataclass(frozen=True)
class Change:
    """One organisation's entry then (`before`) and now (`after`); either is None when it was not on the map."""

    name: str
    before: dict | None
    after: dict | None

    @property
    def quadrant_before(self):
        return _quadrant(self.before)

    @property
    def quadrant_after(self):
        return _quadrant(self.after)

    @property
    def engagement_before(self):
        return EngagementLevel(self.before["engagement"]) if self.before else None

    @property
    def engagement_after(self):
        return EngagementLevel(self.after["engagement"]) if self.after else None

    @property
    def scores_before(self):
        return (self.before["power"], self.before["interest"]) if self.before else None

    @property
    def scores_after(self):
        return (self.after["power"], self.after["interest"]) if self.after else None

    @property
    def is_change(self) -> bool:
        """Anything a reader of the map would notice: on or off the map, another quadrant, score or engagement."""
        return (
            self.before is None
            or self.after is None
            or self.scores_before != self.scores_after
            or self.engagement_before != self.engagement_after
        )


@dataclass
class Movement:
    entered: list = field(default_factory=list)  # Change: now in "manage closely", not before (new ones included)
    left: list = field(default_factory=list)  # Change: in "manage closely" before, not now (gone ones included)
    rose: list = field(default_factory=list)  # Change: on the map both times, engagement higher now
    fell: list = field(default_factory=list)  # Change: on the map both times, engagement lower now
    new: list = field(default_factory=list)  # Change: on the map now only
    gone: list = field(default_factory=list)  # Change: on the map before only
    changes: list = field(default_factory=list)  # every Change a reader would notice, by name
    unchanged: int = 0  # entries on both maps with the same scores and engagement

    @property
    def moved(self) -> bool:
        return bool(self.changes)


def compare(before: list[dict], after: list[dict]) -> Movement:
    """What changed from the map `before` to the map `after` (two snapshots)."""
    then = {_key(e): e for e in before or []}
    now = {_key(e): e for e in after or []}
    movement = Movement()
    keys = sorted(then.keys() | now.keys(), key=lambda k: ((now.get(k) or then.get(k))["name"].lower(), str(k)))
    manage = Quadrant.MANAGE_CLOSELY
    for key in keys:
        a, b = then.get(key), now.get(key)
        change = Change((b or a)["name"], a, b)
        if not change.is_change:
            movement.unchanged += 1
            continue
        movement.changes.append(change)
        if change.quadrant_after == manage and change.quadrant_before != manage:
            movement.entered.append(change)
        if change.quadrant_before == manage and change.quadrant_after != manage:
            movement.left.append(change)
        if a is None:
            movement.new.append(change)
        elif b is None:
            movement.gone.append(change)
        elif _rank(b) > _rank(a):
            movement.rose.append(change)
        elif _rank(b) < _rank(a):
            movement.fell.append(change)
    return movement
