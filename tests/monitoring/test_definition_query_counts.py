"""The indicator page (with the secretariat's actions on every period) and the dimensions page run the same number
of queries with few and with many periods or dimensions."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from monitoring.models import Breakdown
from monitoring.services import indicators as indicator_services
from monitoring.services import periods as period_services
from msp.models import Role
from tests.factories import PartnershipFactory, RoleFactory
from tests.monitoring import factories as f
from tests.querycount import queries_for

from .defining import define


def _indicator_world(periods):
    """An indicator with `periods` quarters, a dimension, every other period with an actual broken down, and the
    first quarter locked."""
    partnership = PartnershipFactory()
    secretariat = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
    sex = indicator_services.dimension_save(
        partnership=partnership, by=secretariat, name="Sex", categories=["female", "male"]
    )
    indicator = define(partnership, secretariat, dimensions=[sex])
    generated = period_services.periods_generate(
        indicator=indicator,
        by=secretariat,
        frequency="3",
        first_start=dt.date(2020, 1, 1),
        last_end=dt.date(2020, 1, 1) + dt.timedelta(days=92 * periods - 40),
        target_value=Decimal(100),
    )
    assert len(generated) == periods
    for period in generated[::2]:
        actual = f.ActualFactory(period=period, value=Decimal(60))
        for category in sex.categories.all():
            Breakdown.objects.create(actual=actual, category=category, value=Decimal(30))
    period_services.period_lock(period=generated[0], by=secretariat)
    return secretariat, reverse("monitoring:indicator", args=[partnership.pk, indicator.pk])


# session, user, partnership, my role; the indicator with its responsible organisation, its SDG targets, its
# dimensions, their categories, its periods with their actuals, their breakdown; the link version of the roadmap
# (the approved one, else the latest) and its nodes in one query
INDICATOR_QUERIES = 11


@pytest.mark.django_db
def test_the_indicator_page_with_the_secretariat_s_actions_is_constant(client):
    counts, sql = [], []
    for size in (12, 36):
        secretariat, url = _indicator_world(size)
        client.force_login(secretariat)
        count, sql = queries_for(client, url)
        page = client.get(url).content.decode()
        assert page.count("/lock/") == size - 1 and page.count("/unlock/") == 1
        counts.append(count)
    assert counts == [INDICATOR_QUERIES] * 2, "\n".join(sql)


def _dimensions_world(size):
    partnership = PartnershipFactory()
    secretariat = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
    dimensions = [
        indicator_services.dimension_save(
            partnership=partnership, by=secretariat, name=f"Dimension {i}", categories=[f"a{i}", f"b{i}", f"c{i}"]
        )
        for i in range(size)
    ]
    define(partnership, secretariat, dimensions=dimensions)
    return secretariat, reverse("monitoring:dimensions", args=[partnership.pk])


# session, user, partnership, my role; the dimensions with their indicator counts and whether values use them; their
# categories
DIMENSIONS_QUERIES = 6


@pytest.mark.django_db
def test_the_dimensions_page_is_constant(client):
    counts, sql = [], []
    for size in (2, 8):
        secretariat, url = _dimensions_world(size)
        client.force_login(secretariat)
        count, sql = queries_for(client, url)
        assert client.get(url).content.decode().count("data-dimension=") == size
        counts.append(count)
    assert counts == [DIMENSIONS_QUERIES] * 2, "\n".join(sql)
