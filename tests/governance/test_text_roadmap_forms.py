"""The results-chain and milestone forms: plausible dates, "contributes to" offering the right level, one error."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from governance import services
from governance.models import Milestone, ResultNode
from tests.governance.factories import roadmap_draft


def url(name, partnership, *args):
    return reverse(f"governance:{name}", args=[partnership.pk, *args])


@pytest.fixture
def draft(partnership, secretariat):
    return roadmap_draft(partnership, secretariat)


@pytest.fixture
def chain(draft, secretariat):
    """An impact, an outcome under it and an output under that."""
    impact = services.result_node_save(version=draft, by=secretariat, level="impact", title="Living income")
    outcome = services.result_node_save(
        version=draft, by=secretariat, level="outcome", parent=impact, title="Better yields"
    )
    output = services.result_node_save(version=draft, by=secretariat, level="output", parent=outcome, title="Seedlings")
    return impact, outcome, output


def _options(html, name="parent"):
    """The options of a select as (value, text, hidden?), as a browser without scripts offers them."""
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)
    return [
        (value, text.strip(), "hidden" in attrs)
        for attrs, value, text in re.findall(r'<option([^>]*?value="([^"]*)"[^>]*)>(.*?)</option>', select, re.S)
    ]


def _form(html):
    """The form itself (a summary of errors at the top of the page, if any, is a separate matter)."""
    return re.search(r'<form method="post" novalidate class="msp-form".*?</form>', html, re.S).group(0)


def _offered(html):
    return [text for value, text, hidden in _options(html) if not hidden]


# --- dates -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due_on", "message"),
    [
        ("0001-01-01", "Give a due date from 1 Jan 1990"),
        ("1989-12-31", "Give a due date from 1 Jan 1990"),
        ("2999-01-01", "at most 50 years from today"),
    ],
)
def test_an_absurd_due_date_is_refused_with_a_clear_message(client, partnership, secretariat, draft, due_on, message):
    client.force_login(secretariat)
    response = client.post(
        url("roadmap_milestone_add", partnership, draft.number),
        {"title": "First wells", "due_on": due_on, "status": "planned"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body and 'value="First wells"' in body
    assert not Milestone.objects.exists()


def test_a_plausible_due_date_is_kept(client, partnership, secretariat, draft):
    client.force_login(secretariat)
    due = timezone.localdate().replace(day=1) + datetime.timedelta(days=365 * 49)
    client.post(
        url("roadmap_milestone_add", partnership, draft.number),
        {"title": "Far ahead", "due_on": due.isoformat(), "status": "planned"},
    )
    assert Milestone.objects.get().due_on == due


def test_a_done_date_before_1990_is_refused_in_the_form_and_in_progress_reports(
    client, partnership, secretariat, draft
):
    client.force_login(secretariat)
    response = client.post(
        url("roadmap_milestone_add", partnership, draft.number),
        {"title": "Old", "due_on": "2030-01-01", "status": "done", "done_on": "0001-01-01"},
    )
    assert response.status_code == 400 and "Give a done date from 1 Jan 1990" in response.content.decode()
    milestone = services.milestone_save(
        version=draft, by=secretariat, title="Wells", due_on=datetime.date(2030, 1, 1), status="planned"
    )
    response = client.post(
        url("roadmap_milestone_progress", partnership, draft.number, milestone.pk),
        {"status": "done", "done_on": "1066-10-14"},
        follow=True,
    )
    assert "Give a done date from 1 Jan 1990" in response.content.decode()
    milestone.refresh_from_db()
    assert milestone.done_on is None and milestone.status == "planned"


# --- "contributes to" ------------------------------------------------------------------------------------------


def test_a_posted_level_offers_only_nodes_of_the_level_above(client, partnership, secretariat, draft, chain):
    client.force_login(secretariat)
    add = url("roadmap_node_add", partnership, draft.number)
    body = client.post(add, {"level": "activity", "parent": "", "title": "Nursery"}).content.decode()
    assert [t for t in _offered(body) if ":" in t] == ["Output: Seedlings"]
    body = client.post(add, {"level": "outcome", "parent": "", "title": "More trees"}).content.decode()
    assert [t for t in _offered(body) if ":" in t] == ["Impact: Living income"]


def test_every_candidate_is_in_the_page_with_its_level_for_the_script(client, partnership, secretariat, draft, chain):
    client.force_login(secretariat)
    body = client.get(url("roadmap_node_add", partnership, draft.number)).content.decode()
    levels = re.findall(r'<option[^>]*data-level="(\w+)"', body)
    assert sorted(levels) == ["impact", "outcome", "output"]  # activities never have nodes under them
    assert "governance/results_chain.js" in body and "data-parent-levels" in body and "<script>" not in body


def test_editing_a_node_offers_the_level_above_it(client, partnership, secretariat, draft, chain):
    impact, outcome, output = chain
    client.force_login(secretariat)
    body = client.get(url("roadmap_node_edit", partnership, draft.number, output.pk)).content.decode()
    assert [t for t in _offered(body) if ":" in t] == ["Outcome: Better yields"]


def test_a_wrong_level_shows_one_error_once(client, partnership, secretariat, draft, chain):
    impact, outcome, output = chain
    client.force_login(secretariat)
    response = client.post(
        url("roadmap_node_add", partnership, draft.number),
        {"level": "output", "parent": impact.pk, "title": "My output title", "owner": ""},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert _form(body).count("An output contributes to an outcome") == 1
    assert len(re.findall(r'class="invalid-feedback', body)) == 1
    assert "My output title" in body and not ResultNode.objects.filter(title="My output title").exists()


def test_a_missing_parent_shows_one_error_once(client, partnership, secretariat, draft, chain):
    client.force_login(secretariat)
    body = client.post(
        url("roadmap_node_add", partnership, draft.number), {"level": "activity", "parent": "", "title": "Nursery"}
    ).content.decode()
    assert _form(body).count("An activity contributes to an output") == 1


def test_a_form_level_error_shows_once(client, partnership, secretariat, draft, chain, monkeypatch):
    from django.core.exceptions import ValidationError

    def refuse(**kwargs):
        raise ValidationError("The roadmap changed meanwhile.")

    monkeypatch.setattr(services, "result_node_save", refuse)
    client.force_login(secretariat)
    body = client.post(
        url("roadmap_node_add", partnership, draft.number), {"level": "impact", "parent": "", "title": "Again"}
    ).content.decode()
    # Said once on the page: in the error summary at the top (templates/partials/error_summary.html), not again
    # inside the form.
    assert body.count("The roadmap changed meanwhile.") == 1
    assert "The roadmap changed meanwhile." not in _form(body)
