"""The actual form (monitoring:actual_edit) and the data entry page (monitoring:data_entry): who may, what they
see, numbers as the language writes them, and bad input kept on the form with 400."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from monitoring.models import Actual, Measure, Period
from tests.monitoring import factories as f
from tests.monitoring.entry import entry_world

D = Decimal


@pytest.fixture
def w(partnership):
    return entry_world(partnership)


def url(w, period=None):
    period = period or w["periods"][0]
    return reverse("monitoring:actual_edit", args=[w["indicator"].partnership_id, w["indicator"].pk, period.pk])


def data(**overrides):
    return {"value": "100", "narrative": "", "measured_on": "2025-04-02", **overrides}


def test_the_responsible_partner_sees_the_form_and_saves(client, w):
    client.force_login(w["kofi"])
    page = client.get(url(w))
    assert page.status_code == 200
    assert "Enter the actual value" in page.content.decode()
    assert f'value="{timezone.localdate().isoformat()}"' in page.content.decode()  # measured today by default
    response = client.post(url(w), data(**{f"category_{w['female'].pk}": "60", f"category_{w['male'].pk}": "40"}))
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "monitoring:indicator", args=[w["indicator"].partnership_id, w["indicator"].pk]
    )
    actual = Actual.objects.get()
    assert actual.value == D(100) and actual.entered_by == w["kofi"]
    shown = client.get(response["Location"]).content.decode()
    assert "Saved the actual value of “Farmers trained” for" in shown


def test_a_partner_of_another_organisation_gets_403_with_the_reason(client, w):
    client.force_login(w["awa"])
    for response in (client.get(url(w)), client.post(url(w), data())):
        assert response.status_code == 403
        assert "your own organisation, Kavokiva, not for Ghana Cocoa Board" in response.content.decode()
    assert not Actual.objects.exists()


def test_donors_get_403_and_outsiders_404(client, w, donor, outsider):
    client.force_login(donor)
    assert client.get(url(w)).status_code == 403
    client.force_login(outsider)
    assert client.get(url(w)).status_code == 404


def test_another_indicators_period_is_404(client, w, secretariat):
    other = f.IndicatorFactory(partnership=w["indicator"].partnership, responsible=w["indicator"].responsible)
    period = f.PeriodFactory(indicator=other)
    client.force_login(secretariat)
    wrong = reverse("monitoring:actual_edit", args=[other.partnership_id, w["indicator"].pk, period.pk])
    assert client.get(wrong).status_code == 404


@pytest.mark.parametrize("typed", ["abc", "12,5", "NaN", "-Infinity"])  # NaN was a 500 (tests/test_bad_input.py)
def test_a_value_that_is_not_an_english_number_is_refused_and_kept(client, w, typed):
    client.force_login(w["kofi"])
    response = client.post(url(w), data(value=typed, narrative="As typed."))
    assert response.status_code == 400
    content = response.content.decode()
    assert "Enter a number, written as in 1,234.5." in content
    assert f'value="{typed}"' in content and "As typed." in content
    assert not Actual.objects.exists()


def test_french_writes_the_decimal_comma(client, w):
    client.force_login(w["kofi"])
    with translation.override("fr"):
        response = client.post(url(w), data(value="1 250,5"), HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Actual.objects.get().value == D("1250.5")


def test_english_thousands_separators_in_their_places(client, w):
    client.force_login(w["kofi"])
    assert client.post(url(w), data(value="1,250.5")).status_code == 302
    assert Actual.objects.get().value == D("1250.5")


def test_a_breakdown_that_does_not_add_up_is_refused_on_the_form(client, w):
    client.force_login(w["kofi"])
    response = client.post(url(w), data(**{f"category_{w['female'].pk}": "60", f"category_{w['male'].pk}": "30"}))
    assert response.status_code == 400
    content = response.content.decode()
    assert "Sex: the values add up to 90, but the total is 100." in content
    assert 'value="60"' in content and 'value="30"' in content


def test_a_future_date_is_refused_on_the_form(client, w):
    client.force_login(w["kofi"])
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = client.post(url(w), data(measured_on=tomorrow.isoformat()))
    assert response.status_code == 400
    assert "The date measured cannot be in the future." in response.content.decode()


def test_a_locked_period_says_so_and_takes_no_data(client, w):
    period = w["periods"][0]
    period.locked_at = timezone.now()
    period.save()
    client.force_login(w["kofi"])
    page = client.get(url(w))
    assert "This period is locked: ask the secretariat to unlock it." in page.content.decode()
    assert '<form method="post" class="card' not in page.content.decode()
    assert client.post(url(w), data()).status_code == 400
    assert not Actual.objects.exists()


def test_a_period_not_started_says_so(client, w):
    start = timezone.localdate() + dt.timedelta(days=10)
    period = Period.objects.create(indicator=w["indicator"], start=start, end=start + dt.timedelta(days=80))
    client.force_login(w["kofi"])
    assert "data can be entered once it has started" in client.get(url(w, period)).content.decode()


def test_the_form_of_a_correction_shows_what_was_entered(client, w):
    actual = f.ActualFactory(period=w["periods"][0], value=D("12.5"), narrative="First count.")
    client.force_login(w["kofi"])
    content = client.get(url(w)).content.decode()
    assert "Correct the actual value" in content
    assert 'value="12.5"' in content and "First count." in content
    assert client.post(url(w), data(value="13")).status_code == 302
    actual.refresh_from_db()
    assert actual.value == D(13)


def test_an_indicator_in_words_asks_for_words_a_light_and_a_note(client, w):
    indicator = w["indicator"]
    indicator.measure = Measure.QUALITATIVE
    indicator.save()
    client.force_login(w["kofi"])
    response = client.post(url(w), {"text": "", "measured_on": "2025-04-02"})
    assert response.status_code == 400
    assert "Say why you chose this light." in response.content.decode()
    ok = {"text": "Draft law tabled", "light": "amber", "light_note": "Not voted yet.", "measured_on": "2025-04-02"}
    assert client.post(url(w), ok).status_code == 302


def test_the_indicator_page_links_open_periods_to_the_form(client, w, donor):
    period, locked = w["periods"][0], w["periods"][1]
    locked.locked_at = timezone.now()
    locked.save()
    page = reverse("monitoring:indicator", args=[w["indicator"].partnership_id, w["indicator"].pk])
    client.force_login(w["kofi"])
    content = client.get(page).content.decode()
    assert url(w, period) in content and url(w, locked) not in content
    client.force_login(w["awa"])
    assert url(w, period) not in client.get(page).content.decode()


def test_the_data_entry_page_lists_what_the_partner_may_enter(client, w, secretariat):
    indicator = w["indicator"]
    q1, q2, q3, q4 = w["periods"]
    f.ActualFactory(period=q2)
    q3.locked_at = timezone.now()
    q3.save()
    others = f.IndicatorFactory(partnership=indicator.partnership, name="Hectares restored")
    f.quarters(others, count=1)
    page = reverse("monitoring:data_entry", args=[indicator.partnership_id])
    client.force_login(w["kofi"])
    response = client.get(page)
    content = response.content.decode()
    assert [row.period for row in response.context["missing"]] == [q1, q4]  # overdue first, then by end
    assert [row.period for row in response.context["entered"]] == [q2]
    assert "Hectares restored" not in content and url(w, q3) not in content
    client.force_login(secretariat)
    assert "Hectares restored" in client.get(page).content.decode()
    client.force_login(w["awa"])
    assert "There is nothing to enter." in client.get(page).content.decode()
