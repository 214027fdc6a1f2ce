"""The data entry page and the indicator page (with its chart) run the same number of queries with few and with
many indicators and periods."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from msp.models import Role
from stakeholders.models import Organisation
from tests.factories import PartnershipFactory, RoleFactory
from tests.governance.factories import member
from tests.monitoring import factories as f
from tests.querycount import queries_for


def _world(indicators, periods):
    partnership = PartnershipFactory()
    secretariat = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
    partner = member(partnership, f"kofi{partnership.pk}", org_name=f"Board {partnership.pk}")
    organisation = Organisation.objects.get(name=f"Board {partnership.pk}")
    sex = f.DimensionFactory(partnership=partnership, name="Sex")
    f.CategoryFactory(dimension=sex, name="Female")
    for i in range(indicators):
        # Every other indicator is another organisation's: the partner does not see those.
        responsible = organisation if (indicators - 1 - i) % 2 == 0 else f.OrganisationFactory()
        indicator = f.IndicatorFactory(partnership=partnership, responsible=responsible)
        indicator.dimensions.add(sex)
        for n, period in enumerate(f.quarters(indicator, year=2023, count=periods)):
            if n % 3 == 0:
                f.ActualFactory(period=period, value=Decimal(40 + n))
            if n % 5 == 4:
                period.locked_at = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
                period.save()
    return partnership, secretariat, partner, indicator


@pytest.fixture
def small(db):
    return _world(1, 12)


@pytest.fixture
def large(db):
    return _world(10, 36)


# session, user, partnership, my role; the partner: the organisation they act for (contact, membership); the
# indicators with their responsible organisation, and their open started periods with actuals (one prefetch)
DATA_ENTRY = {"secretariat": 6, "partner": 8}


@pytest.mark.parametrize("viewer", ["secretariat", "partner"])
def test_the_data_entry_page_is_constant(client, small, large, viewer):
    counts, sql = [], []
    for partnership, secretariat, partner, _indicator in (small, large):
        client.force_login(secretariat if viewer == "secretariat" else partner)
        count, sql = queries_for(client, reverse("monitoring:data_entry", args=[partnership.pk]))
        counts.append(count)
    assert counts[0] == counts[1] == DATA_ENTRY[viewer], "\n".join(sql)


# session, user, partnership, my role (the roadmap versions reuse the loaded partnership); the indicator with its responsible organisation; its SDG targets,
# dimensions and categories, periods with actuals and breakdown (prefetches); the roadmap's nodes; the partner:
# the organisation they act for
INDICATOR = {"secretariat": 11, "partner": 13}


@pytest.mark.parametrize("viewer", ["secretariat", "partner"])
def test_the_indicator_page_with_its_chart_is_constant_at_12_and_36_periods(client, small, large, viewer):
    counts, sql = [], []
    for partnership, secretariat, partner, indicator in (small, large):
        client.force_login(secretariat if viewer == "secretariat" else partner)
        count, sql = queries_for(client, reverse("monitoring:indicator", args=[partnership.pk, indicator.pk]))
        counts.append(count)
    assert counts[0] == counts[1] == INDICATOR[viewer], "\n".join(sql)
