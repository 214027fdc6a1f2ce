"""Reports, the Learning tab and the phases through the API, as their pages show them: drafts are the
secretariat's, the learning records and phase history the members', with the pages' filters and flags."""

import datetime as dt

import pytest
from django.urls import reverse

from phases.catalogue import Result
from phases.models import HealthCheck, HealthCheckScore
from tests.api.conftest import token_client
from tests.factories import OrganisationFactory, TransitionFactory
from tests.monitoring import factories as f
from tests.monitoring.reports.report_rows import report_row
from tests.phases.runs import make_run

pytestmark = pytest.mark.django_db


def get(user, name, partnership, *args, **params):
    return token_client(user).get(reverse(f"api:{name}", args=[partnership.pk, *args]), params)


def names(answer, key="title"):
    assert answer.status_code == 200, answer.content
    return [row[key] for row in answer.json()["results"]]


@pytest.fixture
def reports(partnership, secretariat):
    return {
        "released": report_row(partnership, secretariat, released=True),
        "draft": report_row(partnership, secretariat),
        "published": report_row(partnership, secretariat, kind="public", published=True, summary="What changed."),
    }


def test_donors_and_partners_read_delivered_reports_the_secretariat_drafts_too(reports, partnership, users):
    delivered = {reports["released"].pk, reports["published"].pk}
    for role in ("partner", "donor"):
        assert set(names(get(users[role], "report_list", partnership), "id")) == delivered
        assert get(users[role], "report_detail", partnership, reports["draft"].pk).status_code == 404
    assert len(names(get(users["secretariat"], "report_list", partnership), "id")) == 3
    draft = get(users["secretariat"], "report_detail", partnership, reports["draft"].pk).json()
    assert draft["released_at"] is None and draft["status"] == "done"


def test_a_report_links_its_page_and_its_pdf(reports, partnership, donor, client):
    body = get(donor, "report_detail", partnership, reports["released"].pk).json()
    assert body["page_url"].endswith(reverse("monitoring:report", args=[partnership.pk, reports["released"].pk]))
    client.force_login(donor)
    pdf = client.get(body["download_url"])
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"


def test_lessons_with_the_pages_filters(partnership, partner):
    union = OrganisationFactory(name="Farmers' Union")
    f.LessonFactory(partnership=partnership, title="Rainy season", source="failure", owner=union)
    f.LessonFactory(partnership=partnership, title="Radio spots", source="success")
    assert names(get(partner, "lesson_list", partnership, source="success")) == ["Radio spots"]
    assert names(get(partner, "lesson_list", partnership, owner=union.pk)) == ["Rainy season"]
    refused = get(partner, "lesson_list", partnership, source="luck")
    assert refused.status_code == 400 and "source" in refused.json()["errors"]


def test_risks_highest_score_first_filtered_by_status(partnership, secretariat):
    f.RiskFactory(partnership=partnership, title="Drought", likelihood=5, impact=5)
    f.RiskFactory(partnership=partnership, title="Staff turnover", likelihood=2, impact=2)
    f.RiskFactory(partnership=partnership, title="Price drop", status="closed")
    assert names(get(secretariat, "risk_list", partnership, status="open")) == ["Drought", "Staff turnover"]
    assert get(secretariat, "risk_list", partnership).json()["results"][0]["score"] == 25


def test_capacity_gaps_and_initiatives_carry_the_pages_flags(partnership, partner):
    f.CapacityGapFactory(partnership=partnership)
    f.RelatedInitiativeFactory(partnership=partnership, name="National programme", kind="overlapping")
    (gap,) = get(partner, "capacity_gap_list", partnership).json()["results"]
    assert gap["unaddressed"] is True and gap["review_due"] is True
    (initiative,) = get(partner, "initiative_list", partnership).json()["results"]
    assert initiative["needs_alignment"] is True


def test_the_learning_records_are_not_a_donors(partnership, donor):
    f.LessonFactory(partnership=partnership)
    for name in ("lesson_list", "capacity_gap_list", "initiative_list", "risk_list"):
        assert get(donor, name, partnership).status_code == 403


def test_phase_history_and_checklist_runs(partnership, secretariat, partner):
    TransitionFactory(partnership=partnership, by=secretariat, note="Core group formed.")
    (move,) = get(partner, "phase_transition_list", partnership).json()["results"]
    assert (move["from_phase"], move["to_phase"], move["note"]) == (1, 2, "Core group formed.")
    assert move["by"] == (secretariat.get_full_name() or secretariat.username)
    make_run(partnership, {"CS-1": Result.FAIL}, days_ago=1)
    newest = make_run(partnership)
    runs = get(partner, "checklist_run_list", partnership).json()["results"]
    assert [run["id"] for run in runs][0] == newest.pk
    assert runs[1]["counts"]["failed"] == 1 and runs[0]["counts"]["failed"] == 0
    items = get(partner, "checklist_run_detail", partnership, runs[1]["id"]).json()["items"]
    assert {row["item"]: row["result"] for row in items}["CS-1"] == "fail"
    assert next(row for row in items if row["item"] == "CS-1")["title"] == "Problem and approach outlined"


def test_a_health_check_round_gives_the_scores_per_item_but_not_who_gave_them(partnership, partner):
    round_ = HealthCheck.objects.create(
        partnership=partnership, title="Annual check", closes_on=dt.date(2099, 1, 1), item_ids=["CM-6", "PM-4"],
        anonymous=True,
    )  # fmt: skip
    for org_id, name, score in ((1, "Agro Co", 2), (2, "Farmers' Union", 4)):
        HealthCheckScore.objects.create(
            health_check=round_, item_id="CM-6", organisation_id=org_id, organisation_name=name, score=score
        )
    (listed,) = get(partner, "health_check_list", partnership).json()["results"]
    assert (listed["title"], listed["scored"], listed["is_open"]) == ("Annual check", 2, True)
    answer = get(partner, "health_check_detail", partnership, round_.pk)
    cm6, pm4 = answer.json()["results"]
    assert (cm6["item"], cm6["count"], cm6["mean"], cm6["counts"]) == ("CM-6", 2, 3.0, [0, 1, 0, 1, 0])
    assert pm4["count"] == 0 and pm4["result"] is None
    assert "Agro Co" not in answer.content.decode()
