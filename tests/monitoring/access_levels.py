"""Access levels of the monitoring URLs for the URL walk (tests/test_url_walk.py).

Indicators and the SDG page are everyone's with a role (donors see locked periods only); entering actual values is
the secretariat's and the partners' of the responsible organisation (the world's partner acts for it); defining
indicators and periods and locking them is the secretariat's. Lessons, capacity gaps, context and risks are the
members'.
"""

import datetime as dt
from decimal import Decimal

from monitoring.models import Breakdown
from tests.factories import ContactFactory, MembershipFactory, OrganisationFactory
from tests.monitoring import factories as f

LEVELS = {
    "monitoring:indicators": "summary",
    # Donors export what they read: the selector leaves out the periods not locked.
    "monitoring:indicators_export": "summary",
    "monitoring:indicator": "summary",
    "monitoring:sdgs": "summary",
}

INDICATOR = {"pk": lambda w: w["indicator"].pk}
OBJECTS = {
    "monitoring:indicator": INDICATOR,
}


def build(world):
    """One row of every monitoring model: an indicator the world's partner is responsible for (through the
    organisation they act for), a locked and an open period, an actual with a breakdown, and the learning records."""
    p, partner = world["partnership"], world["partner"]
    organisation = OrganisationFactory(name="Responsible Org")
    MembershipFactory(partnership=p, organisation=organisation)
    ContactFactory(organisation=organisation, user=partner, name="Pablo Partner")
    dimension = f.DimensionFactory(partnership=p, name="Sex")
    female = f.CategoryFactory(dimension=dimension, name="Female")
    f.CategoryFactory(dimension=dimension, name="Male")
    indicator = f.IndicatorFactory(partnership=p, responsible=organisation, name="Farmers trained")
    indicator.dimensions.add(dimension)
    locked, open_ = f.quarters(indicator, count=2)
    locked.locked_at = dt.datetime(2025, 5, 1, tzinfo=dt.UTC)
    locked.save()
    actual = f.ActualFactory(period=locked, value=Decimal(40))
    Breakdown.objects.create(actual=actual, category=female, value=Decimal(40))
    world.update(indicator=indicator, period=open_, locked_period=locked, actual=actual, dimension=dimension)
    world["lesson"] = f.LessonFactory(partnership=p, owner=organisation, indicator=indicator)
    world["capacity_gap"] = f.CapacityGapFactory(partnership=p, organisation=organisation)
    world["context_analysis"] = f.ContextAnalysisFactory(partnership=p)
    world["initiative"] = f.RelatedInitiativeFactory(partnership=p)
    world["risk"] = f.RiskFactory(partnership=p, owner=organisation)
