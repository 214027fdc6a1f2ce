"""What the governance endpoints show each role, against the walk's world (tests/governance/access_levels.py): the
same as the pages, read through the same selectors (a donor: agreed versions, adopted decisions without positions,
their own organisation's commitments; a partner: shared papers only)."""

import json

import pytest
from django.urls import reverse

from governance.models import Decision
from stakeholders.models import Organisation
from tests import walk_world
from tests.api.conftest import token_client
from tests.factories import ContactFactory

shared_world = walk_world.shared_world
pytestmark = pytest.mark.django_db


def _get(world, role, name, **kwargs):
    url = reverse(f"api:{name}", kwargs={"partnership_pk": world["partnership"].pk, **kwargs})
    return token_client(world[role]).get(url)


def _results(world, role, name, query=""):
    url = reverse(f"api:{name}", kwargs={"partnership_pk": world["partnership"].pk}) + query
    answer = token_client(world[role]).get(url)
    assert answer.status_code == 200, answer.content
    return answer.json()["results"]


def test_a_donor_reads_adopted_decisions_only_and_never_positions_or_meetings(shared_world):
    donor = _results(shared_world, "donor", "decision_list")
    assert [d["title"] for d in donor] == ["Adopt the plan"]
    assert "position_count" not in donor[0] and "meeting" not in donor[0]
    detail = _get(shared_world, "donor", "decision_detail", pk=shared_world["decision_adopted"].pk).json()
    assert detail["outcome"] == "adopted" and "positions" not in detail
    assert _get(shared_world, "donor", "decision_detail", pk=shared_world["decision_draft"].pk).status_code == 404


def test_a_partner_reads_every_decision_with_the_positions(shared_world):
    titles = {d["title"]: d for d in _results(shared_world, "partner", "decision_list")}
    assert set(titles) == {"Adopt the plan", "Next step", "Open one"}
    assert titles["Open one"]["position_count"] == 1
    detail = _get(shared_world, "partner", "decision_detail", pk=shared_world["decision_open"].pk).json()
    by_org = {row["organisation"]["name"]: row for row in detail["positions"]}
    assert by_org["Other Org"]["position"] == "object" and by_org["Other Org"]["on_behalf"] is True
    assert by_org["Signing Org"]["position"] is None  # entitled, no position yet
    assert "evidence" not in json.dumps(detail)


def test_the_decision_log_takes_the_pages_filters_and_refuses_a_bad_one_in_json(shared_world):
    assert [d["title"] for d in _results(shared_world, "secretariat", "decision_list", "?q=adopt")] == [
        "Adopt the plan"
    ]
    assert _results(shared_world, "secretariat", "decision_list", "?outcome=adopted")[0]["title"] == "Adopt the plan"
    url = reverse("api:decision_list", kwargs={"partnership_pk": shared_world["partnership"].pk})
    bad = token_client(shared_world["secretariat"]).get(url + "?outcome=maybe")
    assert bad.status_code == 400 and "outcome" in bad.json()["errors"]


def test_a_donor_reads_the_agreed_roadmap_and_mou_only(shared_world):
    world = shared_world
    assert [v["number"] for v in _results(world, "donor", "roadmap_version_list")] == [world["roadmap"].number]
    assert len(_results(world, "partner", "roadmap_version_list")) == 3
    draft = world["roadmap_draft"].number
    assert _get(world, "donor", "roadmap_version_detail", number=draft).status_code == 404
    assert _get(world, "partner", "roadmap_version_detail", number=draft).status_code == 200
    assert [v["status"] for v in _results(world, "donor", "mou_version_list")] == ["in_force"]
    assert _get(world, "donor", "mou_version_detail", number=world["mou_signing"].number).status_code == 404


def test_a_roadmap_version_has_its_goals_results_chain_and_milestones(shared_world):
    version = _get(shared_world, "donor", "roadmap_version_detail", number=shared_world["roadmap"].number).json()
    assert version["goals"] == ["Water for every farm"] and version["is_agreed"] is True
    assert [(n["level"], n["title"], n["parent"]) for n in version["nodes"]] == [("impact", "Impact", None)]
    node = version["nodes"][0]
    assert [(m["title"], m["node"]) for m in version["milestones"]] == [("Start", node["id"])]


def test_the_mou_in_force_has_its_clauses_parties_and_signatures_without_evidence(shared_world):
    mou = _get(shared_world, "donor", "mou_version_detail", number=shared_world["mou"].number).json()
    assert [c["title"] for c in mou["clauses"]] == ["Roles"]
    assert {p["organisation"]["name"] for p in mou["parties"] if p["purpose"] == "sign"} >= {"Signing Org"}
    signatures = {s["organisation"]["name"]: s for s in mou["signatures"]}
    assert signatures["Other Org"]["signer_name"] == "Olu Other" and signatures["Other Org"]["method"] == "paper"
    assert "evidence" not in json.dumps(mou) and mou["signature_count"] == 2


def test_bodies_with_their_seats_are_everyones(shared_world):
    bodies = {b["name"]: b for b in _results(shared_world, "donor", "body_list")}
    committee = bodies["Steering Committee"]
    assert [(s["organisation"]["name"], s["is_chair"]) for s in committee["seats"]] == [("Signing Org", True)]
    assert bodies["Secretariat"]["host_organisation"]["name"] == "Neutral Host"


def test_a_partner_sees_the_shared_papers_of_a_meeting_the_secretariat_all(shared_world):
    pk = shared_world["meeting"].pk
    partner = _get(shared_world, "partner", "meeting_detail", pk=pk).json()
    assert [p["title"] for p in partner["papers"]] == ["Agenda"]
    assert partner["papers"][0]["download_url"].endswith(
        reverse("governance:paper_download", args=[shared_world["partnership"].pk, pk, shared_world["paper_shared"].pk])
    )
    assert [o["name"] for o in partner["organisations"]] == ["Signing Org"]
    secretariat = _get(shared_world, "secretariat", "meeting_detail", pk=pk).json()
    assert [p["title"] for p in secretariat["papers"]] == ["Agenda", "Budget draft"]
    listed = {m["title"]: m for m in _results(shared_world, "partner", "meeting_list")}
    assert listed["Steering Committee 1"]["paper_count"] == 1


def test_a_donor_reads_the_commitments_of_their_own_organisation_only(shared_world):
    world = shared_world
    assert _results(world, "donor", "commitment_list") == []
    assert _get(world, "donor", "commitment_detail", pk=world["commitment"].pk).status_code == 404
    ContactFactory(organisation=Organisation.objects.get(name="Signing Org"), user=world["donor"])
    own = _results(world, "donor", "commitment_list")
    assert [(c["organisation"]["name"], c["value"], c["currency"]) for c in own] == [
        ("Signing Org", "1000.0000", "EUR")
    ]
    assert [y["year"] for y in own[0]["years"]] == [2026, 2027]


def test_budget_lines_mark_what_counts_as_planned_and_transactions_filter_as_on_the_page(shared_world):
    lines = _results(shared_world, "partner", "budget_line_list")
    assert sorted((line["amount"], line["is_planned"]) for line in lines) == [
        ("1000.0000", False),
        ("1200.0000", True),
    ]
    assert [t["counterpart_label"] for t in _results(shared_world, "partner", "transaction_list", "?type=4")] == [
        "Office supplies Ltd"
    ]
    assert _results(shared_world, "partner", "transaction_list", "?q=nothing-like-it") == []


def test_a_decision_answers_304_to_its_etag_and_a_new_tag_once_it_changes(shared_world):
    pk = shared_world["decision_draft"].pk
    client = token_client(shared_world["partner"])
    url = reverse("api:decision_detail", kwargs={"partnership_pk": shared_world["partnership"].pk, "pk": pk})
    first = client.get(url)
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    Decision.objects.filter(pk=pk).update(title="Next step, renamed")
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and again.json()["title"] == "Next step, renamed"
