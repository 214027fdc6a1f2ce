"""The targets of every period on one page: open periods take a new target, locked ones keep theirs and are not
offered; a number that is not one comes back on the form; the page runs the same queries at 12 and 36 periods."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from monitoring.models import Period
from monitoring.services import periods as services
from tests.querycount import queries_for

from .defining import define

D = dt.date


def url(indicator):
    return reverse("monitoring:targets", args=[indicator.partnership_id, indicator.pk])


FIRST = D(2025, 1, 1)


def quarters(indicator, by, count, first=FIRST):
    last = services.add_months(first, 3 * count) - dt.timedelta(days=1)
    return services.periods_generate(
        indicator=indicator, by=by, frequency="3", first_start=first, last_end=last, target_value=Decimal(100)
    )


@pytest.fixture
def indicator(partnership, secretariat):
    return define(partnership, secretariat)


def test_the_secretariat_sets_the_targets_of_the_open_periods(client, indicator, secretariat):
    first, second, third = quarters(indicator, secretariat, 3)
    services.period_lock(period=first, by=secretariat)
    client.force_login(secretariat)
    page = client.get(url(indicator)).content.decode()
    assert f'name="target_{first.pk}"' not in page and f'name="target_{second.pk}"' in page
    assert 'value="100"' in page
    data = {f"target_{second.pk}": "150.5", f"target_{third.pk}": "100"}
    response = client.post(url(indicator), data, follow=True)
    assert "1 target is saved." in response.content.decode()
    targets = [p.target_value for p in Period.objects.order_by("start")]
    assert targets == [Decimal(100), Decimal("150.5"), Decimal(100)]


def test_a_target_that_is_not_a_number_comes_back_on_the_form(client, indicator, secretariat):
    (period,) = quarters(indicator, secretariat, 1)
    client.force_login(secretariat)
    response = client.post(url(indicator), {f"target_{period.pk}": "many"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Write a number" in page and 'value="many"' in page
    period.refresh_from_db()
    assert period.target_value == Decimal(100)


def test_the_service_refuses_a_change_to_a_locked_period(indicator, secretariat):
    (period,) = quarters(indicator, secretariat, 1)
    services.period_lock(period=period, by=secretariat)
    with pytest.raises(ValidationError, match="is locked"):
        services.targets_save(indicator=indicator, by=secretariat, targets={period.pk: Decimal(1)})
    assert services.targets_save(indicator=indicator, by=secretariat, targets={period.pk: Decimal(100)}) == 0


def test_partners_are_refused(client, indicator, partner, secretariat):
    (period,) = quarters(indicator, secretariat, 1)
    client.force_login(partner)
    assert client.post(url(indicator), {f"target_{period.pk}": "5"}).status_code == 403
    period.refresh_from_db()
    assert period.target_value == Decimal(100)


# session, user, partnership, my role; the indicator with its responsible organisation; its periods
TARGETS_QUERIES = 6


def test_the_targets_page_is_constant(client, partnership, secretariat):
    counts = []
    for size in (12, 36):
        indicator = define(partnership, secretariat, name=f"Indicator of {size}")
        quarters(indicator, secretariat, size)
        client.force_login(secretariat)
        count, sql = queries_for(client, url(indicator))
        counts.append(count)
    assert counts == [TARGETS_QUERIES] * 2, "\n".join(sql)
