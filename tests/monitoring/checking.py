"""Running one monitoring success-factor rule on a partnership, as the checklist engine does (phases.checks)."""

import datetime as dt

from django.utils import timezone

from phases.catalogue import CATALOGUE
from phases.checks import find, load

TODAY = dt.date(2026, 6, 30)


def check(partnership, item_id, *, today=TODAY, leaving=None, **params):
    """The rule's finding for `item_id` (the monitoring data only), with `params` overriding the item's defaults."""
    facts = load(partnership, today=today, leaving=leaving, only=["monitoring"])
    return find(CATALOGUE[item_id], facts, {item_id: params} if params else {})


def moment(day):
    """A date as an aware datetime at noon (for created_at fields)."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))
