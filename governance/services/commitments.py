"""Writes of commitments: record or change what a member brings, with its value spread over the years.

A commitment's value is held per calendar year of its period (CommitmentYear). The rule, said on the form too:
the amounts per year must add up to the value. When none is given (a new commitment, or the years left empty) or
the user asks for it (`respread`), the value is spread over the years of the period in proportion to their days
(`spread`); changing the period does not re-spread by itself, so amounts typed for a year are never silently
replaced. Only members of the partnership (active or former) commit. Editing locks the commitment's row.
"""

import datetime as dt
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from msp import access
from stakeholders.models import Membership

from ..models import Commitment, CommitmentType, CommitmentYear

EDITABLE = (
    "organisation",
    "type",
    "description",
    "quantity",
    "unit",
    "value",
    "currency",
    "starts_on",
    "ends_on",
    "status",
    "committed_on",
    "funder_expectations",
    "no_expectations",
    "expectations_recorded_on",
)
PLACES = Decimal("0.0001")


def _days(start: dt.date, end: dt.date) -> dict[int, int]:
    """{year: days of the period in that year}, both ends included."""
    days = {}
    for year in range(start.year, end.year + 1):
        first, last = max(start, dt.date(year, 1, 1)), min(end, dt.date(year, 12, 31))
        days[year] = (last - first).days + 1
    return days


def spread(total: Decimal, start: dt.date, end: dt.date) -> dict[int, Decimal]:
    """`total` over the calendar years from `start` to `end` in proportion to their days (both ends included),
    each part rounded to 4 decimals, the rounding remainder on the last year, so the parts add up to `total`
    exactly. 1 Jul 2026 to 30 Jun 2028: 184/731, 365/731 and the rest (182/731)."""
    days = _days(start, end)
    whole = sum(days.values())
    years = sorted(days)
    for rounding in (ROUND_HALF_UP, ROUND_DOWN):  # rounding down only if rounding up left the last part below 0
        parts = {y: (total * days[y] / whole).quantize(PLACES, rounding=rounding) for y in years[:-1]}
        parts[years[-1]] = total - sum(parts.values(), Decimal(0))
        if parts[years[-1]] >= 0:
            return parts
    raise AssertionError("unreachable: rounding down never exceeds the total")


def _check(partnership, commitment) -> dict:
    """What the database constraints and the membership rule refuse, as messages on the fields."""
    errors = {}
    members = Membership.objects.filter(partnership=partnership, organisation=commitment.organisation_id)
    if commitment.organisation_id is not None and not members.exists():
        errors["organisation"] = _(
            "%(org)s is not a member of this partnership: only members (active or former) make commitments. "
            "Add it as a member first."
        ) % {"org": commitment.organisation}
    if commitment.value is not None and commitment.value < 0:
        errors["value"] = _("A value cannot be negative.")
    if commitment.quantity is not None and commitment.quantity < 0:
        errors["quantity"] = _("A quantity cannot be negative.")
    if commitment.type == CommitmentType.CASH:
        if commitment.value is None:
            errors["value"] = _("A cash commitment needs its value.")
        if commitment.no_expectations and commitment.funder_expectations:
            errors["no_expectations"] = _(
                "Either write down the funder's expectations or tick that there are none, not both."
            )
        elif not commitment.no_expectations and not commitment.funder_expectations:
            errors["funder_expectations"] = _(
                "For cash, write down the funder's expectations, or tick that the funder states none."
            )
    if commitment.value is not None and commitment.currency_id is None:
        errors["currency"] = _("Give the currency of the value.")
    if commitment.starts_on and commitment.ends_on and commitment.ends_on < commitment.starts_on:
        errors["ends_on"] = _("The period cannot end before it starts.")
    return errors


def _years_to_keep(commitment, years, respread) -> dict[int, Decimal]:
    """The amounts per year to store: spread, or as typed (checked against the period and the value)."""
    if commitment.value is None:
        return {}
    typed = {y: a for y, a in (years or {}).items() if a is not None}
    if respread or not typed:
        return spread(commitment.value, commitment.starts_on, commitment.ends_on)
    period = set(range(commitment.starts_on.year, commitment.ends_on.year + 1))
    outside = sorted(set(typed) - period)
    if outside:
        raise ValidationError(
            {
                "respread": _(
                    "The period now runs from %(start)s to %(end)s, but amounts are given for %(years)s. Tick "
                    "“Spread the total over the years again”, or change the period back."
                )
                % {
                    "start": commitment.starts_on.year,
                    "end": commitment.ends_on.year,
                    "years": ", ".join(str(y) for y in outside),
                }
            }
        )
    if any(a < 0 for a in typed.values()):
        raise ValidationError({"respread": _("An amount per year cannot be negative.")})
    kept = {y: typed.get(y, Decimal(0)) for y in sorted(period)}
    added = sum(kept.values(), Decimal(0))
    if added != commitment.value:
        raise ValidationError(
            {
                "respread": _(
                    "The amounts per year add up to %(sum)s, but the value is %(value)s. Correct them, or tick "
                    "“Spread the total over the years again”."
                )
                % {"sum": f"{added:,.2f}", "value": f"{commitment.value:,.2f}"}
            }
        )
    return kept


def commitment_save(*, partnership, by, commitment=None, years=None, respread=False, **fields) -> Commitment:
    """Record a commitment of `partnership`, or change `commitment`. `years` ({year: amount or None}) are the
    amounts per year as typed; see the module's rule for when the value is spread instead."""
    access.require(by, "change", partnership)
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")
    with transaction.atomic():
        if commitment is None:
            commitment = Commitment(partnership=partnership, created_by=by)
        else:
            commitment = Commitment.objects.select_for_update().get(pk=commitment.pk)
            if commitment.partnership_id != partnership.pk:
                raise ValidationError(_("This commitment belongs to another partnership."))
        had_expectations = commitment.no_expectations or bool(commitment.funder_expectations)
        for name, value in fields.items():
            setattr(commitment, name, value.strip() if isinstance(value, str) else value)
        if commitment.value is None:
            commitment.currency = None  # an in-kind commitment without a value has no currency either
        states = commitment.no_expectations or bool(commitment.funder_expectations)
        if states and not had_expectations and commitment.expectations_recorded_on is None:
            commitment.expectations_recorded_on = timezone.localdate()
        errors = _check(partnership, commitment)
        try:
            commitment.full_clean(exclude=["created_by"], validate_constraints=False)  # _check says it per field
        except ValidationError as exc:
            errors = {**exc.message_dict, **errors}
        if errors:
            raise ValidationError(errors)
        kept = _years_to_keep(commitment, years, respread)
        commitment.save()
        commitment.years.exclude(year__in=list(kept)).delete()
        for year, amount in kept.items():
            CommitmentYear.objects.update_or_create(commitment=commitment, year=year, defaults={"amount": amount})
        return commitment
