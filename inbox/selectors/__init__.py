"""What awaits a person across all their partnerships ("My work"): one query set per kind of work.

Each kind reads the rows of every partnership the person has a role on in one query, then keeps those the person
may act on by asking msp.access (the same `can(...)` the page's button asks), so the rules live in one place.
Every row is given the *same* partnership object (`_Scope.attach`), so what msp.access caches per partnership
(the role, the organisation acted for) is asked once per partnership, not once per row.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from msp import access

from . import agreements, progress


@dataclass
class Entry:
    """One thing to do: what, where, since when or by when, and the link to the place to act."""

    title: str
    partnership: object
    url: str
    due: dt.date | None = None
    since: dt.date | None = None
    overdue: bool = False

    def urgency(self):
        return (not self.overdue, self.due or dt.date.max, self.since or dt.date.max, self.title)


@dataclass
class Group:
    kind: str
    label: str
    entries: list = field(default_factory=list)


class _Scope:
    """The person's live (not archived) partnerships, with their role on each loaded (one query)."""

    def __init__(self, user, today=None):
        self.user = user
        self.today = today or timezone.localdate()
        self.now = timezone.now()
        live = access.partnerships_for(user).filter(archived_at__isnull=True).order_by("name", "pk")
        self.partnerships = {p.pk: p for p in access.with_roles(user, live)}

    @property
    def ids(self):
        return list(self.partnerships)

    def attach(self, rows, attr="partnership"):
        """Point each row (or its `attr` path's last object) at the shared partnership object."""
        for row in rows:
            target = row
            *path, last = attr.split("__")
            for step in path:
                target = getattr(target, step)
            setattr(target, last, self.partnerships[getattr(target, f"{last}_id")])
        return rows


# kind -> (label, the function listing its entries), in the order groups appear when equally urgent.
KINDS = {
    "roadmap_approve": (_("Roadmap versions to approve"), agreements.roadmaps_to_approve),
    "mou_approve": (_("MoU versions to approve"), agreements.mous_to_approve),
    "mou_sign": (_("MoUs to sign"), agreements.mous_to_sign),
    "position": (_("Positions to record on open decisions"), agreements.positions_to_record),
    "health_check": (_("Health checks to score"), progress.health_checks_to_score),
    "data": (_("Indicator data due or overdue"), progress.data_due),
    "milestone": (_("Overdue milestones"), progress.overdue_milestones),
    "report": (_("Reports released to you"), progress.reports_released),
    "invitation": (_("Invitations about to expire"), progress.invitations_expiring),
}


def my_work(user, today=None) -> list[Group]:
    """The groups of work awaiting `user`, each sorted most urgent first (overdue, then by due date), the groups
    themselves by their most urgent entry. Empty groups are left out."""
    scope = _Scope(user, today)
    if not scope.partnerships:
        return []
    groups = []
    for kind, (label, entries_of) in KINDS.items():
        entries = sorted(entries_of(scope, Entry), key=Entry.urgency)
        if entries:
            groups.append(Group(kind, label, entries))
    order = list(KINDS)
    groups.sort(key=lambda g: (g.entries[0].urgency()[:2], order.index(g.kind)))
    return groups
