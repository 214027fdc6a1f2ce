"""Run one success-factor rule of the stakeholders app on a partnership, as the engine does."""

import datetime as dt

from phases.catalogue import CATALOGUE
from phases.checks import find, load

TODAY = dt.date(2026, 6, 15)


def check(item_id, partnership, *, today=TODAY, **params):
    """The rule's Finding for `item_id`; `params` override the item's defaults for this partnership."""
    facts = load(partnership, today=today, only={"stakeholders"})
    return find(CATALOGUE[item_id], facts, {item_id: params} if params else {})


def urls(finding):
    return [url for _label, url in finding.links]
