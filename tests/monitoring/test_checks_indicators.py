"""The indicator rules on factory data: CX-3 (SDG contribution), ME-1 (results monitoring current), ME-3 (reports released
to donors and published for the public) and ME-6 (adapting to change)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from governance.models import RoadmapVersion
from monitoring.models import Report
from phases.catalogue import Result
from tests.factories import PartnershipFactory, TransitionFactory
from tests.monitoring import factories as f
from tests.monitoring.checking import TODAY, check, moment

pytestmark = pytest.mark.django_db


@pytest.fixture
def partnership(db):
    return PartnershipFactory(name="Water Partnership")


def _indicator(partnership, name, *, level="outcome", **kwargs):
    return f.IndicatorFactory(
        partnership=partnership, name=name, result_node_key=f.node(partnership, level=level).key, **kwargs
    )


def _complete(partnership, name, *, level="outcome", actual=Decimal(95)):
    """An indicator with a baseline, two quarters of 2026 with targets, and data for the first."""
    indicator = _indicator(partnership, name, level=level)
    first, _second = f.quarters(indicator, year=2026, count=2)
    f.ActualFactory(period=first, value=actual)
    return indicator


# CX-3 ------------------------------------------------------------------------------------------------------------


def test_cx3_in_phase_1_fails_without_an_sdg_target_and_passes_with_one(partnership):
    finding = check(partnership, "CX-3")
    assert finding.result == Result.FAIL
    assert "No SDG target" in finding.evidence
    assert finding.links == [("Partnership details", reverse("msp:partnership_edit", args=[partnership.pk]))]

    partnership.sdg_targets.set(["6.4", "15.2"])
    finding = check(partnership, "CX-3")
    assert finding.result == Result.PASS
    assert finding.evidence == "The partnership names 2 SDG targets: 6.4 and 15.2."


def test_cx3_leaving_phase_2_asks_for_an_outcome_or_impact_indicator_linked_to_an_sdg_target(partnership):
    partnership.phase = 2
    partnership.sdg_targets.set(["6.4"])
    _indicator(partnership, "Wells built", level="output").sdg_targets.set(["6.4"])
    finding = check(partnership, "CX-3", leaving=2)
    assert finding.result == Result.FAIL
    assert "No indicator measures an outcome or an impact" in finding.evidence

    households = _indicator(partnership, "Households with water", level="outcome")
    finding = check(partnership, "CX-3", leaving=2)
    assert finding.result == Result.FAIL
    assert finding.evidence == "The outcome or impact indicator is not linked to an SDG target: Households with water."
    assert ("Households with water", reverse("monitoring:indicator", args=[partnership.pk, households.pk])) in (
        finding.links
    )

    households.sdg_targets.set(["6.1", "6.4"])
    finding = check(partnership, "CX-3", leaving=2)
    assert finding.result == Result.PASS
    assert (
        finding.evidence == "1 outcome or impact indicator is linked to SDG targets: Households with water (6.1, 6.4)."
    )


def test_cx3_leaving_phase_1_looks_at_the_partnership_even_when_indicators_exist(partnership):
    _indicator(partnership, "Households with water", level="impact").sdg_targets.set(["6.1"])
    assert check(partnership, "CX-3", leaving=1).result == Result.FAIL
    assert check(partnership, "CX-3", leaving=2).result == Result.PASS


# ME-1 ------------------------------------------------------------------------------------------------------------


def test_me1_fails_without_indicators(partnership):
    finding = check(partnership, "ME-1")
    assert finding.result == Result.FAIL
    assert finding.evidence == "No indicator is defined yet."


def test_me1_names_each_incomplete_indicator_with_what_it_lacks(partnership):
    _complete(partnership, "Farmers trained")
    no_baseline = _indicator(partnership, "Yield", baseline_value=None)
    f.quarters(no_baseline, year=2026, count=1, targets=[10])
    f.ActualFactory(period=no_baseline.periods.get())
    overdue = _indicator(partnership, "Wells built")
    f.quarters(overdue, year=2025, count=2)  # both ended long ago, no data
    untargeted = _indicator(partnership, "Savings groups")
    period = f.PeriodFactory(indicator=untargeted, start=dt.date(2026, 7, 1), end=dt.date(2026, 9, 30))
    period.target_value = None
    period.save()
    _indicator(partnership, "Market access")  # no period at all

    finding = check(partnership, "ME-1")
    assert finding.result == Result.FAIL
    assert finding.evidence == (
        "4 of 5 indicators are not current: Yield (no baseline), Wells built (data overdue for 2 periods), "
        "Savings groups (no target for 1 period), and Market access (no reporting period)."
    )
    linked = [url for _label, url in finding.links]
    assert reverse("monitoring:indicator", args=[partnership.pk, overdue.pk]) in linked


def test_me1_reads_words_for_indicators_measured_in_words(partnership):
    indicator = _indicator(partnership, "Policy adopted", measure="5", baseline_value=None, baseline_text="")
    f.PeriodFactory(indicator=indicator, start=dt.date(2026, 7, 1), end=dt.date(2026, 12, 31), target_value=None)
    assert check(partnership, "ME-1").evidence == (
        "1 of 1 indicators is not current: Policy adopted (no baseline; no target for 1 period)."
    )
    indicator.baseline_text = "No policy"
    indicator.save()
    indicator.periods.update(target_text="Policy adopted by parliament")
    assert check(partnership, "ME-1").result == Result.PASS


def test_me1_passes_when_everything_is_current_and_its_grace_days_are_configurable(partnership):
    _complete(partnership, "Farmers trained")
    # The second quarter of 2026 ended on 30 June: today it is within the 30 days' grace.
    finding = check(partnership, "ME-1")
    assert finding.result == Result.PASS
    assert finding.evidence == (
        "The indicator has a baseline, a target for every period, and data for every period that ended over 30 days "
        "ago."
    )
    later = TODAY + dt.timedelta(days=40)
    assert check(partnership, "ME-1", today=later).result == Result.FAIL
    assert check(partnership, "ME-1", today=later, grace_days=60).result == Result.PASS


def test_me1_lists_at_most_five_names_and_counts_the_rest(partnership):
    for i in range(7):
        _indicator(partnership, f"Indicator {i}", baseline_value=None)
    evidence = check(partnership, "ME-1").evidence
    assert evidence.startswith("7 of 7 indicators are not current: Indicator 0 (no baseline; no reporting period),")
    assert evidence.endswith("Indicator 4 (no baseline; no reporting period) and 2 more.")


# ME-3 ------------------------------------------------------------------------------------------------------------


def _delivered(partnership, kind, day, *, number=1, status="done"):
    """A made report of `kind`, released (donor) or published (public) on `day`."""
    when = {"released_at" if kind == "donor" else "published_at": moment(day)}
    return Report.objects.create(
        partnership=partnership, kind=kind, number=number, period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 3, 31), language="en", status=status, **when,
    )  # fmt: skip


def test_me3_fails_when_neither_audience_was_reported_to(partnership):
    finding = check(partnership, "ME-3")
    assert finding.result == Result.FAIL
    assert finding.evidence == "No donor report was released and no public report published in the last 6 months."
    # A made report that was not released is a draft: it reports to nobody.
    Report.objects.create(
        partnership=partnership, kind="donor", period_start=dt.date(2026, 1, 1), period_end=dt.date(2026, 3, 31),
        language="en", status="done",
    )  # fmt: skip
    assert check(partnership, "ME-3").result == Result.FAIL


def test_me3_passes_with_a_released_donor_report_and_a_published_public_report(partnership):
    _delivered(partnership, "donor", dt.date(2026, 4, 20), number=1)
    _delivered(partnership, "donor", dt.date(2026, 5, 2), number=2)
    _delivered(partnership, "public", dt.date(2026, 5, 10))
    finding = check(partnership, "ME-3")
    assert finding.result == Result.PASS
    assert finding.evidence == (
        "Donor report version 2 was released on 2 May 2026 and public report version 1 was published on "
        "10 May 2026, within the last 6 months."
    )


def test_me3_warns_when_one_audience_is_missing_or_the_report_is_old(partnership):
    _delivered(partnership, "donor", dt.date(2026, 4, 20))
    _delivered(partnership, "public", dt.date(2025, 11, 30))  # seven months before TODAY
    finding = check(partnership, "ME-3")
    assert finding.result == Result.WARN
    assert finding.evidence == (
        "Donor report version 1 was released on 20 Apr 2026, but no public report was published in the last 6 months."
    )
    assert check(partnership, "ME-3", months=9).result == Result.PASS  # the partnership's own period


def test_me3_warns_with_a_public_report_only(partnership):
    _delivered(partnership, "public", dt.date(2026, 6, 1))
    finding = check(partnership, "ME-3")
    assert finding.result == Result.WARN
    assert finding.evidence.startswith("Public report version 1 was published on 1 Jun 2026, but no donor report")


# ME-6 ------------------------------------------------------------------------------------------------------------


def _roadmap_dated(partnership, day):
    RoadmapVersion.objects.filter(partnership=partnership).update(created_at=moment(day))


def test_me6_passes_without_a_signal(partnership):
    _complete(partnership, "Farmers trained", actual=Decimal(95))
    finding = check(partnership, "ME-6")
    assert finding.result == Result.PASS
    assert finding.evidence == "No indicator is below 70 % of its target and no risk has materialised."


def test_me6_warns_on_an_indicator_behind_until_the_roadmap_is_revised(partnership):
    behind = _complete(partnership, "Farmers trained", actual=Decimal(40))
    _roadmap_dated(partnership, dt.date(2025, 1, 1))
    finding = check(partnership, "ME-6")
    assert finding.result == Result.WARN
    assert finding.evidence == (
        "1 signal to adapt has no roadmap review or return to an earlier phase after it: Farmers trained at 40 % of "
        "its target on 31 Mar 2026."
    )
    assert ("Farmers trained", reverse("monitoring:indicator", args=[partnership.pk, behind.pk])) in finding.links
    assert ("Roadmap", reverse("governance:roadmap", args=[partnership.pk])) in finding.links

    # A lower threshold (the partnership's own) sees no signal.
    assert check(partnership, "ME-6", below_percent=30).result == Result.PASS

    RoadmapVersion.objects.filter(partnership=partnership).update(status="approved")
    RoadmapVersion.objects.create(partnership=partnership, number=2, created_at=moment(dt.date(2026, 4, 15)))
    finding = check(partnership, "ME-6")
    assert finding.result == Result.PASS
    assert "was followed by a roadmap review or a return to an earlier phase on 15 Apr 2026" in finding.evidence


def test_me6_warns_on_a_materialised_risk_until_the_partnership_goes_back_a_phase(partnership):
    partnership.phase = 3
    partnership.save()
    f.RiskFactory(partnership=partnership, title="Drought", status="materialised", materialised_on=dt.date(2026, 5, 2))
    f.RiskFactory(partnership=partnership, title="Staff turnover")
    TransitionFactory(partnership=partnership, from_phase=3, to_phase=2, created_at=moment(dt.date(2026, 4, 1)))
    finding = check(partnership, "ME-6")
    assert finding.result == Result.WARN
    assert "risk Drought materialised on 2 May 2026" in finding.evidence
    assert "Staff turnover" not in finding.evidence

    TransitionFactory(partnership=partnership, from_phase=3, to_phase=2, created_at=moment(dt.date(2026, 5, 2)))
    assert check(partnership, "ME-6").result == Result.PASS
