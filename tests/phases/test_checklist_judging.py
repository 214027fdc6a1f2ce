"""Judging an assisted or manual item: the secretariat's verdict with a note (required) and an optional link;
a bad form comes back with what was typed; an old judgement is shown as stale."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from phases.models import EvaluationRequest, Judgement

from .runs import make_run


def judge_url(partnership, item_id):
    return reverse("phases:judge", args=[partnership.pk, item_id])


def test_the_secretariat_confirms_a_manual_item_and_asks_for_an_evaluation(client, partnership, secretariat):
    make_run(partnership)
    client.force_login(secretariat)
    data = {"result": "pass", "note": "Agreed at the retreat.", "evidence_url": "https://example.org/minutes"}
    response = client.post(judge_url(partnership, "CM-6"), data, follow=True)
    judgement = Judgement.objects.get(partnership=partnership, item_id="CM-6")
    assert (judgement.result, judgement.note, judgement.by) == ("pass", "Agreed at the retreat.", secretariat)
    assert EvaluationRequest.objects.filter(partnership=partnership).count() == 1
    html = response.content.decode()
    assert "Your verdict on CM-6 is recorded" in html
    assert "Agreed at the retreat." in html and "https://example.org/minutes" in html


def test_a_verdict_without_a_note_is_refused_and_keeps_what_was_typed(client, partnership, secretariat):
    make_run(partnership)
    client.force_login(secretariat)
    data = {"result": "warn", "note": "  ", "evidence_url": "https://example.org/kept"}
    response = client.post(judge_url(partnership, "CM-6"), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Say why in a note" in html
    assert 'value="https://example.org/kept"' in html
    assert not Judgement.objects.exists()


def test_a_bad_link_is_refused(client, partnership, secretariat):
    make_run(partnership)
    client.force_login(secretariat)
    response = client.post(
        judge_url(partnership, "PM-4"), {"result": "fail", "note": "No.", "evidence_url": "not a url"}
    )
    assert response.status_code == 400
    assert not Judgement.objects.exists()


def test_automatic_items_are_not_judged(client, partnership, secretariat):
    client.force_login(secretariat)
    response = client.post(judge_url(partnership, "CS-2"), {"result": "pass", "note": "Looks fine."})
    assert response.status_code == 404
    assert client.post(judge_url(partnership, "XX-9"), {"result": "pass", "note": "?"}).status_code == 404


def test_partners_and_donors_may_not_judge(client, partnership, partner, donor):
    for user in (partner, donor):
        client.force_login(user)
        assert client.post(judge_url(partnership, "CM-6"), {"result": "pass", "note": "Yes."}).status_code == 403
    assert not Judgement.objects.exists()


def test_an_old_judgement_is_shown_as_stale(client, partnership, secretariat, partner):
    make_run(partnership)
    Judgement.objects.create(
        partnership=partnership, item_id="CM-6", result="pass", note="Discussed long ago.", by=secretariat,
        at=timezone.now() - dt.timedelta(days=400),
    )  # fmt: skip
    Judgement.objects.create(partnership=partnership, item_id="PM-4", result="warn", note="Recent.", by=secretariat)
    client.force_login(partner)
    html = client.get(reverse("phases:checklist", args=[partnership.pk])).content.decode()
    assert "Discussed long ago." in html
    assert html.count("Stale since") == 1
    assert "Give your verdict" not in html  # the form is the secretariat's
