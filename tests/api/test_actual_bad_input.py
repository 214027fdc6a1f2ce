"""PUT of an actual: bad input answers 400 with JSON messages by field, as the page's form and service give them, and
writes nothing; a locked period or one of another partnership is refused; a correction replaces the actual."""

import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from monitoring.models import Actual, Breakdown, Measure
from tests.api.conftest import token_client
from tests.factories import PartnershipFactory
from tests.monitoring import factories as f
from tests.monitoring.entry import entry_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w(partnership):
    return entry_world(partnership)


def put(w, body, *, period=None, user=None, raw=None):
    period = period or w["periods"][1]
    client = token_client(user or w["kofi"])
    url = reverse("api:actual", args=[w["indicator"].partnership_id, period.pk])
    if raw is not None:
        return client.put(url, raw, content_type="application/json")
    return client.put(url, body, format="json")


def good(w, **changes):
    return {"value": "100", "measured_on": "2025-06-30", **changes}


def refused(answer, field=None):
    assert answer.status_code == 400, answer.content
    data = answer.json()
    assert data["detail"] == "The data is not valid."
    assert not Actual.objects.exists() and not Breakdown.objects.exists()
    return data["errors"][field] if field else data["errors"]


@pytest.mark.parametrize("value", ["NaN", "Infinity", "12,5", "twelve", "1,2,3"])
def test_a_value_that_is_not_a_number_is_refused_as_the_form_refuses_it(w, value):
    assert refused(put(w, good(w, value=value)), "value") == ["Enter a number, written as in 1,234.5."]


def test_a_number_too_long_is_refused_as_the_form_refuses_it(w):
    assert refused(put(w, good(w, value="1" * 19)), "value") == [
        "Ensure that there are no more than 18 digits in total."
    ]
    assert refused(put(w, None, raw='{"value": 1e400, "measured_on": "2025-06-30"}'), "value")


def test_a_nan_literal_is_not_json(w):
    answer = put(w, None, raw='{"value": NaN, "measured_on": "2025-06-30"}')
    assert answer.status_code == 400 and answer.json()["detail"]
    assert not Actual.objects.exists()


def test_a_missing_date_is_refused(w):
    assert refused(put(w, {"value": "100"}), "measured_on") == ["Enter the date the value was measured."]


def test_a_date_in_the_future_or_not_a_date_is_refused(w):
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    assert refused(put(w, good(w, measured_on=tomorrow)), "measured_on") == [
        "The date measured cannot be in the future."
    ]
    assert refused(put(w, good(w, measured_on="30/06/2025x")), "measured_on") == ["Enter a valid date."]


def test_a_category_of_another_dimension_of_the_partnership_is_refused(w):
    region = f.DimensionFactory(partnership=w["indicator"].partnership, name="Region")  # not the indicator's
    north = f.CategoryFactory(dimension=region, name="North")
    errors = refused(put(w, good(w, breakdown=[{"category": north.pk, "value": "100"}])), "breakdown")
    assert errors == ["A category of the breakdown is not one of this indicator's dimensions."]


def test_a_category_of_another_partnership_is_refused(w):
    elsewhere = f.DimensionFactory(partnership=PartnershipFactory(), name="Sex")
    theirs = f.CategoryFactory(dimension=elsewhere, name="Female")
    errors = refused(put(w, good(w, breakdown=[{"category": theirs.pk, "value": "100"}])), "breakdown")
    assert errors == ["A category of the breakdown is not one of this indicator's dimensions."]


def test_a_breakdown_that_does_not_add_up_is_refused_by_the_service(w):
    breakdown = [{"category": w["female"].pk, "value": "60"}, {"category": w["male"].pk, "value": "30"}]
    errors = refused(put(w, good(w, breakdown=breakdown)), "non_field_errors")
    assert errors == ["Sex: the values add up to 90, but the total is 100."]


def test_a_breakdown_missing_a_category_is_refused(w):
    errors = refused(put(w, good(w, breakdown=[{"category": w["female"].pk, "value": "100"}])), "non_field_errors")
    assert errors == ["Sex: enter a value for every category, or none (missing: Male)."]


def test_a_bad_category_value_is_named_by_its_category(w):
    breakdown = [{"category": w["female"].pk, "value": "lots"}, {"category": w["male"].pk, "value": "30"}]
    assert refused(put(w, good(w, breakdown=breakdown)), "breakdown") == [
        "Sex / Female: Enter a number, written as in 1,234.5."
    ]


@pytest.mark.parametrize(
    "body",
    [
        ["not", "an", "object"],
        {"value": ["100"], "measured_on": "2025-06-30"},
        {"value": "100", "measured_on": "2025-06-30", "breakdown": {"category": 1}},
        {"value": "100", "measured_on": "2025-06-30", "breakdown": [{"category": "one", "value": "1"}]},
    ],
)
def test_a_body_of_the_wrong_shape_is_refused_with_a_message(w, body):
    assert refused(put(w, body))


def test_a_category_given_twice_is_refused(w):
    twice = [{"category": w["female"].pk, "value": "50"}, {"category": w["female"].pk, "value": "50"}]
    assert refused(put(w, good(w, breakdown=twice)), "breakdown") == [f"Category {w['female'].pk} is given twice."]


def test_a_locked_period_is_refused_with_the_reason(w, secretariat):
    period = w["periods"][0]
    period.locked_at = timezone.now()
    period.save()
    assert refused(put(w, good(w), period=period, user=secretariat), "non_field_errors") == [
        "This period is locked: ask the secretariat to unlock it."
    ]


def test_a_period_of_another_partnership_is_404(w, secretariat):
    other = f.IndicatorFactory(partnership=PartnershipFactory())
    period = f.PeriodFactory(indicator=other)
    answer = put(w, good(w), period=period, user=secretariat)
    assert answer.status_code == 404 and answer.json()["detail"]


def test_a_correction_replaces_the_value_and_the_breakdown(w, secretariat):
    breakdown = [{"category": w["female"].pk, "value": "60"}, {"category": w["male"].pk, "value": "40"}]
    assert put(w, good(w, breakdown=breakdown)).status_code == 200
    answer = put(w, good(w, value=80.5), user=secretariat)
    assert answer.status_code == 200
    assert answer.json()["actual"]["value"] == "80.5" and answer.json()["actual"]["breakdown"] == []
    assert Actual.objects.get().entered_by == secretariat and not Breakdown.objects.exists()


def test_an_indicator_in_words_takes_words_a_light_and_a_note(partnership):
    w = entry_world(partnership, measure=Measure.QUALITATIVE)
    errors = refused(put(w, {"measured_on": "2025-06-30"}))
    assert set(errors) == {"text", "light", "light_note"}
    body = {"text": "Good uptake", "light": "green", "light_note": "As planned.", "measured_on": "2025-06-30"}
    answer = put(w, body)
    assert answer.status_code == 200
    assert answer.json()["actual"]["text"] == "Good uptake" and answer.json()["actual"]["light"] == "green"


def test_get_shows_the_period_and_its_actual_to_the_members_only(w, secretariat, donor):
    put(w, good(w))
    answer = token_client(secretariat).get(
        reverse("api:actual", args=[w["indicator"].partnership_id, w["periods"][1].pk])
    )
    assert answer.status_code == 200
    assert json.loads(answer.content)["actual"]["value"] == "100"
    refused_ = token_client(donor).get(reverse("api:actual", args=[w["indicator"].partnership_id, w["periods"][1].pk]))
    assert refused_.status_code == 403


def test_get_answers_304_to_its_etag_until_the_actual_changes(w):
    client = token_client(w["kofi"])
    url = reverse("api:actual", args=[w["indicator"].partnership_id, w["periods"][1].pk])
    first = client.get(url)
    assert first.json()["actual"] is None
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    put(w, good(w))
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_an_archived_partnership_takes_no_data(w, partnership):
    partnership.archived_at = timezone.now()
    partnership.save()
    answer = put(w, good(w))
    assert answer.status_code == 403 and answer.json()["detail"]
    assert not Actual.objects.exists()
