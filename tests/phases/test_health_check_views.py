"""The health check's pages: opening a round, partners scoring it, the disagreement view (acceptance 7),
anonymity, the secretariat's scores on a member's behalf, closing."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from phases.models import HealthCheck, HealthCheckScore, Judgement

from .health_check_factories import members, open_round, score


@pytest.fixture
def three(partnership):
    return members(partnership, ["Acme Ltd", "River NGO", "State Agency"])


def url(name, row, **kw):
    return reverse(f"phases:{name}", args=[row.partnership_id, row.pk], **kw)


def text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_the_list_says_what_to_do_when_there_is_no_round(client, partnership, secretariat, partner):
    client.force_login(secretariat)
    page = text(client.get(reverse("phases:health_checks", args=[partnership.pk])))
    assert "No health check yet" in page and "Open a round" in page
    client.force_login(partner)
    page = text(client.get(reverse("phases:health_checks", args=[partnership.pk])))
    assert "When the secretariat opens a round" in page and "Open a round" not in page


def test_the_secretariat_opens_a_round(client, partnership, secretariat):
    client.force_login(secretariat)
    closes = timezone.localdate() + dt.timedelta(days=10)
    response = client.post(
        reverse("phases:health_check_open", args=[partnership.pk]),
        {"title": "Retreat 2026", "closes_on": closes.isoformat(), "item_ids": ["CM-6", "PM-4"], "anonymous": "on"},
        follow=True,
    )
    row = HealthCheck.objects.get()
    assert (row.title, row.item_ids, row.anonymous, row.closes_on) == ("Retreat 2026", ["CM-6", "PM-4"], True, closes)
    assert "The health check “Retreat 2026” is open" in text(response)


def test_opening_with_bad_input_keeps_what_was_typed(client, partnership, secretariat):
    client.force_login(secretariat)
    past = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    response = client.post(
        reverse("phases:health_check_open", args=[partnership.pk]),
        {"title": "Retreat 2026", "closes_on": past, "item_ids": ["CM-6"]},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "The closing date cannot be in the past." in page and 'value="Retreat 2026"' in page
    assert re.search(r'value="CM-6"[^>]*checked', page)
    response = client.post(
        reverse("phases:health_check_open", args=[partnership.pk]), {"title": "x", "item_ids": "CS-1"}
    )
    assert response.status_code == 400 and not HealthCheck.objects.exists()


def test_three_partners_score_and_the_round_shows_where_they_disagree(client, partnership, secretariat, three):
    """Acceptance 7: three partners score through the page; the round shows the spread and who scored low."""
    row = open_round(partnership, secretariat)
    for user, (cm6, pm4) in zip(three, [(1, 4), (5, 4), (4, 5)], strict=True):
        client.force_login(user)
        form = client.get(url("health_check_score", row))
        assert form.status_code == 200
        data = {"score_CM-6": cm6, "comment_CM-6": f"{user.username} on trust", "score_PM-4": pm4}
        response = client.post(url("health_check_score", row), data, follow=True)
        assert "are recorded" in text(response)
    client.force_login(secretariat)
    page = text(client.get(url("health_check", row)))
    assert "3 of 3 members have scored." in page
    disagreements = page[page.index("Where partners disagree") : page.index("Scores per item")]
    assert "CM-6 Trust and respectful culture" in disagreements and "Scores from 1 to 5." in disagreements
    assert "1 member scored 2 or less: Acme Ltd: 1" in disagreements
    assert "PM-4" not in disagreements  # 4, 4, 5: they agree
    table = page[page.index("Scores per item") :]
    assert re.search(r"CM-6 Trust and respectful culture 3\.3 1–5 1 0 0 1 1 3 Warning", table)
    assert re.search(r"PM-4 Roles suit skills and capacities 4\.3 4–5 0 0 0 2 1 3 Pass", table)
    assert re.search(r"SR-2 Neutral secretariat – – 0 0 0 0 0 0 No scores yet", table)


def test_the_scoring_form_is_prefilled_with_the_earlier_scores(client, partnership, secretariat, three):
    row = open_round(partnership, secretariat)
    score(row, three[0], CM_6=(2, "Little trust yet"))
    client.force_login(three[0])
    page = client.get(url("health_check_score", row)).content.decode()
    assert re.search(r'name="score_CM-6" value="2"[^>]*checked', page)
    assert "Little trust yet" in page and "Scores of Acme Ltd" in page


def test_bad_scores_come_back_with_what_was_typed(client, partnership, secretariat, three):
    row = open_round(partnership, secretariat)
    client.force_login(three[0])
    response = client.post(url("health_check_score", row), {"comment_CM-6": "No score but a view", "score_PM-4": 9})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Give a score with your comment." in page and "No score but a view" in page
    response = client.post(url("health_check_score", row), {})
    assert response.status_code == 400 and "Score at least one item." in response.content.decode()
    assert not HealthCheckScore.objects.exists()


def test_a_partner_scoring_for_another_organisation_is_refused_with_the_reason(client, partnership, secretariat, three):
    row = open_round(partnership, secretariat)
    client.force_login(three[0])
    other = three[1].contact.organisation
    response = client.post(url("health_check_score", row), {"organisation": other.pk, "score_CM-6": 5})
    assert response.status_code == 403
    assert "only score this health check for your own organisation, Acme Ltd, not for River NGO" in text(response)
    assert not HealthCheckScore.objects.exists()


def test_a_partner_without_an_organisation_is_told_why_they_cannot_score(client, partnership, secretariat, partner):
    row = open_round(partnership, secretariat)
    client.force_login(partner)
    page = text(client.get(url("health_check_score", row)))
    assert "You are not registered as the contact person of an organisation" in page
    assert client.post(url("health_check_score", row), {"score_CM-6": 5}).status_code == 403


def test_a_closed_round_refuses_scores(client, partnership, secretariat, three):
    row = open_round(partnership, secretariat)
    client.force_login(secretariat)
    client.post(url("health_check_close", row))
    client.force_login(three[0])
    assert "This health check is closed" in text(client.get(url("health_check_score", row)))
    response = client.post(url("health_check_score", row), {"score_CM-6": 5})
    assert response.status_code == 400 and "This health check is closed" in text(response)
    assert not HealthCheckScore.objects.exists()


def test_an_anonymous_round_hides_other_organisations_from_partners(client, partnership, secretariat, three):
    row = open_round(partnership, secretariat, anonymous=True)
    for user, value in zip(three, (1, 2, 5), strict=True):
        score(row, user, CM_6=(value, f"Seen from {value}"))
    client.force_login(three[2])
    page = text(client.get(url("health_check", row)))
    assert "Acme Ltd" not in page and "River NGO" not in page
    assert "2 members scored 2 or less: A member: 1" in page
    assert "State Agency: 5" in page  # their own organisation
    client.force_login(secretariat)
    page = text(client.get(url("health_check", row)))
    assert "Acme Ltd: 1" in page and "River NGO: 2" in page


def test_a_round_that_is_not_anonymous_names_everyone_to_partners(client, partnership, secretariat, three):
    row = open_round(partnership, secretariat)
    score(row, three[0], CM_6=(1, ""))
    client.force_login(three[1])
    assert "Acme Ltd: 1" in text(client.get(url("health_check", row)))


def test_the_secretariat_records_a_members_scores_on_its_behalf(client, partnership, secretariat, three):
    row = open_round(partnership, secretariat)
    organisation = three[1].contact.organisation
    score(row, three[1], PM_4=(4, "Online"))
    client.force_login(secretariat)
    page = client.get(url("health_check_on_behalf", row) + f"?organisation={organisation.pk}").content.decode()
    assert re.search(r'name="score_PM-4" value="4"[^>]*checked', page)
    response = client.post(
        url("health_check_on_behalf", row), {"organisation": organisation.pk, "score_CM-6": 3}, follow=True
    )
    assert "The scores of River NGO are recorded on its behalf." in text(response)
    recorded = HealthCheckScore.objects.get(item_id="CM-6")
    assert recorded.on_behalf and recorded.organisation_name == "River NGO"
    assert "River NGO: 3 recorded by the secretariat" in text(client.get(url("health_check", row)))


def test_the_on_behalf_form_asks_which_member(client, partnership, secretariat, three):
    row = open_round(partnership, secretariat)
    client.force_login(secretariat)
    page = text(client.get(url("health_check_on_behalf", row)))
    assert "Choose the member organisation whose scores you record" in page
    response = client.post(url("health_check_on_behalf", row), {"score_CM-6": 3})
    assert response.status_code == 400 and not HealthCheckScore.objects.exists()


def test_closing_records_the_results_in_the_checklist(client, partnership, secretariat, three):
    row = open_round(partnership, secretariat)
    for user in three:
        score(row, user, CM_6=(5, ""))
    client.force_login(secretariat)
    response = client.post(url("health_check_close", row), follow=True)
    assert "is closed. 1 item has its result" in text(response)
    assert Judgement.objects.get().result == "pass"
    response = client.post(url("health_check_close", row), follow=True)
    assert "already closed" in text(response) and Judgement.objects.count() == 1


def test_a_round_with_no_scores_says_what_to_do(client, partnership, secretariat, three):
    row = open_round(partnership, secretariat)
    client.force_login(three[0])
    page = text(client.get(url("health_check", row)))
    assert "No scores yet" in page and "Score for your organisation" in page


def test_donors_and_outsiders_do_not_see_rounds(client, partnership, secretariat, donor, outsider):
    row = open_round(partnership, secretariat)
    client.force_login(donor)
    assert client.get(url("health_check", row)).status_code == 403
    client.force_login(outsider)
    assert client.get(url("health_check", row)).status_code == 404
