"""Factories and builders for monitoring tests: an indicator on a node of an approved roadmap, its periods and
actuals, and the learning records."""

import datetime as dt
from decimal import Decimal

import factory

from governance.models import ResultNode, RoadmapVersion
from monitoring.models import (
    Actual,
    CapacityGap,
    Category,
    ContextAnalysis,
    Dimension,
    Indicator,
    Lesson,
    Period,
    RelatedInitiative,
    Risk,
)
from tests.factories import OrganisationFactory


def node(partnership, *, level="outcome", title=None):
    """A node of the partnership's roadmap (an approved version, made when there is none)."""
    version = RoadmapVersion.objects.filter(partnership=partnership).order_by("-number").first()
    if version is None:
        version = RoadmapVersion.objects.create(partnership=partnership, number=1)
    position = version.nodes.count()
    return ResultNode.objects.create(
        version=version, level=level, title=title or f"Result {position + 1}", position=position
    )


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    name = factory.Sequence(lambda n: f"Indicator {n}")
    measure = "1"
    unit_label = "farmers"
    baseline_value = Decimal(0)
    baseline_date = dt.date(2025, 1, 1)
    responsible = factory.SubFactory(OrganisationFactory)
    result_node_key = factory.LazyAttribute(lambda o: node(o.partnership).key)


class PeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Period

    start = dt.date(2025, 1, 1)
    end = dt.date(2025, 3, 31)
    target_value = Decimal(100)


class ActualFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actual

    value = Decimal(50)
    measured_on = factory.LazyAttribute(lambda o: o.period.end)


def quarters(indicator, *, year=2025, count=4, targets=None):
    """`count` quarterly periods of `indicator` from January of `year`, with `targets` (one each) or 100."""
    periods = []
    for i in range(count):
        start = dt.date(year + (i // 4), 3 * (i % 4) + 1, 1)
        end = (dt.date(start.year + (start.month + 3 > 12), (start.month + 2) % 12 + 1, 1)) - dt.timedelta(days=1)
        target = Decimal(targets[i]) if targets is not None else Decimal(100)
        periods.append(PeriodFactory(indicator=indicator, start=start, end=end, target_value=target))
    return periods


class DimensionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dimension

    name = factory.Sequence(lambda n: f"Dimension {n}")


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Category {n}")


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lesson

    title = factory.Sequence(lambda n: f"Lesson {n}")
    what_happened = "Field visits were cancelled in the rainy season."
    source = "failure"
    action = "Plan visits for the dry months."
    learned_on = dt.date(2025, 6, 1)


class CapacityGapFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CapacityGap

    level = "organisational"
    organisation = factory.SubFactory(OrganisationFactory)
    description = "No staff trained in results-based monitoring."


class ContextAnalysisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContextAnalysis

    summary = "Two national programmes work on the same districts."
    analysed_on = dt.date(2025, 2, 1)


class RelatedInitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RelatedInitiative

    name = factory.Sequence(lambda n: f"Initiative {n}")
    kind = "complementary"


class RiskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Risk

    title = factory.Sequence(lambda n: f"Risk {n}")
    likelihood = 3
    impact = 4
