"""What My work lists: entries (one thing to do each) in groups (one per kind of work)."""

import datetime as dt
from dataclasses import dataclass, field


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
    total: int = 0

    @property
    def more(self):
        return self.total > len(self.entries)
