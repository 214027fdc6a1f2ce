"""Acceptance 3: a partner posts an indicator actual with its breakdown through the API with a personal token; the
value is on the indicator page and in the activity feed, under the partner's name. The same request from a donor
is refused with a JSON message and writes nothing."""

import re

import pytest
from django.urls import reverse

from monitoring.models import Actual, Breakdown
from tests.api.conftest import token_client
from tests.monitoring.entry import entry_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w(partnership):
    return entry_world(partnership)


def text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def actual_url(w, period):
    return reverse("api:actual", args=[w["indicator"].partnership_id, period.pk])


def body(w):
    return {
        "value": "1250",
        "narrative": "Training in the Ashanti region.",
        "measured_on": "2025-06-30",
        "breakdown": [{"category": w["female"].pk, "value": "700"}, {"category": w["male"].pk, "value": 550}],
    }


def test_a_partner_puts_an_actual_and_sees_it_on_the_indicator_page_and_in_the_feed(client, w):
    period = w["periods"][1]
    answer = token_client(w["kofi"]).put(actual_url(w, period), body(w), format="json")
    assert answer.status_code == 200, answer.content
    saved = answer.json()["actual"]
    assert saved["value"] == "1250" and saved["measured_on"] == "2025-06-30"
    assert {(row["category_name"], row["value"]) for row in saved["breakdown"]} == {("Female", "700"), ("Male", "550")}

    client.force_login(w["kofi"])
    indicator_page = reverse("monitoring:indicator", args=[w["indicator"].partnership_id, w["indicator"].pk])
    page = client.get(indicator_page).content.decode()
    assert "Actual, 1 Apr 2025 – 30 Jun 2025: 1,250" in page
    feed = client.get(reverse("msp:activity", args=[w["indicator"].partnership_id])).content.decode()
    # Under the token owner's name (auditlog's middleware ran before the token was read: the API names them).
    name = w["kofi"].get_full_name()
    assert f"{name} added the actual value “1250”" in text(feed)
    assert f"{name} added the disaggregated value “Female: 700”" in text(feed)
    assert Actual.objects.get().entered_by == w["kofi"]


def test_the_same_put_from_a_donor_is_refused_and_writes_nothing(w, donor):
    answer = token_client(donor).put(actual_url(w, w["periods"][1]), body(w), format="json")
    assert answer.status_code == 403
    assert answer.json()["detail"]
    assert not Actual.objects.exists() and not Breakdown.objects.exists()


def test_a_partner_of_another_organisation_is_refused_with_the_reason(w):
    answer = token_client(w["awa"]).put(actual_url(w, w["periods"][1]), body(w), format="json")
    assert answer.status_code == 403
    assert "Kavokiva" in answer.json()["detail"]
    assert not Actual.objects.exists()
