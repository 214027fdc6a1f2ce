"""The learning services: what they record, what they refuse (with the message on the field), who may call them,
and the flags the selectors give the pages (ME-5, CX-2, CX-4)."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from governance import services as governance_services
from monitoring.models import ContextAnalysis, Lesson, Risk
from monitoring.selectors import learning as selectors
from monitoring.services import context as context_services
from monitoring.services import learning as services
from tests.factories import MembershipFactory, OrganisationFactory, PartnershipFactory
from tests.monitoring import factories as f

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def member(partnership):
    organisation = OrganisationFactory(name="Farmers Union")
    MembershipFactory(partnership=partnership, organisation=organisation)
    return organisation


def lesson(partnership, by, **extra):
    fields = dict(title="Plan for the rains", what_happened="Visits cancelled.", source="failure", learned_on=TODAY)
    return services.lesson_save(partnership=partnership, by=by, **{**fields, **extra})


def refusal(exc_info, field):
    return " ".join(exc_info.value.message_dict[field])


def test_a_lesson_is_recorded_with_its_links(partnership, secretariat, member):
    indicator = f.IndicatorFactory(partnership=partnership, responsible=member)
    decision = governance_services.decision_save(
        partnership=partnership, by=secretariat, title="Adopt", method="consent"
    )
    saved = lesson(partnership, secretariat, owner=member, indicator=indicator, decision=decision, action=" Plan ")
    assert (saved.owner, saved.indicator, saved.decision, saved.action) == (member, indicator, decision, "Plan")
    assert saved.created_by == secretariat


def test_a_lesson_cannot_point_to_another_partnerships_records(partnership, secretariat):
    other = PartnershipFactory()
    stranger = OrganisationFactory(name="Stranger Ltd")
    indicator = f.IndicatorFactory(partnership=other)
    with pytest.raises(ValidationError) as exc_info:
        lesson(partnership, secretariat, owner=stranger, indicator=indicator)
    assert "Stranger Ltd is not a member" in refusal(exc_info, "owner")
    assert "another partnership" in refusal(exc_info, "indicator")
    assert not Lesson.objects.exists()


def test_a_lesson_is_not_learned_in_the_future(partnership, secretariat):
    with pytest.raises(ValidationError) as exc_info:
        lesson(partnership, secretariat, learned_on=TODAY + dt.timedelta(days=3))
    assert "already happened" in refusal(exc_info, "learned_on")


def test_partners_read_but_do_not_record(partnership, partner):
    with pytest.raises(PermissionDenied):
        lesson(partnership, partner)


def test_editing_a_lesson_changes_it(partnership, secretariat):
    saved = lesson(partnership, secretariat)
    lesson(partnership, secretariat, lesson=saved, title="Plan for the dry season", source="success")
    saved.refresh_from_db()
    assert (saved.title, saved.source) == ("Plan for the dry season", "success")


def test_marking_a_gap_reviewed_records_today(partnership, secretariat, member):
    gap = services.capacity_gap_save(
        partnership=partnership, by=secretariat, level="organisational", organisation=member, description="No M&E."
    )
    assert gap.status == "open" and gap.last_reviewed_on is None
    services.capacity_gap_mark_reviewed(gap=gap, by=secretariat)
    gap.refresh_from_db()
    assert gap.last_reviewed_on == TODAY


def test_gaps_are_flagged_when_unaddressed_or_not_reviewed(partnership, member, settings):
    settings.MONITORING_GAP_REVIEW_MONTHS = 6
    on = dt.date(2026, 8, 31)
    make = lambda **kw: f.CapacityGapFactory(partnership=partnership, organisation=member, **kw)  # noqa: E731
    bare = make(last_reviewed_on=dt.date(2026, 8, 1))
    measured = make(measure="Training", last_reviewed_on=dt.date(2026, 2, 28))  # 6 months before 31 August
    stale = make(measure="Training", last_reviewed_on=dt.date(2026, 2, 27))
    closed = make(status="closed")
    flags = {g.pk: (g.unaddressed, g.review_due) for g in selectors.capacity_gaps(partnership, today=on)}
    assert flags == {
        bare.pk: (True, False),
        measured.pk: (False, False),
        stale.pk: (False, True),
        closed.pk: (False, False),
    }


def test_the_review_period_is_a_setting(partnership, member, settings):
    settings.MONITORING_GAP_REVIEW_MONTHS = 1
    gap = f.CapacityGapFactory(partnership=partnership, organisation=member, last_reviewed_on=dt.date(2026, 1, 15))
    [row] = selectors.capacity_gaps(partnership, today=dt.date(2026, 3, 1))
    assert row.pk == gap.pk and row.review_due


def test_no_related_initiatives_is_refused_while_some_are_recorded(partnership, secretariat):
    analysis = dict(summary="Quiet field.", analysed_on=TODAY, no_related_initiatives=True)
    first = context_services.context_analysis_record(partnership=partnership, by=secretariat, **analysis)
    assert first.no_related_initiatives
    context_services.initiative_save(partnership=partnership, by=secretariat, name="Cocoa Forum", kind="meta_platform")
    with pytest.raises(ValidationError) as exc_info:
        context_services.context_analysis_record(partnership=partnership, by=secretariat, **analysis)
    assert "1 related initiatives are recorded" in refusal(exc_info, "no_related_initiatives")
    assert ContextAnalysis.objects.count() == 1


def test_the_newest_analysis_is_the_current_one(partnership, secretariat):
    for day, text in ((dt.date(2025, 1, 1), "Old."), (dt.date(2026, 1, 1), "New."), (dt.date(2025, 6, 1), "Mid.")):
        context_services.context_analysis_record(partnership=partnership, by=secretariat, summary=text, analysed_on=day)
    context = selectors.context_for(partnership)
    assert context.current.summary == "New."
    assert [a.summary for a in context.history] == ["Mid.", "Old."]


def test_initiatives_are_flagged_for_alignment_and_exchange(partnership):
    on = dt.date(2026, 6, 30)
    make = lambda kind, **kw: f.RelatedInitiativeFactory(partnership=partnership, kind=kind, **kw)  # noqa: E731
    competing = make("competing")
    aligned = make("overlapping", alignment_action="Shared districts plan.")
    quiet = make("meta_platform", last_exchange_on=dt.date(2025, 6, 29))
    talking = make("meta_platform", last_exchange_on=dt.date(2025, 6, 30))
    never = make("meta_platform")
    complementary = make("complementary")
    flags = {
        i.pk: (i.needs_alignment, i.exchange_due) for i in selectors.context_for(partnership, today=on).initiatives
    }
    assert flags == {
        competing.pk: (True, False),
        aligned.pk: (False, False),
        quiet.pk: (False, True),
        talking.pk: (False, False),
        never.pk: (False, True),
        complementary.pk: (False, False),
    }


def test_initiative_names_are_unique_in_a_partnership(partnership, secretariat):
    context_services.initiative_save(partnership=partnership, by=secretariat, name="Cocoa Forum", kind="meta_platform")
    with pytest.raises(ValidationError) as exc_info:
        context_services.initiative_save(partnership=partnership, by=secretariat, name="cocoa forum", kind="competing")
    assert "already recorded" in refusal(exc_info, "name")


def risk(partnership, by, **extra):
    fields = dict(title="Drought", likelihood=3, impact=4, status="open")
    return context_services.risk_save(partnership=partnership, by=by, **{**fields, **extra})


def test_a_materialised_risk_needs_its_date(partnership, secretariat):
    with pytest.raises(ValidationError) as exc_info:
        risk(partnership, secretariat, status="materialised")
    assert refusal(exc_info, "materialised_on") == "Give the date the risk materialised."
    saved = risk(partnership, secretariat, status="materialised", materialised_on=TODAY)
    assert saved.materialised_on == TODAY


def test_an_open_risk_has_no_date_materialised(partnership, secretariat):
    with pytest.raises(ValidationError) as exc_info:
        risk(partnership, secretariat, materialised_on=TODAY)
    assert "clear the date" in refusal(exc_info, "materialised_on")


@pytest.mark.parametrize("value", [0, 6, 9])
def test_likelihood_and_impact_run_from_1_to_5(partnership, secretariat, value):
    with pytest.raises(ValidationError) as exc_info:
        risk(partnership, secretariat, likelihood=value, impact=value)
    assert "from 1 (lowest) to 5" in refusal(exc_info, "likelihood")
    assert "from 1 (lowest) to 5" in refusal(exc_info, "impact")
    assert not Risk.objects.exists()


def test_risks_are_sorted_by_score_and_counted_in_the_matrix(partnership):
    low = f.RiskFactory(partnership=partnership, title="Low", likelihood=1, impact=2)
    high = f.RiskFactory(partnership=partnership, title="High", likelihood=5, impact=4)
    mid = f.RiskFactory(partnership=partnership, title="Mid", likelihood=3, impact=3)
    f.RiskFactory(partnership=partnership, title="Twin", likelihood=3, impact=3)
    f.RiskFactory(partnership=partnership, title="Gone", likelihood=5, impact=5, status="closed")
    assert [r.title for r in selectors.risks_for(partnership)][:3] == ["Gone", "High", "Mid"]
    assert list(selectors.risks_for(partnership))[-1] == low
    matrix = dict(selectors.risk_matrix(partnership))
    assert [impact for impact, _cells in selectors.risk_matrix(partnership)] == [5, 4, 3, 2, 1]
    assert matrix[4][4] == (5, 1, "high")  # impact 4, likelihood 5: the open "High"
    assert matrix[3][2] == (3, 2, "medium")
    assert matrix[2][0] == (1, 1, "low")
    assert matrix[5][4] == (5, 0, "high")  # the closed risk is not counted
    assert high.score == 20 and mid.score == 9


def test_months_before_keeps_the_day_or_takes_the_months_last():
    assert selectors.months_before(dt.date(2026, 8, 31), 6) == dt.date(2026, 2, 28)
    assert selectors.months_before(dt.date(2024, 8, 31), 6) == dt.date(2024, 2, 29)
    assert selectors.months_before(dt.date(2026, 3, 15), 12) == dt.date(2025, 3, 15)
    assert selectors.months_before(dt.date(2026, 1, 31), 2) == dt.date(2025, 11, 30)
