"""The run history, one run with what changed since the run before, and the dashboard's health card."""

from django.urls import reverse

from phases.catalogue import CATALOGUE, Result

from .runs import make_run


def test_the_history_lists_runs_with_their_counts(client, partnership, partner):
    make_run(partnership, {"CS-2": Result.FAIL, "ME-1": Result.WARN}, days_ago=3)
    client.force_login(partner)
    html = client.get(reverse("phases:runs", args=[partnership.pk])).content.decode()
    assert "On request" in html
    assert f'<td class="text-end">{len(CATALOGUE) - 2}</td>' in html  # passed
    assert "<caption>" in html


def test_the_history_without_runs_says_what_to_do(client, partnership, partner):
    client.force_login(partner)
    html = client.get(reverse("phases:runs", args=[partnership.pk])).content.decode()
    assert "No run yet" in html


def test_a_run_says_what_changed_since_the_previous_one(client, partnership, partner):
    make_run(partnership, {"CS-2": Result.FAIL}, days_ago=5)
    run = make_run(partnership, {"ME-1": Result.WARN}, days_ago=1)
    client.force_login(partner)
    html = client.get(reverse("phases:run", args=[partnership.pk, run.pk])).content.decode()
    changed = html.split("What changed since the previous run")[1].split("</table>")[0]
    assert "CS-2" in changed and "ME-1" in changed and "CM-1" not in changed
    assert "Fail" in changed and "Warning" in changed


def test_the_first_run_has_nothing_to_compare(client, partnership, partner):
    run = make_run(partnership)
    client.force_login(partner)
    html = client.get(reverse("phases:run", args=[partnership.pk, run.pk])).content.decode()
    assert "This is the first run" in html


def test_a_donor_may_not_read_the_history_and_an_outsider_gets_404(client, partnership, donor, outsider):
    run = make_run(partnership)
    client.force_login(donor)
    assert client.get(reverse("phases:runs", args=[partnership.pk])).status_code == 403
    client.force_login(outsider)
    assert client.get(reverse("phases:run", args=[partnership.pk, run.pk])).status_code == 404


def test_the_health_card_shows_health_trend_and_changes(client, partnership, donor):
    make_run(partnership, {"CS-2": Result.FAIL}, days_ago=5)
    make_run(partnership, {"CS-2": Result.PASS, "ME-1": Result.FAIL}, days_ago=1)
    client.force_login(donor)
    html = client.get(reverse("msp:dashboard", args=[partnership.pk])).content.decode()
    card = html.split("Checklist health")[1]
    assert "Health per area" in card and "Health over the last runs" in card
    assert "CS-2" in card and "ME-1" in card


def test_the_health_card_without_runs_invites_to_evaluate(client, partnership, donor):
    client.force_login(donor)
    html = client.get(reverse("msp:dashboard", args=[partnership.pk])).content.decode()
    assert "Not evaluated yet" in html


def test_the_health_card_shows_a_new_run_after_drawing_the_last_ones(client, partnership, donor):
    """The card keeps the charts and changes it drew of the last runs (they never change): a new run is drawn."""
    make_run(partnership, {"CS-2": Result.FAIL}, days_ago=5)
    make_run(partnership, {"CS-2": Result.PASS}, days_ago=1)
    client.force_login(donor)
    url = reverse("msp:dashboard", args=[partnership.pk])
    card = client.get(url).content.decode().split("Checklist health")[1]
    assert "CS-2" in card and "ME-1" not in card
    make_run(partnership, {"ME-1": Result.FAIL})
    card = client.get(url).content.decode().split("Checklist health")[1]
    assert "ME-1" in card and "CS-2" not in card  # what changed since the run before: the new run's
