"""The resources overview's figures: planned vs committed vs received vs spent, per year and in total, by budget
category and by source, in-kind contributions, funding concentration and coverage. Pure figures, no HTTP: `load()`
reads everything in a constant number of queries (five), `figures()` computes from loaded rows (tests feed it
directly).

Everything is in the partnership's reporting currency, converted with the installation's rates (governance.money)
at the amount's date: a commitment year's 1 January, a budget line's year's 1 January, a transaction's date. A sum
with any part that has no rate has no amount: it lists what is missing ("no rate for XOF on 2026-03-01"), never a
wrong number. Nothing is rounded here (the `money` filter rounds to the minor unit when shown).

- planned: the lines that count (`planned_lines`: the revised line where one exists, else the original);
- committed: the years of commitments not withdrawn, with a value (cash and valued in kind);
- received: incoming funds transactions (IATI 1);
- spent: expenditure (IATI 4); disbursements (IATI 3) are shown apart, never added to it;
- concentration: over committed cash not withdrawn, by source organisation (member or not): the largest source's
  share and the Herfindahl-Hirschman index (the sum of the squared shares as fractions: 50/30/20 gives 0.38);
- coverage: committed over planned, per year and in total, with the gap (planned - committed).
"""

import datetime as dt
import functools
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from django.conf import settings
from django.utils.translation import get_language

from .models import BudgetCategory, Commitment, TransactionType
from .money import RateBook
from .selectors.budget import planned_lines

ZERO = Decimal(0)


@functools.lru_cache(maxsize=512)
def _described(rate, currency, to, language):
    """A rate's description (RateUsed.describe: a translated sentence with a formatted number and date), made once
    per rate, currencies and language: the overview adds some 400 amounts, most with the same few rates."""
    return rate.describe(currency, to)


@dataclass
class Figure:
    """A sum in the reporting currency. `amount` is None when a part had no rate; `missing` says which (each
    message once), `rates` which rates the parts used (their descriptions)."""

    currency: str
    total: Decimal = ZERO
    missing: list = field(default_factory=list)
    rates: list = field(default_factory=list)

    def add(self, amount, currency, on, book):
        conversion = book.convert(amount, currency, self.currency, on)
        if not conversion.ok:
            if conversion.missing not in self.missing:
                self.missing.append(conversion.missing)
            return
        self.total += conversion.amount
        if conversion.rate.how != "same":
            described = _described(conversion.rate, currency, self.currency, get_language())
            if described not in self.rates:
                self.rates.append(described)

    def merge(self, other):
        self.total += other.total
        self.missing += [m for m in other.missing if m not in self.missing]
        self.rates += [r for r in other.rates if r not in self.rates]

    @property
    def amount(self) -> Decimal | None:
        return None if self.missing else self.total

    @property
    def ok(self) -> bool:
        return not self.missing


@dataclass
class Row:
    """Planned, committed, received, spent (expenditure) and disbursed, of a year or in total."""

    label: object
    planned: Figure
    committed: Figure
    received: Figure
    spent: Figure
    disbursed: Figure

    @classmethod
    def empty(cls, label, currency):
        return cls(label, *(Figure(currency) for _ in range(5)))

    @property
    def coverage(self) -> Decimal | None:
        """Committed over planned (1 = covered), None without a plan or a figure."""
        if not (self.planned.ok and self.committed.ok) or not self.planned.total:
            return None
        return self.committed.total / self.planned.total

    @property
    def gap(self) -> Decimal | None:
        """What the commitments lack to cover the plan (never negative), None without figures."""
        if not (self.planned.ok and self.committed.ok):
            return None
        return max(self.planned.total - self.committed.total, ZERO)


@dataclass
class Source:
    """One source organisation (or a counterpart's name): committed cash, valued in kind, received."""

    key: tuple
    name: str
    organisation_id: int | None
    cash: Figure
    in_kind: Figure
    received: Figure
    share: Decimal | None = None  # of committed cash, when the concentration could be computed


@dataclass
class Concentration:
    sources: int = 0  # cash sources with committed cash
    largest: Decimal | None = None  # share of the largest, as a fraction
    hhi: Decimal | None = None
    missing: list = field(default_factory=list)
    threshold: Decimal = Decimal("0.5")

    @property
    def too_concentrated(self) -> bool:
        return self.largest is not None and self.largest > self.threshold

    @property
    def too_few(self) -> bool:
        return not self.missing and self.sources < 2

    @property
    def warning(self) -> bool:
        return self.too_concentrated or self.too_few


@dataclass
class Figures:
    currency: str
    years: list  # Row per year, in order
    total: Row
    categories: list  # (category value, label, planned Figure, spent Figure)
    sources: list  # Source, the largest committed cash first
    in_kind_valued: Figure
    in_kind_unvalued: list  # commitments in kind without a value, not withdrawn
    concentration: Concentration
    counts: dict  # how many commitments, planned lines and transactions were read

    @property
    def is_empty(self) -> bool:
        return not any(self.counts.values())

    def current_year(self, today=None) -> Row:
        year = (today or dt.date.today()).year
        return next((row for row in self.years if row.label == year), Row.empty(year, self.currency))


@dataclass
class Loaded:
    """The rows the figures read (see `load`)."""

    currency: str
    commitments: list
    lines: list
    transactions: list
    book: RateBook


def threshold() -> Decimal:
    return Decimal(str(getattr(settings, "FUNDING_CONCENTRATION_THRESHOLD", "0.5")))


@dataclass(frozen=True)
class _Named:
    pk: int
    name: str


@dataclass(frozen=True)
class _Category:
    category: str


@dataclass(frozen=True)
class TransactionRow:
    """What figures() reads of a transaction, as a plain row: a hundred transactions with their counterpart and
    budget line were three hundred model instances."""

    type: str
    date: dt.date
    amount: Decimal
    currency_id: str
    counterpart_id: int | None
    counterpart_name: str
    counterpart: _Named | None
    budget_line_id: int | None
    budget_line: _Category | None


class LineRow(NamedTuple):
    """What figures() and the checklist's rules read of a planned budget line, as a plain row."""

    pk: int
    year: int
    category: str
    amount: Decimal
    currency_id: str
    result_node_key: object  # a UUID, or None
    description: str


def line_rows(partnership) -> list:
    """The planned lines (governance.selectors.budget.planned_lines) as LineRow, by year and category (one query)."""
    return [LineRow(*row) for row in planned_lines(partnership).values_list(*LineRow._fields)]


FLOWS = (TransactionType.INCOMING_FUNDS, TransactionType.EXPENDITURE, TransactionType.DISBURSEMENT)
TRANSACTION_FIELDS = (
    "type", "date", "amount", "currency_id", "counterpart_id", "counterpart_name", "counterpart__name",
    "budget_line_id", "budget_line__category",
)  # fmt: skip


def transaction_rows(partnership) -> list:
    """The transactions figures() counts (incoming funds, expenditure, disbursements) as TransactionRow (one query)."""
    rows = partnership.transactions.filter(type__in=FLOWS).values_list(*TRANSACTION_FIELDS)
    return [
        TransactionRow(
            kind,
            date,
            amount,
            currency,
            counterpart_id,
            counterpart_name,
            _Named(counterpart_id, org_name) if counterpart_id is not None else None,
            line_id,
            _Category(category) if line_id is not None else None,
        )
        for kind, date, amount, currency, counterpart_id, counterpart_name, org_name, line_id, category in rows
    ]


def load(partnership) -> Loaded:
    """Five queries: commitments with their organisation and years, the planned lines and the transactions with
    their counterpart and budget line (both as plain rows), and the rates of the currencies involved."""
    commitments = list(
        Commitment.objects.filter(partnership=partnership).select_related("organisation").prefetch_related("years")
    )
    lines = line_rows(partnership)
    transactions = transaction_rows(partnership)
    codes = {partnership.currency_id} | {c.currency_id for c in commitments if c.currency_id}
    codes |= {line.currency_id for line in lines} | {t.currency_id for t in transactions}
    return Loaded(partnership.currency_id, commitments, lines, transactions, RateBook.load(codes))


def figures(loaded: Loaded) -> Figures:
    currency, book = loaded.currency, loaded.book
    rows = {}

    def row(year):
        return rows.get(year) or rows.setdefault(year, Row.empty(year, currency))

    categories = {value: (Figure(currency), Figure(currency)) for value in BudgetCategory.values}
    for line in loaded.lines:
        on = dt.date(line.year, 1, 1)
        row(line.year).planned.add(line.amount, line.currency_id, on, book)
        categories[line.category][0].add(line.amount, line.currency_id, on, book)

    sources = {}

    def source(organisation=None, name=""):
        key = ("org", organisation.pk) if organisation else ("name", name)
        label = organisation.name if organisation else name
        pk = organisation.pk if organisation else None
        return sources.setdefault(key, Source(key, label, pk, Figure(currency), Figure(currency), Figure(currency)))

    in_kind_valued, unvalued = Figure(currency), []
    for commitment in loaded.commitments:
        if commitment.is_withdrawn:
            continue
        if commitment.value is None:
            unvalued.append(commitment)
            continue
        one = source(commitment.organisation)
        for year in commitment.years.all():
            on = dt.date(year.year, 1, 1)
            row(year.year).committed.add(year.amount, commitment.currency_id, on, book)
            target = one.cash if commitment.is_cash else one.in_kind
            target.add(year.amount, commitment.currency_id, on, book)
            if not commitment.is_cash:
                in_kind_valued.add(year.amount, commitment.currency_id, on, book)

    for t in loaded.transactions:
        year = row(t.date.year)
        if t.type == TransactionType.INCOMING_FUNDS:
            year.received.add(t.amount, t.currency_id, t.date, book)
            if t.counterpart_id or t.counterpart_name:
                source(t.counterpart, t.counterpart_name).received.add(t.amount, t.currency_id, t.date, book)
        elif t.type == TransactionType.EXPENDITURE:
            year.spent.add(t.amount, t.currency_id, t.date, book)
            if t.budget_line_id:
                categories[t.budget_line.category][1].add(t.amount, t.currency_id, t.date, book)
        else:
            year.disbursed.add(t.amount, t.currency_id, t.date, book)

    years = [rows[y] for y in sorted(rows)]
    total = Row.empty(None, currency)
    for one in years:
        for name in ("planned", "committed", "received", "spent", "disbursed"):
            getattr(total, name).merge(getattr(one, name))
    labels = dict(BudgetCategory.choices)
    by_category = [
        (value, labels[value], planned, spent)
        for value, (planned, spent) in categories.items()
        if planned.total or spent.total or planned.missing or spent.missing
    ]
    ordered = sorted(sources.values(), key=lambda s: (-s.cash.total, -s.in_kind.total, -s.received.total, s.name))
    return Figures(
        currency=currency,
        years=years,
        total=total,
        categories=by_category,
        sources=ordered,
        in_kind_valued=in_kind_valued,
        in_kind_unvalued=unvalued,
        concentration=concentration(ordered),
        counts={
            "commitments": len(loaded.commitments),
            "lines": len(loaded.lines),
            "transactions": len(loaded.transactions),
        },
    )


def concentration(sources) -> Concentration:
    """Largest share and HHI over the sources' committed cash; sets each source's share. Nothing when a cash
    amount had no rate (the missing rates are listed instead)."""
    result = Concentration(threshold=threshold())
    cash = [s for s in sources if s.cash.total or s.cash.missing]
    for s in cash:
        result.missing += [m for m in s.cash.missing if m not in result.missing]
    result.sources = len(cash)
    whole = sum((s.cash.total for s in cash), ZERO)
    if result.missing or not whole:
        return result
    for s in cash:
        s.share = s.cash.total / whole
    shares = [s.share for s in cash]
    result.largest = max(shares)
    result.hhi = sum((share * share for share in shares), ZERO)
    return result


def for_partnership(partnership) -> Figures:
    return figures(load(partnership))


def sources_seen(sources, organisation_id):
    """A donor's view of the sources: their own organisation by name, the others summed as one line (None key)."""
    own = [s for s in sources if s.organisation_id == organisation_id and organisation_id is not None]
    others = [s for s in sources if s not in own]
    if not others:
        return own, None
    currency = others[0].cash.currency
    rest = Source(("others",), "", None, Figure(currency), Figure(currency), Figure(currency))
    for s in others:
        rest.cash.merge(s.cash)
        rest.in_kind.merge(s.in_kind)
        rest.received.merge(s.received)
    return own, rest
