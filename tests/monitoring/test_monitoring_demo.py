"""The demo shows monitoring at work: in every partnership 6-15 indicators across results levels, on its roadmap's
nodes, with SDG targets and a responsible member; two to three years of quarters with targets and actuals, most on
track, some at risk, at least one off track, a lower-is-better indicator improving, one indicator's latest data
overdue, words with a light a person set; breakdowns that add up; the checked quarters locked, the latest open.
Lessons from successes and failures, capacity gaps, a context analysis and risks in every partnership; cocoa's
related initiatives of every kind, water's "none found". Loading the demo twice changes nothing."""

import datetime as dt
from collections import Counter, defaultdict

from django.core.management import call_command
from django.utils import timezone

from governance.selectors.budget import nodes_by_key
from monitoring import progress
from monitoring.demo.common import latest_due, quarters
from monitoring.models import (
    Actual,
    Breakdown,
    CapacityGap,
    ContextAnalysis,
    Indicator,
    Lesson,
    Period,
    RelatedInitiative,
    Risk,
)
from msp.demo import PARTNERSHIPS
from msp.models import Partnership
from stakeholders.models import Membership


def test_the_demo_shows_monitoring_at_work_and_loads_once(db, shared_demo):
    partnerships = {key: Partnership.objects.get(name=spec["name"]) for key, spec in PARTNERSHIPS.items()}
    _indicators_on_the_results_chain_across_levels(partnerships)
    _partners_report_their_organisations_indicators()
    _two_to_three_years_of_quarters_the_checked_ones_locked(partnerships)
    _progress_is_realistic(partnerships)
    _narratives_and_breakdowns_that_add_up(partnerships)
    _lessons_gaps_context_and_risks(partnerships)
    models = (Indicator, Period, Actual, Breakdown, Lesson, CapacityGap, ContextAnalysis, RelatedInitiative, Risk)
    counts = [m.objects.count() for m in models]
    call_command("demo", quiet_logins=True)
    assert [m.objects.count() for m in models] == counts


def _series(indicator):
    return progress.series(indicator, list(indicator.periods.select_related("actual").order_by("start")))


def _indicators_on_the_results_chain_across_levels(partnerships):
    for key, partnership in partnerships.items():
        indicators = list(Indicator.objects.filter(partnership=partnership).prefetch_related("sdg_targets"))
        assert 6 <= len(indicators) <= 15, key
        nodes = nodes_by_key(partnership)
        assert {nodes[i.result_node_key].level for i in indicators} >= {"impact", "outcome", "output"}, key
        members = set(Membership.objects.filter(partnership=partnership).values_list("organisation", flat=True))
        for indicator in indicators:
            assert indicator.responsible_id in members, indicator
            assert indicator.sdg_targets.all(), indicator
            assert indicator.means_of_verification and indicator.baseline_date, indicator
            assert indicator.unit_label or not indicator.is_numeric, indicator
        assert {i.measure for i in indicators} - {"1", "2"}, f"{key}: no indicator in words"


def _partners_report_their_organisations_indicators():
    reported = set(
        Indicator.objects.filter(responsible__contacts__user__username__in=["kofi", "awa", "wanjiru"]).values_list(
            "responsible__contacts__user__username", flat=True
        )
    )
    assert reported == {"kofi", "awa", "wanjiru"}
    by_kofi = Actual.objects.filter(entered_by__username="kofi")
    assert by_kofi.exists() and not by_kofi.exclude(period__indicator__responsible__contacts__user__username="kofi")


def _two_to_three_years_of_quarters_the_checked_ones_locked(partnerships):
    today = timezone.localdate()
    for partnership in partnerships.values():
        for indicator in Indicator.objects.filter(partnership=partnership):
            periods = list(indicator.periods.order_by("start"))
            assert 8 <= len(periods) <= 12, indicator
            assert all(
                dt.timedelta(days=89) <= p.end - p.start + dt.timedelta(days=1) <= dt.timedelta(days=92)
                for p in periods
            )
            assert all(b.start == a.end + dt.timedelta(days=1) for a, b in zip(periods, periods[1:], strict=False))
            locked = [p for p in periods if p.is_locked]
            assert locked and locked == periods[: len(locked)], indicator  # the oldest ones
            assert all(p.end < today - dt.timedelta(days=150) for p in locked), indicator
            assert sum(1 for p in periods if not p.is_locked and p.end < today) >= 2, indicator
    cocoa = Period.objects.filter(indicator__partnership=partnerships["cocoa"], actual__isnull=False)
    first, last = min(p.start for p in cocoa), max(p.end for p in cocoa)
    assert (last - first).days > 2 * 365


def _progress_is_realistic(partnerships):
    today = timezone.localdate()
    for key, partnership in partnerships.items():
        lights, overdue = Counter(), []
        for indicator in Indicator.objects.filter(partnership=partnership):
            rows = _series(indicator)
            latest = progress.latest(rows)
            lights[latest.light] += 1
            if any(progress.is_overdue(r.period, r.actual, today) for r in rows):
                overdue.append(indicator)
            if not indicator.is_numeric:
                assert all(r.manual and r.actual.light_note for r in rows if r.actual), indicator
        assert lights["green"] > lights["amber"] + lights["red"], (key, lights)
        assert lights["amber"] and lights["red"], (key, lights)
        assert len(overdue) == (0 if key == "textile" else 1), key
    descending = Indicator.objects.filter(direction="descending", partnership=partnerships["cocoa"]).first()
    values = [r.value for r in _series(descending) if r.value is not None]
    assert values[-1] < values[0] < descending.baseline_value


def _narratives_and_breakdowns_that_add_up(partnerships):
    for partnership in partnerships.values():
        actuals = Actual.objects.filter(period__indicator__partnership=partnership)
        assert actuals.exclude(narrative="").exists()
        broken_down = Breakdown.objects.filter(actual__in=actuals).select_related("actual", "category__dimension")
        sums = defaultdict(int)
        for row in broken_down:
            sums[row.actual, row.category.dimension.name] += row.value
        assert sums
        assert all(actual.value == total for (actual, _name), total in sums.items())
        assert {name for _actual, name in sums} == set(partnership.dimensions.values_list("name", flat=True))


def _lessons_gaps_context_and_risks(partnerships):
    today = timezone.localdate()
    for key, partnership in partnerships.items():
        lessons = Lesson.objects.filter(partnership=partnership)
        assert {lesson.source for lesson in lessons} == {"success", "failure"}, key
        assert all(lesson.action and lesson.owner_id and lesson.learned_on <= today for lesson in lessons), key
        assert lessons.filter(indicator__partnership=partnership).exists(), key
        assert lessons.filter(decision__partnership=partnership).exists(), key
        gaps = CapacityGap.objects.filter(partnership=partnership)
        assert {gap.level for gap in gaps} == {"individual", "organisational"}, key
        assert gaps.filter(status="open", measure="").exists(), key
        assert gaps.exclude(status="open").exclude(measure="").exists(), key
        assert ContextAnalysis.objects.filter(partnership=partnership).exists(), key
        risks = Risk.objects.filter(partnership=partnership)
        assert 3 <= risks.count() <= 6, key
        materialised = risks.get(status="materialised")
        assert materialised.materialised_on <= today, key
        assert risks.filter(status="closed").exists() and risks.filter(status="open").exists(), key
    cocoa = RelatedInitiative.objects.filter(partnership=partnerships["cocoa"])
    assert {i.kind for i in cocoa} == {"complementary", "overlapping", "competing", "meta_platform"}
    assert cocoa.get(kind="meta_platform").last_exchange_on >= today - dt.timedelta(days=31)
    assert cocoa.get(kind="overlapping").alignment_action
    water = ContextAnalysis.objects.filter(partnership=partnerships["water"]).first()
    assert water.no_related_initiatives and not RelatedInitiative.objects.filter(partnership=partnerships["water"])


def test_the_demo_counts_quarters_from_the_latest_one_whose_data_is_due(settings):
    settings.MONITORING_DATA_DUE_DAYS = 30
    # The third quarter's data falls due 30 days after 30 September: overdue from 31 October.
    assert latest_due(dt.date(2026, 10, 30)) == dt.date(2026, 4, 1)
    assert latest_due(dt.date(2026, 10, 31)) == dt.date(2026, 7, 1)
    assert latest_due(dt.date(2027, 1, 2)) == dt.date(2026, 7, 1)
    offsets = quarters(-1, 1, dt.date(2026, 11, 30))
    assert offsets == [
        (-1, dt.date(2026, 4, 1), dt.date(2026, 6, 30)),
        (0, dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
        (1, dt.date(2026, 10, 1), dt.date(2026, 12, 31)),
    ]
