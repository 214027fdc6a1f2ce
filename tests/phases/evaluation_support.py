"""Helpers of the evaluation tests: the engine's registry with only the rules a test registers, and partnerships of
a chosen size built with the apps' factories."""

import datetime as dt
from contextlib import contextmanager
from decimal import Decimal

from phases import checks
from tests.factories import MembershipFactory, OrganisationFactory, RoleFactory, UserFactory
from tests.monitoring.factories import ActualFactory, IndicatorFactory, LessonFactory, RiskFactory, quarters
from tests.stakeholders.factories import MapEntryFactory


@contextmanager
def only_these_rules():
    """The registry emptied for the test (every item "needs confirmation" until the test registers a rule), and
    restored afterwards, whatever the test registered."""
    saved_rules, saved_loaders = dict(checks.RULES), dict(checks.LOADERS)
    checks.RULES.clear()
    checks.LOADERS.clear()
    try:
        yield checks
    finally:
        checks.RULES.clear()
        checks.RULES.update(saved_rules)
        checks.LOADERS.clear()
        checks.LOADERS.update(saved_loaders)


def grow(partnership, size):
    """`size` member organisations (each on the map, with a user, a commitment), indicators with a year of data,
    decisions, lessons and risks: the records the rules read."""
    from governance.models import Commitment, Decision

    for n in range(size):
        organisation = OrganisationFactory(name=f"{partnership.name} member {n}")
        MembershipFactory(partnership=partnership, organisation=organisation)
        MapEntryFactory(partnership=partnership, organisation=organisation, power=1 + n % 5, influence=1 + n % 5)
        RoleFactory(partnership=partnership, user=UserFactory(username=f"p{partnership.pk}u{n}"))
        Commitment.objects.create(
            partnership=partnership,
            organisation=organisation,
            type="staff_time",
            description="Two field officers.",
            starts_on=dt.date(2025, 1, 1),
            ends_on=dt.date(2026, 12, 31),
        )
        indicator = IndicatorFactory(partnership=partnership, responsible=organisation)
        for period in quarters(indicator, count=2):
            ActualFactory(period=period, value=Decimal(40 + n))
        Decision.objects.create(partnership=partnership, title=f"Decision {n}")
        LessonFactory(partnership=partnership)
        RiskFactory(partnership=partnership, owner=organisation)
    return partnership
