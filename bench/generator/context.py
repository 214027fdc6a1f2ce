"""What every part of the generator shares: the sizes (scaled by the factor), the seeded random source, the
dates, batched inserts that count what they wrote, and the per-partnership record (`Plan`) the parts fill in."""

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass, field

from django.utils import timezone

BATCH = 2000

# The default size (factor 1.0). Totals scale with the factor; the counts "a partnership" stay, so a
# partnership looks the same at every size and the totals grow linearly with the number of partnerships.
PARTNERSHIPS = 500
ORGANISATIONS = 3000
MEMBERS = 15
MAP_ENTRIES = 30
INDICATORS = 20
PERIODS = 12
DECISIONS = 40
BUDGET_LINES = 100
TRANSACTIONS = 100
CHECKLIST_RUNS = 12
MEETINGS = 8
LESSONS = 4
RISKS = 4
ACTIVITY = 20
CONTACTS_PER_ORGANISATION = 2
PARTNERSHIPS_PER_STAFF = 5  # a secretariat staff member runs a few partnerships
IATI_EVERY = 5  # one partnership in five publishes its IATI file


def scaled(count, factor):
    """`count` times `factor`, at least 1."""
    return max(1, round(count * factor))


@dataclass(frozen=True)
class Sizes:
    partnerships: int
    organisations: int

    @classmethod
    def of(cls, factor):
        partnerships = scaled(PARTNERSHIPS, factor)
        # Every partnership needs its members and map entries from the registry, whatever the factor.
        organisations = max(scaled(ORGANISATIONS, factor), MAP_ENTRIES + MEMBERS + 2)
        return cls(partnerships=partnerships, organisations=organisations)

    @property
    def published(self):
        return len(range(0, self.partnerships, IATI_EVERY))


@dataclass
class Plan:
    """One partnership as the generator builds it: the rows later parts hang their records on."""

    partnership: object
    index: int
    started: dt.date
    members: list = field(default_factory=list)  # Membership rows, active
    host: object = None  # the organisation hosting the secretariat
    funder: object = None  # the main funder (cash, donor user)
    secretariat: object = None  # the secretariat user
    partners: list = field(default_factory=list)  # partner users
    donor: object = None
    nodes: list = field(default_factory=list)  # ResultNode of the approved roadmap
    roadmap: object = None
    mou: object = None
    bodies: dict = field(default_factory=dict)
    meetings: list = field(default_factory=list)
    decisions: list = field(default_factory=list)
    indicators: list = field(default_factory=list)

    @property
    def organisations(self):
        return [m.organisation for m in self.members]


class Context:
    def __init__(self, *, factor, seed, password_hash, log=None):
        self.factor = factor
        self.sizes = Sizes.of(factor)
        self.rng = random.Random(seed)
        self.password_hash = password_hash
        self.today = timezone.localdate()
        self.now = timezone.now()
        self.counts = Counter()
        self.log = log or (lambda message: None)
        self.plans: list[Plan] = []
        self.organisations = []
        self.contacts = {}  # organisation pk -> [ContactPerson]
        self.users = {}

    def bulk(self, model, rows, batch=BATCH):
        """Insert `rows` in batches (no save(), no signals), count them, and return them with their keys."""
        rows = list(rows)
        if rows:
            model.objects.bulk_create(rows, batch_size=batch)
        self.counts[model._meta.label] += len(rows)
        return rows

    def moment(self, day, hour=10):
        """An aware datetime on `day`, at `hour` plus a few minutes."""
        naive = dt.datetime.combine(day, dt.time(hour, self.rng.randrange(60)))
        return timezone.make_aware(naive)

    def past_day(self, since, until=None):
        """A day between `since` and `until` (default: yesterday)."""
        until = until or self.today - dt.timedelta(days=1)
        span = max((until - since).days, 0)
        return since + dt.timedelta(days=self.rng.randint(0, span))

    def pick(self, seq, k=None):
        return self.rng.choice(seq) if k is None else self.rng.sample(seq, k)


def quarter_start(day):
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def add_months(day, months):
    month = day.month - 1 + months
    return dt.date(day.year + month // 12, month % 12 + 1, 1)
