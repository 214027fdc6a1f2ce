"""The Learning tab's pages as each role sees them: lessons, capacity gaps, the context with related initiatives,
risks; the secretariat's forms, deletes and the "Mark reviewed today" action."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from governance import services as governance_services
from monitoring.models import CapacityGap, ContextAnalysis, Lesson, RelatedInitiative, Risk
from tests.factories import MembershipFactory, OrganisationFactory, PartnershipFactory
from tests.monitoring import factories as f

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
LISTS = ["lessons", "capacity_gaps", "context", "risks"]


def url(name, partnership, *args):
    return reverse(f"monitoring:{name}", args=[partnership.pk, *args])


@pytest.fixture
def member(partnership):
    organisation = OrganisationFactory(name="Farmers Union")
    MembershipFactory(partnership=partnership, organisation=organisation)
    return organisation


def page(client, user, address):
    client.force_login(user)
    response = client.get(address)
    assert response.status_code == 200
    return response.content.decode()


def test_the_learning_tab_is_in_the_members_navigation_only(client, partnership, partner, donor):
    assert url("lessons", partnership) in page(client, partner, reverse("msp:dashboard", args=[partnership.pk]))
    assert url("lessons", partnership) not in page(client, donor, reverse("msp:dashboard", args=[partnership.pk]))


@pytest.mark.parametrize("name", LISTS)
def test_partners_read_donors_are_refused_outsiders_do_not_know(client, partnership, partner, donor, outsider, name):
    page(client, partner, url(name, partnership))
    client.force_login(donor)
    assert client.get(url(name, partnership)).status_code == 403
    client.force_login(outsider)
    assert client.get(url(name, partnership)).status_code == 404


@pytest.mark.parametrize("name", ["lesson_add", "capacity_gap_add", "context_add", "initiative_add", "risk_add"])
def test_partners_do_not_record(client, partnership, partner, name):
    client.force_login(partner)
    assert client.get(url(name, partnership)).status_code == 403
    assert client.post(url(name, partnership), {"title": "x"}).status_code == 403


@pytest.mark.parametrize("name", LISTS)
def test_empty_pages_say_what_to_do_next(client, partnership, secretariat, partner, name):
    add = {"lessons": "lesson_add", "capacity_gaps": "capacity_gap_add", "context": "context_add", "risks": "risk_add"}
    html = page(client, secretariat, url(name, partnership))
    assert url(add[name], partnership) in html and "msp-empty" in html
    html = page(client, partner, url(name, partnership))
    assert "The secretariat records" in html and url(add[name], partnership) not in html


def test_the_secretariat_records_a_lesson_linked_to_an_indicator_and_a_decision(
    client, partnership, secretariat, partner, member
):
    indicator = f.IndicatorFactory(partnership=partnership, responsible=member, name="Farmers trained")
    decision = governance_services.decision_save(
        partnership=partnership, by=secretariat, title="Adopt", method="consent"
    )
    client.force_login(secretariat)
    data = dict(
        title="Train before the harvest",
        what_happened="Few came during the harvest.",
        source="failure",
        action="Train in the dry months.",
        owner=member.pk,
        learned_on=TODAY.isoformat(),
        indicator=indicator.pk,
        decision=decision.pk,
    )
    response = client.post(url("lesson_add", partnership), data, follow=True)
    assert "The lesson “Train before the harvest” is recorded." in response.content.decode()
    html = page(client, partner, url("lessons", partnership))
    assert reverse("monitoring:indicator", args=[partnership.pk, indicator.pk]) in html
    assert reverse("governance:decision", args=[partnership.pk, decision.pk]) in html
    assert "Farmers Union" in html and "Train in the dry months." in html


def test_the_lesson_form_offers_this_partnerships_records_only(client, partnership, secretariat, member):
    f.IndicatorFactory(partnership=partnership, responsible=member, name="Ours")
    f.IndicatorFactory(partnership=PartnershipFactory(), name="Theirs")
    OrganisationFactory(name="Not A Member")
    html = page(client, secretariat, url("lesson_add", partnership))
    assert "Ours" in html and "Farmers Union" in html
    assert "Theirs" not in html and "Not A Member" not in html


def test_lessons_are_newest_first_and_filter_by_kind_and_owner(client, partnership, partner, member):
    other = OrganisationFactory(name="Coop")
    MembershipFactory(partnership=partnership, organisation=other)
    f.LessonFactory(partnership=partnership, title="Old failure", learned_on=dt.date(2024, 1, 1), owner=member)
    f.LessonFactory(
        partnership=partnership, title="New success", source="success", learned_on=dt.date(2025, 1, 1), owner=other
    )
    html = page(client, partner, url("lessons", partnership))
    assert html.index("New success") < html.index("Old failure")
    html = page(client, partner, url("lessons", partnership) + "?source=failure")
    assert "Old failure" in html and "New success" not in html
    html = page(client, partner, url("lessons", partnership) + f"?owner={other.pk}")
    assert "New success" in html and "Old failure" not in html
    html = page(client, partner, url("lessons", partnership) + f"?owner={other.pk}&source=failure")
    assert "No lesson matches these filters." in html


def test_editing_and_deleting_a_lesson(client, partnership, secretariat):
    lesson = f.LessonFactory(partnership=partnership, title="Draft lesson")
    client.force_login(secretariat)
    data = dict(title="Better lesson", what_happened="x", source="success", learned_on="2025-01-01")
    response = client.post(url("lesson_edit", partnership, lesson.pk), data, follow=True)
    assert "The lesson “Better lesson” is saved." in response.content.decode()
    response = client.post(url("lesson_delete", partnership, lesson.pk), follow=True)
    assert "The lesson “Better lesson” is deleted." in response.content.decode()
    assert not Lesson.objects.exists()


def test_another_partnerships_lesson_is_not_found(client, partnership, secretariat):
    elsewhere = f.LessonFactory(partnership=PartnershipFactory())
    client.force_login(secretariat)
    assert client.get(url("lesson_edit", partnership, elsewhere.pk)).status_code == 404
    assert client.post(url("lesson_delete", partnership, elsewhere.pk)).status_code == 404
    assert Lesson.objects.filter(pk=elsewhere.pk).exists()


def test_gaps_show_their_flags_and_can_be_marked_reviewed(client, partnership, secretariat, partner, member):
    gap = f.CapacityGapFactory(partnership=partnership, organisation=member, description="No M&E staff.")
    html = page(client, partner, url("capacity_gaps", partnership))
    assert "No measure or decision" in html and "Review due" in html and "Never" in html
    assert "Mark reviewed today" not in html
    client.force_login(secretariat)
    response = client.post(url("capacity_gap_reviewed", partnership, gap.pk), follow=True)
    html = response.content.decode()
    assert "The capacity gap of Farmers Union is marked reviewed today." in html and "Review due" not in html
    gap.refresh_from_db()
    assert gap.last_reviewed_on == TODAY


def test_the_secretariat_records_a_gap(client, partnership, secretariat, member):
    client.force_login(secretariat)
    data = dict(level="individual", organisation=member.pk, description="No GIS skills.", status="open")
    response = client.post(url("capacity_gap_add", partnership), data, follow=True)
    assert "The capacity gap of Farmers Union is recorded." in response.content.decode()
    assert CapacityGap.objects.get().level == "individual"


def test_the_context_page_shows_the_current_analysis_and_its_history(client, partnership, secretariat, partner):
    f.ContextAnalysisFactory(partnership=partnership, summary="The old view.", analysed_on=dt.date(2024, 1, 1))
    client.force_login(secretariat)
    data = dict(summary="The new view.", analysed_on=TODAY.isoformat())
    response = client.post(url("context_add", partnership), data, follow=True)
    assert "The context analysis is recorded." in response.content.decode()
    html = page(client, partner, url("context", partnership))
    assert html.index("The new view.") < html.index("<details") < html.index("The old view.")
    assert "1 earlier analysis" in html


def test_initiatives_are_kept_on_the_context_page_with_their_flags(client, partnership, secretariat, partner):
    client.force_login(secretariat)
    data = dict(name="Cocoa Forum", kind="competing", description="Same districts.")
    response = client.post(url("initiative_add", partnership), data, follow=True)
    assert "“Cocoa Forum” is added to the related initiatives." in response.content.decode()
    f.RelatedInitiativeFactory(partnership=partnership, name="Global Platform", kind="meta_platform")
    html = page(client, partner, url("context", partnership))
    assert "Needs an alignment action" in html and "No exchange in 12 months" in html
    initiative = RelatedInitiative.objects.get(name="Cocoa Forum")
    client.force_login(secretariat)
    client.post(url("initiative_delete", partnership, initiative.pk))
    assert not RelatedInitiative.objects.filter(pk=initiative.pk).exists()


def test_ticking_none_found_while_initiatives_exist_is_refused_on_the_form(client, partnership, secretariat):
    f.RelatedInitiativeFactory(partnership=partnership)
    client.force_login(secretariat)
    data = dict(summary="Nothing around.", analysed_on=TODAY.isoformat(), no_related_initiatives="on")
    response = client.post(url("context_add", partnership), data)
    assert response.status_code == 400
    assert "you cannot say none was found" in " ".join(response.context["form"].errors["no_related_initiatives"])
    assert "Nothing around." in response.content.decode()
    assert not ContextAnalysis.objects.exists()


def test_risks_are_listed_by_score_with_the_matrix_and_filtered_by_status(client, partnership, secretariat, member):
    f.RiskFactory(partnership=partnership, title="Small", likelihood=1, impact=1)
    f.RiskFactory(partnership=partnership, title="Big", likelihood=5, impact=5, owner=member)
    f.RiskFactory(partnership=partnership, title="Past", likelihood=2, impact=5, status="closed")
    html = page(client, secretariat, url("risks", partnership))
    assert html.index("Big") < html.index("Small")
    assert '<caption class="small">' in html and 'scope="row"' in html and 'data-cell="5-5"' in html
    assert "25 · High" in html
    html = page(client, secretariat, url("risks", partnership) + "?status=closed")
    assert "Past" in html and "Big" not in html


def test_the_secretariat_records_a_materialised_risk(client, partnership, secretariat, member):
    client.force_login(secretariat)
    data = dict(
        title="Drought", likelihood=4, impact=5, owner=member.pk, status="materialised", materialised_on="2025-07-01"
    )
    response = client.post(url("risk_add", partnership), data, follow=True)
    assert "The risk “Drought” is recorded." in response.content.decode()
    assert Risk.objects.get().materialised_on == dt.date(2025, 7, 1)


@pytest.mark.parametrize("name", ["lesson_delete", "capacity_gap_delete", "capacity_gap_reviewed", "risk_delete"])
def test_actions_are_post_only(client, partnership, secretariat, name):
    client.force_login(secretariat)
    assert client.get(url(name, partnership, 1)).status_code == 405


def test_an_analysis_that_found_none_says_when_initiatives_came_since(client, partnership, partner):
    f.ContextAnalysisFactory(partnership=partnership, no_related_initiatives=True)
    assert "analysis-outdated" not in page(client, partner, url("context", partnership))
    f.RelatedInitiativeFactory(partnership=partnership, name="Cocoa Forum")
    html = page(client, partner, url("context", partnership))
    assert "Related initiatives have been recorded since: record a new analysis." in html
