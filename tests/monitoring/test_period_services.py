"""Reporting periods through their services: overlaps refused with the period named, generation by quarter,
half-year and year (month ends, leap years), a generation refused as a whole, locked periods left alone."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from monitoring.models import Period
from monitoring.services import periods as services
from tests.monitoring import factories as f

from .defining import define

D = dt.date


@pytest.fixture
def indicator(partnership, secretariat):
    return define(partnership, secretariat)


def add(indicator, by, start, end, target=100):
    return services.period_save(indicator=indicator, by=by, start=start, end=end, target_value=Decimal(target))


def spans(periods):
    return [(p.start, p.end) for p in periods]


def test_a_period_is_added_with_its_target(indicator, secretariat):
    period = add(indicator, secretariat, D(2025, 1, 1), D(2025, 3, 31), 120)
    assert (period.start, period.end, period.target_value, period.is_locked) == (
        D(2025, 1, 1),
        D(2025, 3, 31),
        Decimal(120),
        False,
    )


def test_an_overlapping_period_is_refused_naming_the_one_it_overlaps(indicator, secretariat):
    add(indicator, secretariat, D(2025, 4, 1), D(2025, 6, 30))
    with pytest.raises(ValidationError) as refusal:
        add(indicator, secretariat, D(2025, 6, 1), D(2025, 8, 31))
    assert "overlaps 1 Apr 2025 – 30 Jun 2025" in " ".join(refusal.value.messages)
    assert Period.objects.filter(indicator=indicator).count() == 1


def test_periods_that_touch_do_not_overlap(indicator, secretariat):
    add(indicator, secretariat, D(2025, 1, 1), D(2025, 3, 31))
    add(indicator, secretariat, D(2025, 4, 1), D(2025, 6, 30))
    assert Period.objects.filter(indicator=indicator).count() == 2


def test_a_period_may_be_moved_over_its_own_dates(indicator, secretariat):
    period = add(indicator, secretariat, D(2025, 1, 1), D(2025, 3, 31))
    services.period_save(indicator=indicator, by=secretariat, period=period, start=D(2025, 1, 15), end=D(2025, 4, 15))
    period.refresh_from_db()
    assert (period.start, period.end) == (D(2025, 1, 15), D(2025, 4, 15))


def test_a_period_ending_before_it_starts_is_refused(indicator, secretariat):
    with pytest.raises(ValidationError) as refusal:
        add(indicator, secretariat, D(2025, 3, 31), D(2025, 1, 1))
    assert "ends before it starts" in str(refusal.value)


def test_a_words_indicator_takes_its_target_in_words(partnership, secretariat):
    indicator = define(partnership, secretariat, measure="5", baseline_value=None, baseline_text="No policy")
    period = services.period_save(
        indicator=indicator, by=secretariat, start=D(2025, 1, 1), end=D(2025, 12, 31), target_text="Policy adopted"
    )
    assert (period.target_value, period.target_text) == (None, "Policy adopted")
    with pytest.raises(ValidationError, match="takes words"):
        services.period_save(
            indicator=indicator, by=secretariat, start=D(2026, 1, 1), end=D(2026, 12, 31), target_value=Decimal(3)
        )


def test_quarters_end_on_month_ends(indicator, secretariat):
    periods = services.periods_generate(
        indicator=indicator,
        by=secretariat,
        frequency="3",
        first_start=D(2024, 1, 1),
        last_end=D(2024, 12, 31),
        target_value=Decimal(50),
    )
    assert spans(periods) == [
        (D(2024, 1, 1), D(2024, 3, 31)),
        (D(2024, 4, 1), D(2024, 6, 30)),
        (D(2024, 7, 1), D(2024, 9, 30)),
        (D(2024, 10, 1), D(2024, 12, 31)),
    ]
    assert {p.target_value for p in Period.objects.filter(indicator=indicator)} == {Decimal(50)}


def test_half_years_across_a_leap_february(indicator, secretariat):
    periods = services.periods_generate(
        indicator=indicator, by=secretariat, frequency="6", first_start=D(2023, 9, 1), last_end=D(2024, 8, 31)
    )
    assert spans(periods) == [(D(2023, 9, 1), D(2024, 2, 29)), (D(2024, 3, 1), D(2024, 8, 31))]
    assert all(p.target_value is None for p in periods)  # targets to fill in afterwards


def test_years_from_the_first_of_march_end_on_the_last_day_of_february(indicator, secretariat):
    periods = services.periods_generate(
        indicator=indicator, by=secretariat, frequency="12", first_start=D(2023, 3, 1), last_end=D(2026, 2, 28)
    )
    assert spans(periods) == [
        (D(2023, 3, 1), D(2024, 2, 29)),
        (D(2024, 3, 1), D(2025, 2, 28)),
        (D(2025, 3, 1), D(2026, 2, 28)),
    ]


def test_quarters_from_a_month_end_stay_on_month_ends_without_gaps(indicator, secretariat):
    periods = services.periods_generate(
        indicator=indicator, by=secretariat, frequency="3", first_start=D(2025, 1, 31), last_end=D(2026, 1, 30)
    )
    assert [p.start for p in periods] == [D(2025, 1, 31), D(2025, 4, 30), D(2025, 7, 31), D(2025, 10, 31)]
    for before, after in zip(periods, periods[1:], strict=False):
        assert after.start - before.end == dt.timedelta(days=1)


def test_the_last_period_is_cut_short_at_the_last_end(indicator, secretariat):
    periods = services.periods_generate(
        indicator=indicator, by=secretariat, frequency="6", first_start=D(2025, 1, 1), last_end=D(2025, 9, 30)
    )
    assert spans(periods) == [(D(2025, 1, 1), D(2025, 6, 30)), (D(2025, 7, 1), D(2025, 9, 30))]


def test_a_generation_that_would_overlap_is_refused_as_a_whole(indicator, secretariat):
    add(indicator, secretariat, D(2025, 10, 1), D(2025, 12, 31))
    with pytest.raises(ValidationError) as refusal:
        services.periods_generate(
            indicator=indicator, by=secretariat, frequency="3", first_start=D(2025, 1, 1), last_end=D(2026, 12, 31)
        )
    assert "overlap 1 Oct 2025 – 31 Dec 2025" in " ".join(refusal.value.messages)
    assert Period.objects.filter(indicator=indicator).count() == 1


def test_a_generation_of_too_many_periods_is_refused(indicator, secretariat):
    with pytest.raises(ValidationError, match="more than 120"):
        services.periods_generate(
            indicator=indicator, by=secretariat, frequency="3", first_start=D(2000, 1, 1), last_end=D(2100, 12, 31)
        )
    assert not Period.objects.exists()


@pytest.fixture
def locked(indicator, secretariat):
    period = add(indicator, secretariat, D(2025, 1, 1), D(2025, 3, 31))
    return services.period_lock(period=period, by=secretariat)


def test_locking_records_when_and_who(locked, secretariat):
    locked.refresh_from_db()
    assert locked.is_locked and locked.locked_by == secretariat


def test_a_locked_period_cannot_be_edited(indicator, locked, secretariat):
    with pytest.raises(ValidationError, match="is locked"):
        services.period_save(
            indicator=indicator,
            by=secretariat,
            period=locked,
            start=D(2025, 1, 1),
            end=D(2025, 3, 31),
            target_value=Decimal(999),
        )
    locked.refresh_from_db()
    assert locked.target_value == Decimal(100)


def test_a_locked_period_cannot_be_deleted(locked, secretariat):
    with pytest.raises(ValidationError, match="is locked"):
        services.period_delete(period=locked, by=secretariat)
    assert Period.objects.filter(pk=locked.pk).exists()


def test_an_unlocked_period_can_be_edited_again(indicator, locked, secretariat):
    services.period_unlock(period=locked, by=secretariat)
    services.period_save(
        indicator=indicator,
        by=secretariat,
        period=locked,
        start=D(2025, 1, 1),
        end=D(2025, 3, 31),
        target_value=Decimal(90),
    )
    locked.refresh_from_db()
    assert (locked.is_locked, locked.target_value) == (False, Decimal(90))


def test_a_period_with_an_actual_cannot_be_deleted(indicator, secretariat):
    period = add(indicator, secretariat, D(2025, 1, 1), D(2025, 3, 31))
    f.ActualFactory(period=period)
    with pytest.raises(ValidationError, match="actual value is recorded"):
        services.period_delete(period=period, by=secretariat)
    assert Period.objects.filter(pk=period.pk).exists()


def test_a_period_without_an_actual_is_deleted(indicator, secretariat):
    period = add(indicator, secretariat, D(2025, 1, 1), D(2025, 3, 31))
    services.period_delete(period=period, by=secretariat)
    assert not Period.objects.filter(pk=period.pk).exists()


def test_locking_the_ended_periods_leaves_the_running_ones_open(indicator, secretariat):
    services.periods_generate(
        indicator=indicator, by=secretariat, frequency="3", first_start=D(2025, 1, 1), last_end=D(2025, 12, 31)
    )
    assert services.periods_lock_ended(indicator=indicator, by=secretariat, today=D(2025, 6, 30)) == 2
    locked = [p.is_locked for p in Period.objects.filter(indicator=indicator).order_by("start")]
    assert locked == [True, True, False, False]


def test_partners_and_donors_cannot_define_or_lock_periods(indicator, partner, donor, secretariat):
    period = add(indicator, secretariat, D(2025, 1, 1), D(2025, 3, 31))
    for user in (partner, donor):
        with pytest.raises(PermissionDenied):
            add(indicator, user, D(2026, 1, 1), D(2026, 3, 31))
        with pytest.raises(PermissionDenied):
            services.period_lock(period=period, by=user)
    period.refresh_from_db()
    assert not period.is_locked
