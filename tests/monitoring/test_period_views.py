"""The secretariat's period pages and actions on an indicator: add, generate, edit, delete, lock and unlock, with
the refusals back on the form (400) or as a message on the indicator page; partners 403, outsiders 404."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from monitoring.models import Period
from monitoring.services import periods as services
from tests.monitoring import factories as f

from .defining import define

D = dt.date


def url(name, indicator, *args):
    return reverse(f"monitoring:{name}", args=[indicator.partnership_id, indicator.pk, *args])


@pytest.fixture
def indicator(partnership, secretariat):
    return define(partnership, secretariat)


@pytest.fixture
def period(indicator, secretariat):
    return services.period_save(
        indicator=indicator, by=secretariat, start=D(2025, 4, 1), end=D(2025, 6, 30), target_value=Decimal(100)
    )


def test_the_empty_indicator_page_offers_to_generate_periods(client, indicator, secretariat):
    client.force_login(secretariat)
    page = client.get(url("indicator", indicator)).content.decode()
    assert "No reporting periods yet." in page
    assert f'href="{url("periods_generate", indicator)}"' in page


def test_the_secretariat_adds_a_period(client, indicator, secretariat):
    client.force_login(secretariat)
    data = {"start": "2025-01-01", "end": "2025-03-31", "target_value": "120.5"}
    response = client.post(url("period_add", indicator), data, follow=True)
    assert "The period 1 Jan 2025 – 31 Mar 2025 is saved." in response.content.decode()
    period = Period.objects.get()
    assert (period.start, period.end, period.target_value) == (D(2025, 1, 1), D(2025, 3, 31), Decimal("120.5"))


def test_an_overlapping_period_comes_back_on_the_form(client, indicator, period, secretariat):
    client.force_login(secretariat)
    data = {"start": "2025-06-01", "end": "2025-09-30", "target_value": "77"}
    response = client.post(url("period_add", indicator), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "This period overlaps 1 Apr 2025 – 30 Jun 2025." in page
    assert 'value="2025-06-01"' in page and 'value="77"' in page
    assert Period.objects.count() == 1


def test_the_secretariat_generates_quarters_with_one_target(client, indicator, secretariat):
    client.force_login(secretariat)
    data = {"frequency": "3", "first_start": "2025-01-01", "last_end": "2026-12-31", "target_value": "50"}
    response = client.post(url("periods_generate", indicator), data, follow=True)
    page = response.content.decode()
    assert "8 periods are added." in page
    assert page.count('data-period="') == 8
    assert {p.target_value for p in Period.objects.all()} == {Decimal(50)}


def test_a_generation_over_existing_periods_is_refused_as_a_whole(client, indicator, period, secretariat):
    client.force_login(secretariat)
    data = {"frequency": "6", "first_start": "2025-01-01", "last_end": "2026-12-31", "target_value": ""}
    response = client.post(url("periods_generate", indicator), data)
    assert response.status_code == 400
    assert "would overlap 1 Apr 2025 – 30 Jun 2025: nothing was added" in response.content.decode()
    assert Period.objects.count() == 1


def test_each_period_row_has_the_secretariat_s_actions(client, indicator, period, secretariat):
    client.force_login(secretariat)
    page = client.get(url("indicator", indicator)).content.decode()
    for name in ("period_edit", "period_lock", "period_delete"):
        assert url(name, indicator, period.pk) in page
    assert url("period_unlock", indicator, period.pk) not in page


def test_locking_shows_the_lock_and_offers_to_unlock(client, indicator, period, secretariat):
    client.force_login(secretariat)
    response = client.post(url("period_lock", indicator, period.pk), follow=True)
    page = response.content.decode()
    assert "The period 1 Apr 2025 – 30 Jun 2025 is locked." in page
    assert "bi-lock" in page and url("period_unlock", indicator, period.pk) in page
    assert (
        url("period_edit", indicator, period.pk) not in page and url("period_delete", indicator, period.pk) not in page
    )
    response = client.post(url("period_unlock", indicator, period.pk), follow=True)
    assert "is unlocked." in response.content.decode()
    period.refresh_from_db()
    assert not period.is_locked


def test_a_locked_period_s_edit_page_refuses_the_change(client, indicator, period, secretariat):
    services.period_lock(period=period, by=secretariat)
    client.force_login(secretariat)
    data = {"start": "2025-04-01", "end": "2025-06-30", "target_value": "5"}
    response = client.post(url("period_edit", indicator, period.pk), data)
    assert response.status_code == 400
    assert "is locked: unlock it first." in response.content.decode()
    period.refresh_from_db()
    assert period.target_value == Decimal(100)


def test_a_period_with_an_actual_is_not_deleted(client, indicator, period, secretariat):
    f.ActualFactory(period=period)
    client.force_login(secretariat)
    response = client.post(url("period_delete", indicator, period.pk), follow=True)
    assert "An actual value is recorded for 1 Apr 2025 – 30 Jun 2025, so the period is kept." in (
        response.content.decode()
    )
    assert Period.objects.filter(pk=period.pk).exists()


def test_a_period_is_deleted(client, indicator, period, secretariat):
    client.force_login(secretariat)
    response = client.post(url("period_delete", indicator, period.pk), follow=True)
    assert "The period 1 Apr 2025 – 30 Jun 2025 is deleted." in response.content.decode()
    assert not Period.objects.exists()


def test_locking_the_ended_periods(client, indicator, secretariat):
    services.periods_generate(
        indicator=indicator, by=secretariat, frequency="12", first_start=D(2020, 1, 1), last_end=D(2021, 12, 31)
    )
    client.force_login(secretariat)
    response = client.post(url("periods_lock_ended", indicator), follow=True)
    assert "2 periods are locked." in response.content.decode()
    assert all(p.is_locked for p in Period.objects.all())


@pytest.mark.parametrize("role", ["partner", "donor"])
def test_partners_and_donors_are_refused(client, indicator, period, role, request):
    client.force_login(request.getfixturevalue(role))
    assert client.get(url("period_add", indicator)).status_code == 403
    assert client.get(url("periods_generate", indicator)).status_code == 403
    data = {"start": "2026-01-01", "end": "2026-03-31"}
    assert client.post(url("period_add", indicator), data).status_code == 403
    assert client.post(url("period_lock", indicator, period.pk)).status_code == 403
    assert client.post(url("period_delete", indicator, period.pk)).status_code == 403
    period.refresh_from_db()
    assert Period.objects.count() == 1 and not period.is_locked


def test_outsiders_learn_nothing(client, indicator, period, outsider):
    client.force_login(outsider)
    assert client.get(url("period_edit", indicator, period.pk)).status_code == 404
    assert client.post(url("period_lock", indicator, period.pk)).status_code == 404
    period.refresh_from_db()
    assert not period.is_locked


def test_a_period_of_another_indicator_is_not_found(client, partnership, indicator, period, secretariat):
    other = define(partnership, secretariat, name="Hectares")
    client.force_login(secretariat)
    assert client.get(url("period_edit", other, period.pk)).status_code == 404
    assert client.post(url("period_delete", other, period.pk)).status_code == 404
