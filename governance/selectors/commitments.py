"""Reads of commitments: who sees which (msp.access.commitments_scope), and the list's table with its per-year
columns and totals per currency, in a fixed number of queries whatever the number of commitments.

Totals are in each commitment's own currency (converting to the reporting currency is the resources overview's,
with dated exchange rates); withdrawn commitments are listed but never counted."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Case, IntegerField, Value, When

from msp import access
from stakeholders.models import Organisation

from ..models import Commitment, CommitmentStatus, CommitmentType


def commitments_for(user, partnership):
    """The commitments `user` may read (members: all; a donor: their own organisation's; else none), with their
    organisation, currency and amounts per year."""
    scope = access.commitments_scope(user, partnership)
    commitments = Commitment.objects.filter(partnership=partnership)
    if scope is None:
        commitments = commitments.none()
    elif scope != access.ALL:
        commitments = commitments.filter(organisation=scope)
    return commitments.select_related("organisation", "currency").prefetch_related("years")


def organisations_of(commitments):
    """The organisations the filter offers: those of the commitments the user may read."""
    return Organisation.objects.filter(pk__in=commitments.values("organisation")).order_by("name")


def member_organisations(partnership):
    """The organisations that may commit: members of the partnership, active or former."""
    return Organisation.objects.filter(memberships__partnership=partnership).distinct().order_by("name")


def choice_order(name, choices):
    """Order by a field's choices as declared (not by their code or translated label)."""
    return Case(
        *(When(**{name: value}, then=Value(i)) for i, value in enumerate(choices.values)),
        output_field=IntegerField(),
    )


SORTS = {
    "organisation": ["organisation__name", "starts_on", "pk"],
    "type": [choice_order("type", CommitmentType), "organisation__name", "pk"],
    "value": ["currency_id", "-value", "organisation__name", "pk"],
    "status": [choice_order("status", CommitmentStatus), "organisation__name", "pk"],
    "period": ["starts_on", "ends_on", "organisation__name", "pk"],
}


@dataclass
class Total:
    currency: object
    value: Decimal = Decimal(0)
    years: dict = field(default_factory=dict)
    count: int = 0


@dataclass
class Table:
    rows: list  # (commitment, [amount of each year in `years` or None])
    years: list
    totals: list  # Total per currency, by code


def table(commitments) -> Table:
    """The rows with one column per year any of them covers, and the totals per currency (not withdrawn)."""
    commitments = list(commitments)
    amounts = {c.pk: {y.year: y.amount for y in c.years.all()} for c in commitments}
    years = sorted({year for by_year in amounts.values() for year in by_year})
    totals = {}
    for c in commitments:
        if c.value is None or c.is_withdrawn:
            continue
        total = totals.setdefault(c.currency_id, Total(currency=c.currency))
        total.value += c.value
        total.count += 1
        for year, amount in amounts[c.pk].items():
            total.years[year] = total.years.get(year, Decimal(0)) + amount
    rows = [(c, [amounts[c.pk].get(year) for year in years]) for c in commitments]
    totals = [totals[code] for code in sorted(totals)]
    for total in totals:
        total.by_column = [total.years.get(year) for year in years]
    return Table(rows=rows, years=years, totals=totals)
