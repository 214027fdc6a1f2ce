"""Progress and traffic lights (monitoring.progress), acceptance 1 of issue 12: both directions, per period and
cumulative, a baseline equal to the target, missing data, indicators in words, and the light thresholds."""

import datetime as dt
from decimal import Decimal

import pytest

from monitoring import progress
from monitoring.models import Actual, Aggregation, Direction, Indicator, Light, Measure, Period

D = Decimal


def indicator(*, baseline=0, direction=Direction.ASCENDING, aggregation=Aggregation.PERIOD, measure=Measure.UNIT):
    return Indicator(
        measure=measure,
        direction=direction,
        aggregation=aggregation,
        baseline_value=None if baseline is None else D(baseline),
    )


def period(n, target, actual=None, *, text="", light=""):
    """An unsaved period n (quarter n of 2025 on) with its actual, as the selectors load them."""
    start = dt.date(2025, 1, 1) + dt.timedelta(days=91 * n)
    one = Period(start=start, end=start + dt.timedelta(days=90), target_value=None if target is None else D(target))
    if actual is not None or text:
        measured = Actual(value=None if actual is None else D(actual), text=text, light=light, measured_on=start)
        one.actual = measured  # the reverse one-to-one's cache, as select_related fills it
    return one


def only(rows):
    assert len(rows) == 1
    return rows[0]


def test_ascending_progress_is_the_share_of_the_way_from_baseline_to_target():
    row = only(progress.series(indicator(baseline=20), [period(0, 120, 110)]))
    assert row.percent == D(90)
    assert row.light == Light.GREEN


def test_descending_progress_counts_the_way_down_from_the_baseline():
    # Baseline 50 days of delay, target 10: reaching 22 is 70 % of the way.
    row = only(progress.series(indicator(baseline=50, direction=Direction.DESCENDING), [period(0, 10, 22)]))
    assert row.percent == D(70)
    assert row.light == Light.AMBER


def test_a_descending_indicator_going_the_wrong_way_is_red():
    row = only(progress.series(indicator(baseline=50, direction=Direction.DESCENDING), [period(0, 10, 60)]))
    assert row.percent < 0
    assert row.light == Light.RED


def test_a_cumulative_indicator_compares_running_totals():
    rows = progress.series(
        indicator(baseline=0, aggregation=Aggregation.CUMULATIVE),
        [period(0, 100, 100), period(1, 100, 50), period(2, 100, 60)],
    )
    assert [row.target for row in rows] == [D(100), D(200), D(300)]
    assert [row.value for row in rows] == [D(100), D(150), D(210)]
    assert [row.percent for row in rows] == [D(100), D(75), D(70)]
    assert [row.light for row in rows] == [Light.GREEN, Light.AMBER, Light.AMBER]


def test_a_cumulative_indicator_starts_from_its_baseline():
    rows = progress.series(
        indicator(baseline=50, aggregation=Aggregation.CUMULATIVE), [period(0, 100, 100), period(1, 100, None)]
    )
    assert rows[0].target == D(150) and rows[0].value == D(150) and rows[0].percent == D(100)
    assert rows[1].value is None and rows[1].percent is None and rows[1].light == ""


def test_a_cumulative_descending_indicator():
    # Emissions cut: baseline 1000, per period targets are (negative) changes.
    rows = progress.series(
        indicator(baseline=1000, direction=Direction.DESCENDING, aggregation=Aggregation.CUMULATIVE),
        [period(0, -100, -100), period(1, -100, -40)],
    )
    assert [row.target for row in rows] == [D(900), D(800)]
    assert [row.value for row in rows] == [D(900), D(860)]
    assert [row.percent for row in rows] == [D(100), D(70)]


@pytest.mark.parametrize(
    ("direction", "actual", "expected"),
    [
        (Direction.ASCENDING, 80, D(100)),  # met
        (Direction.ASCENDING, 81, D(100)),  # beyond
        (Direction.ASCENDING, 79, D(0)),  # not met
        (Direction.DESCENDING, 80, D(100)),
        (Direction.DESCENDING, 75, D(100)),
        (Direction.DESCENDING, 81, D(0)),
    ],
)
def test_a_baseline_equal_to_the_target_is_met_or_not(direction, actual, expected):
    row = only(progress.series(indicator(baseline=80, direction=direction), [period(0, 80, actual)]))
    assert row.percent == expected
    assert row.light == (Light.GREEN if expected else Light.RED)


@pytest.mark.parametrize(
    ("baseline", "target", "actual"),
    [(0, 100, None), (0, None, 50), (None, 100, 50)],
    ids=["no actual", "no target", "no baseline"],
)
def test_missing_data_gives_no_progress_and_no_light(baseline, target, actual):
    row = only(progress.series(indicator(baseline=baseline), [period(0, target, actual)]))
    assert row.percent is None
    assert row.light == ""
    assert row.light_label == ""


@pytest.mark.parametrize("measure", [Measure.NOMINAL, Measure.ORDINAL, Measure.QUALITATIVE])
def test_indicators_in_words_have_no_percentage_and_the_light_a_person_set(measure):
    rows = progress.series(
        indicator(measure=measure, baseline=None),
        [period(0, None, text="Policy drafted", light=Light.AMBER), period(1, None)],
    )
    assert rows[0].percent is None
    assert rows[0].light == Light.AMBER and rows[0].manual
    assert rows[0].light_label == Light.AMBER.label
    assert rows[1].light == "" and not rows[1].manual


@pytest.mark.parametrize(
    ("percent", "light"),
    [
        (D("89.9"), Light.AMBER),
        (D(90), Light.GREEN),
        (D("69.9"), Light.RED),
        (D(70), Light.AMBER),
        (D(150), Light.GREEN),
    ],
)
def test_light_thresholds(percent, light):
    assert progress.light_for(percent) == light


def test_light_thresholds_come_from_the_settings(settings):
    settings.MONITORING_GREEN_AT = 80
    settings.MONITORING_AMBER_AT = 50
    assert progress.light_for(D(80)) == Light.GREEN
    assert progress.light_for(D("79.9")) == Light.AMBER
    assert progress.light_for(D(50)) == Light.AMBER
    assert progress.light_for(D("49.9")) == Light.RED


def test_the_latest_row_is_the_newest_with_an_actual():
    rows = progress.series(indicator(), [period(0, 100, 40), period(1, 100, 80), period(2, 100)])
    assert progress.latest(rows).period is rows[1].period
    assert progress.latest(progress.series(indicator(), [period(0, 100)])) is None


def test_a_period_is_overdue_once_its_data_is_late(settings):
    settings.MONITORING_DATA_DUE_DAYS = 30
    one = period(0, 100)
    assert not progress.is_overdue(one, None, one.end + dt.timedelta(days=30))
    assert progress.is_overdue(one, None, one.end + dt.timedelta(days=31))
    assert not progress.is_overdue(one, object(), one.end + dt.timedelta(days=31))
