"""monitoring.services.actuals.actual_save: who may enter data, locked and future periods, the date measured,
numbers and words, and the breakdown's rules; corrections keep one actual and their history."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from monitoring.models import Actual, Breakdown, Light, Measure
from monitoring.services.actuals import actual_save
from msp.models import ActivityEntry
from tests.monitoring.entry import TODAY, entry_world

D = Decimal


@pytest.fixture
def w(partnership):
    return entry_world(partnership)


def save(w, by, period=None, **kwargs):
    fields = {"value": D(100), "measured_on": dt.date(2025, 4, 2), "today": TODAY, **kwargs}
    return actual_save(period=period or w["periods"][0], by=by, **fields)


def messages(exc):
    return " ".join(exc.value.messages)


def test_the_partner_of_the_responsible_organisation_enters_an_actual(w):
    actual = save(w, w["kofi"], narrative="Two trainings.", breakdown={w["female"]: D(60), w["male"]: D(40)})
    actual.refresh_from_db()
    assert actual.value == D(100)
    assert actual.entered_by == w["kofi"]
    assert actual.narrative == "Two trainings."
    assert {row.category.name: row.value for row in actual.breakdown.all()} == {"Female": D(60), "Male": D(40)}


def test_the_secretariat_enters_data_for_any_indicator(w, secretariat):
    assert save(w, secretariat).entered_by == secretariat


def test_a_partner_of_another_organisation_is_refused_with_the_reason(w):
    with pytest.raises(PermissionDenied) as exc:
        save(w, w["awa"])
    assert "your own organisation, Kavokiva, not for Ghana Cocoa Board" in str(exc.value)
    assert not Actual.objects.exists()


def test_donors_and_outsiders_are_refused(w, donor, outsider):
    with pytest.raises(PermissionDenied):
        save(w, donor)
    with pytest.raises(Http404):
        save(w, outsider)
    assert not Actual.objects.exists()


def test_a_locked_period_is_refused(w, secretariat):
    period = w["periods"][0]
    period.locked_at = dt.datetime(2025, 5, 1, tzinfo=dt.UTC)
    period.save()
    with pytest.raises(ValidationError) as exc:
        save(w, w["kofi"])
    assert messages(exc) == "This period is locked: ask the secretariat to unlock it."
    with pytest.raises(ValidationError):
        save(w, secretariat)


def test_a_period_that_has_not_started_is_refused(w):
    with pytest.raises(ValidationError) as exc:
        save(w, w["kofi"], period=w["periods"][0], today=dt.date(2024, 12, 31), measured_on=dt.date(2024, 12, 1))
    assert "data can be entered once it has started" in messages(exc)


def test_a_date_measured_in_the_future_is_refused(w):
    with pytest.raises(ValidationError) as exc:
        save(w, w["kofi"], measured_on=TODAY + dt.timedelta(days=1))
    assert exc.value.message_dict["measured_on"] == ["The date measured cannot be in the future."]


def test_a_numeric_indicator_needs_a_number(w):
    with pytest.raises(ValidationError) as exc:
        save(w, w["kofi"], value=None, text="many")
    assert exc.value.message_dict["value"] == ["Enter the value as a number."]


def test_a_negative_percentage_is_refused_but_more_than_100_is_allowed(w):
    indicator = w["indicator"]
    indicator.measure = Measure.PERCENTAGE
    indicator.save()
    with pytest.raises(ValidationError) as exc:
        save(w, w["kofi"], value=D(-1))
    assert exc.value.message_dict["value"] == ["A percentage cannot be negative."]
    assert save(w, w["kofi"], value=D(120)).value == D(120)


def test_a_unit_breakdown_must_add_up_to_the_total(w):
    with pytest.raises(ValidationError) as exc:
        save(w, w["kofi"], value=D(100), breakdown={w["female"]: D(60), w["male"]: D(30)})
    assert messages(exc) == "Sex: the values add up to 90, but the total is 100."
    assert not Actual.objects.exists()


def test_a_percentage_breakdown_need_not_add_up(w):
    indicator = w["indicator"]
    indicator.measure = Measure.PERCENTAGE
    indicator.save()
    actual = save(w, w["kofi"], value=D(55), breakdown={w["female"]: D(60), w["male"]: D(50)})
    assert actual.breakdown.count() == 2


def test_a_dimension_filled_in_must_be_complete(w):
    with pytest.raises(ValidationError) as exc:
        save(w, w["kofi"], breakdown={w["female"]: D(100), w["male"]: None})
    assert messages(exc) == "Sex: enter a value for every category, or none (missing: Male)."


def test_the_breakdown_is_optional(w):
    actual = save(w, w["kofi"], breakdown={w["female"]: None, w["male"]: None})
    assert not actual.breakdown.exists()


def test_an_indicator_in_words_needs_words_a_light_and_a_note(w):
    indicator = w["indicator"]
    indicator.measure = Measure.QUALITATIVE
    indicator.save()
    with pytest.raises(ValidationError) as exc:
        save(w, w["kofi"], value=None)
    assert set(exc.value.message_dict) == {"text", "light", "light_note"}
    actual = save(w, w["kofi"], value=D(3), text="Draft law tabled", light=Light.AMBER, light_note="Not voted yet.")
    assert (actual.value, actual.text, actual.light) == (None, "Draft law tabled", Light.AMBER)


def test_a_correction_changes_the_one_actual_and_keeps_its_history(w, secretariat):
    save(w, w["kofi"], breakdown={w["female"]: D(60), w["male"]: D(40)})
    save(w, secretariat, value=D(80), breakdown={w["female"]: D(50), w["male"]: D(30)})
    actual = Actual.objects.get()
    assert actual.value == D(80) and actual.entered_by == secretariat
    assert sorted(Breakdown.objects.values_list("value", flat=True)) == [D(30), D(50)]
    changes = ActivityEntry.objects.get_for_object(actual).filter(action=ActivityEntry.Action.UPDATE)
    assert changes.count() == 1
    assert [D(v) for v in changes.get().changes_dict["value"]] == [D(100), D(80)]


def test_clearing_the_breakdown_on_correction_removes_it(w):
    save(w, w["kofi"], breakdown={w["female"]: D(60), w["male"]: D(40)})
    save(w, w["kofi"], breakdown={})
    assert not Breakdown.objects.exists()
