"""The learning and context rules on factory data: ME-4 (lessons), ME-5 (capacity gaps), CX-1 (context analysed),
CX-2 (aligned) and CX-4 (meta-platforms)."""

import datetime as dt

import pytest
from django.utils import translation

from phases.catalogue import Result
from tests.factories import OrganisationFactory, PartnershipFactory
from tests.monitoring import factories as f
from tests.monitoring.checking import check

pytestmark = pytest.mark.django_db


@pytest.fixture
def partnership(db):
    return PartnershipFactory(name="Water Partnership")


@pytest.fixture
def acme(db):
    return OrganisationFactory(name="Acme Ltd")


# ME-4 ------------------------------------------------------------------------------------------------------------


def test_me4_fails_without_recent_lessons(partnership, acme):
    f.LessonFactory(partnership=partnership, title="Old news", owner=acme, learned_on=dt.date(2025, 5, 1))
    finding = check(partnership, "ME-4")
    assert finding.result == Result.FAIL
    assert finding.evidence == "No lesson was recorded in the last 12 months."


def test_me4_asks_for_a_success_and_a_failure_each_with_an_action_and_an_owner(partnership, acme):
    f.LessonFactory(partnership=partnership, title="Rainy season", source="failure", owner=acme)
    f.LessonFactory(partnership=partnership, title="Farmer field days", source="success", owner=None)
    finding = check(partnership, "ME-4", today=dt.date(2026, 3, 1))
    assert finding.result == Result.FAIL
    assert finding.evidence == (
        "No lesson from a success with an action and an owner in the last 12 months. "
        "Farmer field days lacks an action or an owner."
    )

    f.LessonFactory(partnership=partnership, title="Radio spots", source="success", owner=acme)
    finding = check(partnership, "ME-4", today=dt.date(2026, 3, 1))
    assert finding.result == Result.PASS
    assert finding.evidence == (
        "In the last 12 months, lessons with an action and an owner were learned from a success (Radio spots) and "
        "from a failure (Rainy season)."
    )
    # A year and more later, they no longer count.
    assert check(partnership, "ME-4", today=dt.date(2026, 7, 1)).result == Result.FAIL


# ME-5 ------------------------------------------------------------------------------------------------------------


def test_me5_passes_without_open_gaps(partnership, acme):
    f.CapacityGapFactory(partnership=partnership, organisation=acme, status="closed")
    finding = check(partnership, "ME-5")
    assert finding.result == Result.PASS
    assert finding.evidence == "No capacity gap is open."


def test_me5_fails_on_a_gap_with_neither_measure_nor_decision(partnership, acme):
    f.CapacityGapFactory(
        partnership=partnership, organisation=acme, description="No M&E officer", last_reviewed_on=dt.date(2026, 6, 1)
    )
    finding = check(partnership, "ME-5")
    assert finding.result == Result.FAIL
    assert finding.evidence == (
        "1 of 1 open capacity gaps has neither a measure nor a decision: Acme Ltd: No M&E officer."
    )


def test_me5_warns_on_a_gap_not_reviewed_and_the_review_months_are_configurable(partnership, acme):
    gap = f.CapacityGapFactory(
        partnership=partnership,
        organisation=acme,
        description="No M&E officer",
        measure="Training by the secretariat",
        status="addressing",
        last_reviewed_on=dt.date(2025, 10, 1),
    )
    finding = check(partnership, "ME-5")
    assert finding.result == Result.WARN
    assert finding.evidence == (
        "1 of 1 open capacity gaps was not reviewed in the last 6 months: Acme Ltd: No M&E officer."
    )
    assert check(partnership, "ME-5", review_months=12).result == Result.PASS

    gap.last_reviewed_on = dt.date(2026, 5, 1)
    gap.save()
    finding = check(partnership, "ME-5")
    assert finding.result == Result.PASS
    assert finding.evidence == (
        "The open capacity gap has a measure or a decision and was reviewed in the last 6 months."
    )


# CX-1 ------------------------------------------------------------------------------------------------------------


def test_cx1_fails_without_a_context_analysis(partnership):
    finding = check(partnership, "CX-1")
    assert finding.result == Result.FAIL
    assert finding.evidence == "No context analysis is recorded."
    with translation.override("fr"):
        assert check(partnership, "CX-1").evidence == "Aucune analyse de contexte n’est enregistrée."


def test_cx1_needs_related_initiatives_or_an_explicit_none_found(partnership):
    analysis = f.ContextAnalysisFactory(partnership=partnership, analysed_on=dt.date(2026, 2, 1))
    finding = check(partnership, "CX-1")
    assert finding.result == Result.FAIL
    assert finding.evidence == (
        "The context analysis of 1 Feb 2026 names no related initiative and does not say that none was found."
    )

    analysis.no_related_initiatives = True
    analysis.save()
    finding = check(partnership, "CX-1")
    assert finding.result == Result.PASS
    assert finding.evidence == "Context analysed on 1 Feb 2026; the analysis found no related initiative."


def test_cx1_passes_with_related_initiatives_and_names_them(partnership):
    f.ContextAnalysisFactory(partnership=partnership, analysed_on=dt.date(2026, 2, 1))
    f.RelatedInitiativeFactory(partnership=partnership, name="Blue Basin Alliance")
    f.RelatedInitiativeFactory(partnership=partnership, name="National Water Programme")
    finding = check(partnership, "CX-1")
    assert finding.result == Result.PASS
    assert finding.evidence == (
        "Context analysed on 1 Feb 2026; 2 related initiatives are known: Blue Basin Alliance and National Water "
        "Programme."
    )


# CX-2 ------------------------------------------------------------------------------------------------------------


def test_cx2_warns_on_overlapping_initiatives_without_an_alignment_action(partnership):
    f.RelatedInitiativeFactory(partnership=partnership, name="Friendly Network", kind="complementary")
    assert check(partnership, "CX-2").result == Result.PASS

    rival = f.RelatedInitiativeFactory(partnership=partnership, name="Rival Fund", kind="competing")
    f.RelatedInitiativeFactory(
        partnership=partnership, name="Twin Project", kind="overlapping", alignment_action="Joint plan"
    )
    finding = check(partnership, "CX-2")
    assert finding.result == Result.WARN
    assert finding.evidence == "1 of 2 overlapping or competing initiatives has no alignment action: Rival Fund."
    with translation.override("de"):
        assert check(partnership, "CX-2").evidence == (
            "1 von 2 überschneidenden oder konkurrierenden Initiativen hat keine Abstimmungsmaßnahme: Rival Fund."
        )

    rival.alignment_action = "Split the districts"
    rival.save()
    finding = check(partnership, "CX-2")
    assert finding.result == Result.PASS
    assert (
        finding.evidence
        == "All 2 overlapping or competing initiatives have an alignment action: Rival Fund and Twin Project."
    )


# CX-4 ------------------------------------------------------------------------------------------------------------


def test_cx4_warns_without_a_meta_platform(partnership):
    f.RelatedInitiativeFactory(partnership=partnership, name="Twin Project", kind="overlapping")
    finding = check(partnership, "CX-4")
    assert finding.result == Result.WARN
    assert finding.evidence == "No meta-platform is recorded among the related initiatives."


def test_cx4_asks_for_a_recent_exchange_and_the_months_are_configurable(partnership):
    platform = f.RelatedInitiativeFactory(
        partnership=partnership, name="SDG Hub", kind="meta_platform", last_exchange_on=dt.date(2025, 3, 1)
    )
    f.RelatedInitiativeFactory(partnership=partnership, name="Water Forum", kind="meta_platform")
    finding = check(partnership, "CX-4")
    assert finding.result == Result.WARN
    assert finding.evidence == (
        "No exchange with a meta-platform in the last 12 months: SDG Hub (last exchange 1 Mar 2025) and Water Forum "
        "(no exchange recorded)."
    )
    assert check(partnership, "CX-4", months=24).result == Result.PASS

    platform.last_exchange_on = dt.date(2026, 5, 20)
    platform.save()
    finding = check(partnership, "CX-4")
    assert finding.result == Result.PASS
    assert (
        finding.evidence == "Exchange with a meta-platform in the last 12 months: SDG Hub (last exchange 20 May 2026)."
    )
