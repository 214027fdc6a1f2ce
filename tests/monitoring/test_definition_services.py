"""Dimensions and indicators through their services: categories kept, added and removed in order, a dimension
with recorded values kept, the baseline in the measure's kind, a measure that may not change between numbers and
words once values exist, an indicator deleted only while it has no actual."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from monitoring.models import Breakdown, Dimension, Indicator, Period
from monitoring.services import indicators as services
from msp.codelists import SdgTarget
from tests.monitoring import factories as f

from .defining import define, member


def names(dimension):
    return [c.name for c in dimension.categories.all()]


def test_a_dimension_is_saved_with_its_categories_in_order(partnership, secretariat):
    sex = services.dimension_save(
        partnership=partnership, by=secretariat, name=" Sex ", categories=["female", " male", "", "other"]
    )
    assert (sex.name, names(sex)) == ("Sex", ["female", "male", "other"])


def test_editing_categories_keeps_the_rows_of_those_still_listed(partnership, secretariat):
    sex = services.dimension_save(partnership=partnership, by=secretariat, name="Sex", categories=["female", "male"])
    female = sex.categories.get(name="female")
    services.dimension_save(
        partnership=partnership, by=secretariat, dimension=sex, name="Sex", categories=["male", "female", "other"]
    )
    assert names(sex) == ["male", "female", "other"]
    assert sex.categories.get(name="female").pk == female.pk


def test_a_category_listed_twice_or_none_at_all_is_refused(partnership, secretariat):
    with pytest.raises(ValidationError, match="listed twice"):
        services.dimension_save(partnership=partnership, by=secretariat, name="Sex", categories=["male", "Male"])
    with pytest.raises(ValidationError, match="at least one category"):
        services.dimension_save(partnership=partnership, by=secretariat, name="Sex", categories=["", " "])
    assert not Dimension.objects.exists()


def test_two_dimensions_of_the_same_name_are_refused(partnership, secretariat):
    services.dimension_save(partnership=partnership, by=secretariat, name="Region", categories=["north"])
    with pytest.raises(ValidationError, match="already a dimension named"):
        services.dimension_save(partnership=partnership, by=secretariat, name="region", categories=["south"])


def _recorded(partnership, secretariat):
    """A dimension whose "female" category has a value recorded in an actual's breakdown."""
    sex = services.dimension_save(partnership=partnership, by=secretariat, name="Sex", categories=["female", "male"])
    indicator = define(partnership, secretariat)
    period = f.PeriodFactory(indicator=indicator)
    actual = f.ActualFactory(period=period, value=Decimal(10))
    Breakdown.objects.create(actual=actual, category=sex.categories.get(name="female"), value=Decimal(10))
    return sex


def test_a_dimension_with_recorded_values_is_kept(partnership, secretariat):
    sex = _recorded(partnership, secretariat)
    with pytest.raises(ValidationError, match="broken down by “Sex”, so it is kept"):
        services.dimension_delete(dimension=sex, by=secretariat)
    assert Dimension.objects.filter(pk=sex.pk).exists()


def test_a_category_with_recorded_values_stays_in_the_list(partnership, secretariat):
    sex = _recorded(partnership, secretariat)
    with pytest.raises(ValidationError, match="Values were recorded for “female”"):
        services.dimension_save(partnership=partnership, by=secretariat, dimension=sex, name="Sex", categories=["m"])
    assert names(sex) == ["female", "male"]


def test_an_unused_dimension_is_deleted_with_its_categories(partnership, secretariat):
    sex = services.dimension_save(partnership=partnership, by=secretariat, name="Sex", categories=["female"])
    services.dimension_delete(dimension=sex, by=secretariat)
    assert not Dimension.objects.exists()


def test_an_indicator_is_defined_with_its_links(partnership, secretariat):
    region = services.dimension_save(partnership=partnership, by=secretariat, name="Region", categories=["north"])
    target = SdgTarget.objects.get(code="15.2")
    indicator = define(partnership, secretariat, sdg_targets=[target], dimensions=[region], name="  Hectares  ")
    indicator.refresh_from_db()
    assert indicator.name == "Hectares"
    assert list(indicator.sdg_targets.all()) == [target] and list(indicator.dimensions.all()) == [region]


def test_a_numeric_indicator_needs_a_baseline_number(partnership, secretariat):
    with pytest.raises(ValidationError) as refusal:
        define(partnership, secretariat, baseline_value=None)
    assert "baseline_value" in refusal.value.error_dict
    with pytest.raises(ValidationError) as refusal:
        define(partnership, secretariat, baseline_text="about forty")
    assert "baseline_text" in refusal.value.error_dict
    assert not Indicator.objects.exists()


def test_a_words_indicator_takes_its_baseline_in_words(partnership, secretariat):
    with pytest.raises(ValidationError) as refusal:
        define(partnership, secretariat, measure="3", baseline_value=Decimal(4))
    assert "baseline_value" in refusal.value.error_dict
    indicator = define(partnership, secretariat, measure="3", baseline_value=None, baseline_text="Low")
    assert (indicator.baseline_value, indicator.baseline_text) == (None, "Low")


def test_the_result_and_the_responsible_organisation_are_the_partnership_s(partnership, secretariat):
    stranger = f.OrganisationFactory(name="Not A Member")
    with pytest.raises(ValidationError) as refusal:
        define(partnership, secretariat, responsible=stranger, result_node_key="00000000-0000-0000-0000-000000000000")
    assert set(refusal.value.error_dict) == {"responsible", "result_node_key"}


def test_the_measure_does_not_change_between_numbers_and_words_once_actuals_exist(partnership, secretariat):
    indicator = define(partnership, secretariat)
    f.ActualFactory(period=f.PeriodFactory(indicator=indicator))
    fields = dict(
        result_node_key=indicator.result_node_key,
        name=indicator.name,
        measure="5",
        unit_label="",
        direction="ascending",
        aggregation="period",
        baseline_value=None,
        baseline_text="Weak",
        baseline_date=None,
        responsible=indicator.responsible,
        definition="",
        means_of_verification="",
    )
    with pytest.raises(ValidationError) as refusal:
        services.indicator_save(partnership=partnership, by=secretariat, indicator=indicator, **fields)
    assert "cannot change between numbers and words" in " ".join(refusal.value.error_dict["measure"][0])
    indicator.refresh_from_db()
    assert indicator.measure == "1"
    # Between two numeric measures it may.
    fields.update(measure="2", baseline_value=Decimal(10), baseline_text="")
    services.indicator_save(partnership=partnership, by=secretariat, indicator=indicator, **fields)
    indicator.refresh_from_db()
    assert indicator.measure == "2"


def test_an_indicator_without_actuals_is_deleted_with_its_periods(partnership, secretariat):
    indicator = define(partnership, secretariat)
    f.PeriodFactory(indicator=indicator)
    services.indicator_delete(indicator=indicator, by=secretariat)
    assert not Indicator.objects.exists() and not Period.objects.exists()


def test_an_indicator_with_an_actual_is_kept(partnership, secretariat):
    indicator = define(partnership, secretariat)
    f.ActualFactory(period=f.PeriodFactory(indicator=indicator))
    with pytest.raises(ValidationError, match="so it is kept"):
        services.indicator_delete(indicator=indicator, by=secretariat)
    assert Indicator.objects.filter(pk=indicator.pk).exists()


def test_only_the_secretariat_defines(partnership, secretariat, partner, donor):
    for user in (partner, donor):
        with pytest.raises(PermissionDenied):
            define(partnership, user, responsible=member(partnership, f"Org of {user}"))
        with pytest.raises(PermissionDenied):
            services.dimension_save(partnership=partnership, by=user, name="Sex", categories=["f"])
    assert not Indicator.objects.exists() and not Dimension.objects.exists()


def test_the_deletion_stays_in_the_activity_feed(partnership, secretariat):
    from msp.models import ActivityEntry

    indicator = define(partnership, secretariat, baseline_date=dt.date(2024, 1, 1))
    services.indicator_delete(indicator=indicator, by=secretariat)
    assert ActivityEntry.objects.filter(partnership=partnership, object_repr="Farmers trained", action=2).exists()
