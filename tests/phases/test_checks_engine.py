"""The checklist engine (phases.checks) on hand-made findings: health, stale judgements, assisted hints that need a
person, items outside their phases. No database: rules are plain functions of loaded data."""

import datetime as dt
from types import SimpleNamespace

import pytest

from phases.catalogue import CATALOGUE, Result
from phases.checks import RULES, Facts, Finding, Judgement, Outcome, health, outcome

TODAY = dt.date(2026, 6, 15)


def facts(phase):
    return Facts(SimpleNamespace(phase=phase, pk=1), TODAY)


def rule_says(monkeypatch, item_id, result, evidence="what the data shows"):
    """Replace `item_id`'s rule with one that finds `result`, and keep the parameters it was given."""
    seen = []

    def check(facts, params):
        seen.append(params)
        return Finding(result, evidence)

    monkeypatch.setitem(RULES, item_id, (check, ()))
    return seen


def judged(result, days_ago):
    at = dt.datetime.combine(TODAY - dt.timedelta(days=days_ago), dt.time(12), tzinfo=dt.UTC)
    return Judgement(result, "Discussed at the retreat.", at)


def made(item_id, result):
    return Outcome(CATALOGUE[item_id], result, "", [], Finding(result))


# --- health -------------------------------------------------------------------------------------------------------


def test_health_is_pass_plus_half_warn_over_pass_warn_and_fail_per_area_and_overall():
    outcomes = [
        made("CS-1", Result.PASS),
        made("CS-2", Result.WARN),
        made("CS-3", Result.FAIL),
        made("CS-4", Result.CONFIRM),  # left out of both sides
        made("CM-1", Result.PASS),
        made("CM-2", Result.PASS),
        made("CM-3", Result.NOT_APPLICABLE),  # left out of both sides
        made("SR-1", Result.CONFIRM),
        made("ME-1", Result.WARN),
    ]
    shares = health(outcomes)
    assert shares["CS"] == pytest.approx((1 + 0.5) / 3)
    assert shares["CM"] == 1.0
    assert shares["ME"] == 0.5
    assert shares["SR"] is None  # only "needs confirmation": nothing to score
    assert shares["CX"] is None
    assert shares["overall"] == pytest.approx((1 + 0.5 + 0 + 1 + 1 + 0.5) / 6)


def test_health_of_nothing_scored_is_unknown_not_zero():
    assert health([made("CS-1", Result.NOT_APPLICABLE)])["overall"] is None


# --- applicability ------------------------------------------------------------------------------------------------


def test_outside_its_phases_an_item_is_not_applicable_whatever_the_data(monkeypatch):
    rule_says(monkeypatch, "CS-1", Result.FAIL, "Not written yet: the problem statement.")
    o = outcome(CATALOGUE["CS-1"], facts(phase=2), {})
    assert o.result == Result.NOT_APPLICABLE
    assert o.evidence == "Not written yet: the problem statement."  # still shown: what the data says
    assert outcome(CATALOGUE["CS-1"], facts(phase=1), {}).result == Result.FAIL


def test_an_automatic_item_shows_its_finding(monkeypatch):
    rule_says(monkeypatch, "PM-6", Result.WARN)
    assert outcome(CATALOGUE["PM-6"], facts(phase=3), {}).result == Result.WARN


def test_an_item_without_a_rule_needs_confirmation(monkeypatch):
    monkeypatch.delitem(RULES, "PM-6", raising=False)
    assert outcome(CATALOGUE["PM-6"], facts(phase=3), {}).result == Result.CONFIRM


def test_the_rule_gets_the_defaults_with_the_partnerships_overrides(monkeypatch):
    seen = rule_says(monkeypatch, "CS-6", Result.PASS)
    outcome(CATALOGUE["CS-6"], facts(phase=1), {"CS-6": {"months": 12}, "CS-2": {"min_core": 9}})
    assert seen == [{"min_influence": 4, "months": 12}]


# --- assisted items -----------------------------------------------------------------------------------------------


def test_an_assisted_hint_that_passes_needs_a_persons_confirmation(monkeypatch):
    rule_says(monkeypatch, "CS-7", Result.PASS, "All 3 members have an active senior contact.")
    o = outcome(CATALOGUE["CS-7"], facts(phase=2), {})
    assert (o.result, o.finding.result, o.evidence) == (
        Result.CONFIRM,
        Result.PASS,
        "All 3 members have an active senior contact.",
    )


def test_an_assisted_hint_that_warns_shows_the_warning(monkeypatch):
    rule_says(monkeypatch, "CS-7", Result.WARN)
    assert outcome(CATALOGUE["CS-7"], facts(phase=2), {}).result == Result.WARN


def test_a_person_confirms_or_rejects_an_assisted_hint(monkeypatch):
    rule_says(monkeypatch, "CS-7", Result.PASS)
    assert outcome(CATALOGUE["CS-7"], facts(phase=2), {}, judged(Result.PASS, 10)).result == Result.PASS
    assert outcome(CATALOGUE["CS-7"], facts(phase=2), {}, judged(Result.FAIL, 10)).result == Result.FAIL


# --- manual items -------------------------------------------------------------------------------------------------


def test_a_manual_item_is_what_a_person_judged():
    cm6 = CATALOGUE["CM-6"]
    assert outcome(cm6, facts(phase=2), {}).result == Result.CONFIRM  # nobody judged yet
    o = outcome(cm6, facts(phase=2), {}, judged(Result.WARN, 30))
    assert (o.result, o.stale) == (Result.WARN, False)


def test_a_manual_judgement_goes_stale_after_its_months():
    cm6 = CATALOGUE["CM-6"]  # stale after 6 months
    fresh = outcome(cm6, facts(phase=2), {}, judged(Result.PASS, 5 * 30))
    old = outcome(cm6, facts(phase=2), {}, judged(Result.PASS, 7 * 30))
    assert (fresh.result, fresh.stale) == (Result.PASS, False)
    assert (old.result, old.stale) == (Result.CONFIRM, True)
    assert old.judgement.note == "Discussed at the retreat."  # still shown, as the last judgement


def test_a_partnership_may_keep_judgements_longer():
    o = outcome(CATALOGUE["CM-6"], facts(phase=2), {"CM-6": {"stale_months": 12}}, judged(Result.PASS, 7 * 30))
    assert (o.result, o.stale) == (Result.PASS, False)
