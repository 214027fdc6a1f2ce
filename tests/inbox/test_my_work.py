"""My work: per kind, an entry appears for the person who has to act, not for others, and goes once done."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from governance import services as gov
from governance.models import Decision
from inbox.selectors import my_work
from monitoring.services.actuals import actual_save
from msp.models import Partnership
from tests.factories import ContactFactory
from tests.governance.factories import mou_draft, roadmap_draft, sign
from tests.monitoring.factories import IndicatorFactory, PeriodFactory
from tests.monitoring.reports.report_rows import report_row
from tests.phases.health_check_factories import open_round, score
from tests.stakeholders.factories import InvitationFactory

pytestmark = pytest.mark.django_db


def kinds(user):
    return {group.kind: group.entries for group in my_work(user)}


def urls(user, kind):
    return [entry.url for entry in kinds(user).get(kind, [])]


def test_a_roadmap_in_review_awaits_each_party_until_it_approves(partnership, secretariat, kofi, awa, donor):
    version = gov.roadmap_send_for_review(version=roadmap_draft(partnership, secretariat), by=secretariat)
    assert urls(kofi, "roadmap_approve") == [version.get_absolute_url()]
    assert urls(awa, "roadmap_approve") == [version.get_absolute_url()]
    assert "roadmap_approve" not in kinds(secretariat)
    assert "roadmap_approve" not in kinds(donor)
    gov.roadmap_approve(version=version, by=kofi)
    assert "roadmap_approve" not in kinds(kofi)
    assert urls(awa, "roadmap_approve") == [version.get_absolute_url()]


def test_an_mou_awaits_approval_then_signature(partnership, secretariat, kofi, awa, donor):
    version = gov.mou_send_for_review(version=mou_draft(partnership, secretariat), by=secretariat)
    assert urls(kofi, "mou_approve") == [version.get_absolute_url()]
    gov.mou_approve(version=version, by=kofi)
    assert "mou_approve" not in kinds(kofi)
    gov.mou_approve(version=version, by=awa)
    version.refresh_from_db()
    gov.mou_send_for_signature(version=version, by=secretariat)
    assert urls(kofi, "mou_sign") == [version.get_absolute_url()]
    assert "mou_sign" not in kinds(donor) and "mou_sign" not in kinds(secretariat)
    sign(version, kofi)
    assert "mou_sign" not in kinds(kofi)
    assert urls(awa, "mou_sign") == [version.get_absolute_url()]


def test_an_open_decision_awaits_a_position_from_each_member(partnership, secretariat, kofi, awa, donor):
    decision = gov.decision_save(partnership=partnership, by=secretariat, title="Adopt the budget")
    assert "position" not in kinds(kofi)  # a draft asks nothing yet
    gov.decision_open(decision=decision, by=secretariat)
    url = reverse("governance:decision", kwargs={"partnership_pk": partnership.pk, "pk": decision.pk})
    assert urls(kofi, "position") == [url]
    assert "position" not in kinds(donor) and "position" not in kinds(secretariat)
    gov.position_record(
        decision=Decision.objects.get(pk=decision.pk),
        by=kofi,
        organisation=kofi.contact.organisation,
        position="support",
    )
    assert "position" not in kinds(kofi)
    assert urls(awa, "position") == [url]


def test_an_open_health_check_awaits_each_organisation_s_scores(partnership, secretariat, kofi, awa, donor):
    health_check = open_round(partnership, secretariat)
    assert len(urls(kofi, "health_check")) == 1
    assert "health_check" not in kinds(donor) and "health_check" not in kinds(secretariat)
    score(health_check, kofi, CM_6=(4, ""), PM_4=(3, ""), SR_2=(2, ""))
    assert "health_check" not in kinds(kofi)
    assert len(urls(awa, "health_check")) == 1


def test_indicator_data_due_awaits_the_responsible_organisation_and_the_secretariat(
    partnership, secretariat, kofi, awa, donor
):
    today = timezone.localdate()
    indicator = IndicatorFactory(partnership=partnership, responsible=kofi.contact.organisation)
    overdue = PeriodFactory(
        indicator=indicator, start=today - dt.timedelta(days=200), end=today - dt.timedelta(days=100)
    )
    PeriodFactory(indicator=indicator, start=today - dt.timedelta(days=5), end=today + dt.timedelta(days=80))  # later
    entries = kinds(kofi)["data"]
    assert [e.url.rstrip("/").split("/")[-2] for e in entries] == [str(overdue.pk)]
    assert entries[0].overdue
    assert len(kinds(secretariat)["data"]) == 1
    assert "data" not in kinds(awa) and "data" not in kinds(donor)
    actual_save(period=overdue, by=kofi, value=10, measured_on=overdue.end)
    assert "data" not in kinds(kofi)


def test_an_overdue_milestone_shows_to_its_owner_and_the_secretariat(partnership, secretariat, kofi, awa, donor):
    from tests.governance.factories import MilestoneFactory

    draft = roadmap_draft(partnership, secretariat)
    milestone = MilestoneFactory(
        version=draft, owner=kofi.contact.organisation, due_on=timezone.localdate() - dt.timedelta(days=3)
    )
    version = gov.roadmap_send_for_review(version=draft, by=secretariat)
    assert "milestone" not in kinds(secretariat)  # not agreed yet
    gov.roadmap_approve(version=version, by=kofi)
    gov.roadmap_approve(version=version, by=awa)
    assert urls(secretariat, "milestone") == [version.get_absolute_url()]
    assert urls(kofi, "milestone") == [version.get_absolute_url()]
    assert "milestone" not in kinds(awa) and "milestone" not in kinds(donor)
    milestone.status, milestone.done_on = "done", timezone.localdate()
    milestone.save(update_fields=["status", "done_on"])
    assert "milestone" not in kinds(kofi)


def test_a_released_report_shows_to_donors_and_partners_not_a_draft(partnership, secretariat, kofi, donor):
    draft = report_row(partnership, secretariat)
    assert "report" not in kinds(donor)
    draft.released_at = timezone.now()
    draft.save(update_fields=["released_at"])
    url = reverse("monitoring:report", kwargs={"partnership_pk": partnership.pk, "pk": draft.pk})
    assert urls(donor, "report") == [url]
    assert urls(kofi, "report") == [url]
    assert "report" not in kinds(secretariat)
    draft.released_at = timezone.now() - dt.timedelta(days=100)
    draft.save(update_fields=["released_at"])
    assert "report" not in kinds(donor)  # no longer recent


def test_an_invitation_about_to_expire_shows_to_the_secretariat(partnership, secretariat, kofi, donor):
    contact = ContactFactory(name="Abena Asante")
    soon = InvitationFactory(partnership=partnership, contact=contact, expires_at=timezone.now() + dt.timedelta(days=2))
    InvitationFactory(partnership=partnership, expires_at=timezone.now() + dt.timedelta(days=12))  # not yet
    entries = kinds(secretariat)["invitation"]
    assert len(entries) == 1 and "Abena Asante" in entries[0].title
    assert "invitation" not in kinds(kofi) and "invitation" not in kinds(donor)
    soon.revoked_at = timezone.now()
    soon.save(update_fields=["revoked_at"])
    assert "invitation" not in kinds(secretariat)


def test_an_archived_partnership_asks_nothing(partnership, secretariat, kofi):
    gov.roadmap_send_for_review(version=roadmap_draft(partnership, secretariat), by=secretariat)
    Partnership.objects.filter(pk=partnership.pk).update(archived_at=timezone.now())
    assert my_work(kofi) == []


def test_the_page_lists_the_work_and_links_to_it(client, partnership, secretariat, kofi):
    version = gov.roadmap_send_for_review(version=roadmap_draft(partnership, secretariat), by=secretariat)
    client.force_login(kofi)
    page = client.get(reverse("inbox:my_work")).content.decode()
    assert "Roadmap versions to approve" in page
    assert f'href="{version.get_absolute_url()}"' in page
    assert partnership.name in page


def test_an_empty_page_says_so_and_points_to_my_partnerships(client, donor):
    client.force_login(donor)
    page = client.get(reverse("inbox:my_work")).content.decode()
    assert "Nothing awaits you right now." in page
    assert reverse("msp:partnership_list") in page


def test_it_requires_sign_in(client):
    assert client.get(reverse("inbox:my_work")).status_code == 302
