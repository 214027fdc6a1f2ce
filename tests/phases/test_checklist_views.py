"""The checklist page: health for everyone with a role, the items with their evidence for the members, the
filters, evaluating on demand and the status partial that htmx polls."""

from django.urls import reverse
from django.utils import translation

from phases.catalogue import CATALOGUE, Result
from phases.models import EvaluationRequest, RequestStatus, Trigger

from .runs import make_run


def url(partnership, name="phases:checklist"):
    return reverse(name, args=[partnership.pk])


def test_without_a_run_the_secretariat_is_offered_to_evaluate_now(client, partnership, secretariat):
    client.force_login(secretariat)
    html = client.get(url(partnership)).content.decode()
    assert "The checklist has not been evaluated yet" in html
    assert url(partnership, "phases:evaluate") in html


def test_a_partner_reads_every_item_with_its_evidence_and_what_to_do(client, partnership, partner):
    make_run(partnership, {"CS-2": Result.FAIL}, evidence={"CS-2": "Only 2 core-group members: A, B."})
    client.force_login(partner)
    html = client.get(url(partnership)).content.decode()
    assert "Only 2 core-group members: A, B." in html
    assert str(CATALOGUE["CS-2"].todo) in html
    assert "At least 3 core-group members from at least 2 sectors" in html  # what the rule checks, with its numbers
    assert CATALOGUE["CS-2"].seed in html  # why it matters, quoted
    assert "Guards leaving phase 1 (hard gate)" in html
    assert html.count('id="item-') == len(CATALOGUE)
    assert url(partnership, "phases:evaluate") not in html  # evaluating is the secretariat's


def test_a_donor_sees_the_health_but_not_the_items(client, partnership, donor):
    make_run(partnership, {"CS-2": Result.FAIL}, evidence={"CS-2": "Only 2 core-group members: A, B."})
    client.force_login(donor)
    response = client.get(url(partnership))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Overall health" in html and "Cooperation management" in html
    assert "Only 2 core-group members" not in html
    assert 'id="item-' not in html


def test_an_outsider_gets_404(client, partnership, outsider):
    client.force_login(outsider)
    assert client.get(url(partnership)).status_code == 404


def test_the_page_in_french_gives_the_seed_in_english_and_in_the_project_s_words(client, partnership, partner):
    make_run(partnership)
    client.force_login(partner)
    with translation.override("fr"):
        html = client.get(url(partnership), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert 'lang="en"' in html
    assert CATALOGUE["CS-1"].seed in html


def test_the_filters_keep_the_items_of_a_phase_and_a_result(client, partnership, partner):
    make_run(partnership, {"CS-2": Result.FAIL, "ME-1": Result.FAIL})
    client.force_login(partner)
    html = client.get(url(partnership), {"result": "fail"}).content.decode()
    assert html.count('id="item-') == 2
    html = client.get(url(partnership), {"result": "fail", "phase": 1}).content.decode()
    assert 'id="item-CS-2"' in html and 'id="item-ME-1"' not in html
    html = client.get(url(partnership), {"phase": "nonsense"}).content.decode()
    assert html.count('id="item-') == len(CATALOGUE)  # a filter that makes no sense filters nothing


def test_evaluate_now_queues_one_request_and_shows_it_running(client, partnership, secretariat):
    client.force_login(secretariat)
    response = client.post(url(partnership, "phases:evaluate"), follow=True)
    client.post(url(partnership, "phases:evaluate"))
    assert EvaluationRequest.objects.filter(partnership=partnership, status=RequestStatus.QUEUED).count() == 1
    assert EvaluationRequest.objects.get().trigger == Trigger.MANUAL
    html = response.content.decode()
    assert "The checklist is being evaluated" in html
    assert "Evaluation running" in html
    assert f'data-hx-get="{url(partnership, "phases:evaluation_status")}"' in html
    assert 'data-hx-trigger="every 2s"' in html


def test_a_partner_may_not_evaluate(client, partnership, partner):
    client.force_login(partner)
    assert client.post(url(partnership, "phases:evaluate")).status_code == 403
    assert not EvaluationRequest.objects.exists()


def test_the_status_keeps_polling_while_the_evaluation_runs(client, partnership, partner):
    EvaluationRequest.objects.create(partnership=partnership, trigger=Trigger.MANUAL, status=RequestStatus.RUNNING)
    client.force_login(partner)
    response = client.get(url(partnership, "phases:evaluation_status"), HTTP_HX_REQUEST="true")
    assert "Evaluation running" in response.content.decode()
    assert "HX-Refresh" not in response


def test_the_status_refreshes_the_page_once_done(client, partnership, partner):
    EvaluationRequest.objects.create(partnership=partnership, trigger=Trigger.MANUAL, status=RequestStatus.DONE)
    client.force_login(partner)
    response = client.get(url(partnership, "phases:evaluation_status"), HTTP_HX_REQUEST="true")
    assert response["HX-Refresh"] == "true"
    without_js = client.get(url(partnership, "phases:evaluation_status"))
    assert "Show the new results" in without_js.content.decode()
    assert "HX-Refresh" not in without_js


def test_outsiders_get_404(client, partnership, outsider):
    client.force_login(outsider)
    assert client.post(url(partnership, "phases:evaluate")).status_code == 404
    assert client.get(url(partnership, "phases:evaluation_status")).status_code == 404
