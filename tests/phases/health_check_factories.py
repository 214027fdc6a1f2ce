"""A health-check round with member organisations whose partners score it."""

import datetime as dt

from django.utils import timezone

from phases.health_checks.services import health_check_open, health_check_score
from tests.governance.factories import member

ITEMS = ["CM-6", "PM-4", "SR-2"]  # manual, manual, assisted


def members(partnership, names):
    """Partner users, one per organisation named, each acting for it."""
    return [member(partnership, f"{name.split()[0].lower()}{partnership.pk}", org_name=name) for name in names]


def open_round(partnership, by, *, title="Spring check", items=ITEMS, anonymous=False, days=14):
    return health_check_open(
        partnership=partnership,
        by=by,
        title=title,
        closes_on=timezone.localdate() + dt.timedelta(days=days),
        item_ids=items,
        anonymous=anonymous,
    )


def score(health_check, user, **scores):
    """`user` scores for their own organisation: score(round, user, CM_6=(4, "Fine"))."""
    return health_check_score(
        health_check=health_check,
        organisation=user.contact.organisation,
        by=user,
        scores={item.replace("_", "-"): value for item, value in scores.items()},
    )
