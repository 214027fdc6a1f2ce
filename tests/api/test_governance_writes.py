"""The governance write endpoints go through the pages' forms and services: a valid request shows on the page and
in the activity feed under the token owner's name; bad input (missing fields, wrong types, another partnership's
ids, what the service refuses) answers 400 with the messages per field and leaves every row as it was; the rights
are the pages' (a donor 403, an outsider 404)."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from governance.models import Body, Commitment, Decision, DecisionPosition, Meeting
from msp.models import ActivityEntry
from stakeholders.models import Organisation
from tests import walk_world
from tests.api.conftest import token_client

shared_world = walk_world.shared_world
pytestmark = pytest.mark.django_db


def _url(world, name, **kwargs):
    return reverse(f"api:{name}", kwargs={"partnership_pk": world["partnership"].pk, **kwargs})


def _page(world, user, name, *args):
    client = Client()
    client.force_login(user)
    answer = client.get(reverse(name, args=[world["partnership"].pk, *args]))
    assert answer.status_code == 200
    return answer.content.decode()


def _unchanged(call):
    """`call()`'s answer, checking it wrote nothing at all (the tokens' last use aside)."""
    before = walk_world.snapshot()
    answer = call()
    after = walk_world.snapshot()
    before.pop("api_apitoken"), after.pop("api_apitoken")
    assert after == before, "a refused request wrote"
    return answer


def _refused(client, method, url, data, field):
    answer = _unchanged(lambda: getattr(client, method)(url, data=data, format="json"))
    assert answer.status_code == 400, answer.content
    body = answer.json()
    assert body["detail"] and body["errors"][field], body
    return body


def _in_feed(world, model, pk, actor):
    entry = ActivityEntry.objects.filter(content_type__model=model, object_pk=str(pk)).latest("timestamp")
    assert entry.actor == actor and entry.partnership_id == world["partnership"].pk
    return entry


# --- decisions -------------------------------------------------------------------------------------------------


def test_the_secretariat_proposes_a_decision_seen_on_the_log_and_in_the_feed(shared_world):
    world, sec = shared_world, shared_world["secretariat"]
    data = {"title": "Adopt the budget 2027", "method": "consent", "body": world["body"].pk, "text": "As drafted."}
    answer = token_client(sec).post(_url(world, "decision_list"), data=data, format="json")
    assert answer.status_code == 201, answer.content
    made = answer.json()
    assert made["status"] == "draft" and made["body"]["name"] == "Steering Committee"
    assert "Adopt the budget 2027" in _page(world, sec, "governance:decisions")
    _in_feed(world, "decision", made["id"], sec)
    assert "Adopt the budget 2027" in _page(world, sec, "msp:activity")


def test_a_decision_with_bad_input_is_refused_field_by_field_and_nothing_is_written(shared_world):
    world = shared_world
    client, url = token_client(world["secretariat"]), _url(world, "decision_list")
    _refused(client, "post", url, {"method": "consent"}, "title")
    _refused(client, "post", url, {"title": "A", "method": "by coin toss"}, "method")
    _refused(client, "post", url, {"title": {"nested": 1}, "method": "consent"}, "title")
    _refused(client, "post", url, {"title": ["A", "B"], "method": "consent"}, "title")
    _refused(client, "post", url, {"title": True, "method": "consent"}, "title")
    _refused(client, "post", url, {"title": "A", "method": "consent", "colour": "red"}, "colour")
    elsewhere = Body.objects.get(name="Elsewhere Committee")
    _refused(client, "post", url, {"title": "A", "method": "consent", "body": elsewhere.pk}, "body")
    _refused(client, "post", url, {"title": "A", "method": "consent", "body": "ten"}, "body")
    answer = _unchanged(lambda: client.post(url, data=["title"], format="json"))
    assert answer.status_code == 400 and answer.json()["errors"]["non_field_errors"]


def test_patch_changes_the_fields_sent_of_a_draft_only(shared_world):
    world, client = shared_world, token_client(shared_world["secretariat"])
    draft = world["decision_draft"]
    answer = client.patch(_url(world, "decision_detail", pk=draft.pk), data={"text": "Why now."}, format="json")
    assert answer.status_code == 200, answer.content
    draft.refresh_from_db()
    assert (draft.title, draft.text, draft.method) == ("Next step", "Why now.", "consensus")
    adopted = world["decision_adopted"].pk
    _refused(client, "patch", _url(world, "decision_detail", pk=adopted), {"text": "Rewritten"}, "non_field_errors")
    _refused(client, "patch", _url(world, "decision_detail", pk=draft.pk), {}, "non_field_errors")


def test_a_partner_records_their_organisations_position_seen_on_the_decision_page(shared_world):
    world, partner = shared_world, shared_world["partner"]
    url = _url(world, "decision_position", pk=world["decision_open"].pk)
    data = {"position": "with_reservations", "statement": "If the budget allows."}
    answer = token_client(partner).put(url, data=data, format="json")
    assert answer.status_code == 200, answer.content
    assert answer.json()["organisation"]["name"] == "Responsible Org"
    row = DecisionPosition.objects.get(decision=world["decision_open"], organisation__name="Responsible Org")
    assert (row.position, row.recorded_by, row.on_behalf) == ("with_reservations", partner, False)
    assert "If the budget allows." in _page(world, partner, "governance:decision", world["decision_open"].pk)
    _in_feed(world, "decisionposition", row.pk, partner)


def test_a_position_is_refused_to_a_donor_the_secretariat_and_an_outsider_and_on_bad_input(shared_world):
    world = shared_world
    url = _url(world, "decision_position", pk=world["decision_open"].pk)
    data = {"position": "support"}
    for role, status in (("donor", 403), ("secretariat", 403), ("outsider", 404)):
        answer = _unchanged(lambda role=role: token_client(world[role]).put(url, data=data, format="json"))
        assert answer.status_code == status and answer.json()["detail"], role
    partner = token_client(world["partner"])
    _refused(partner, "put", url, {"position": "maybe"}, "position")
    _refused(partner, "put", url, {"statement": "No position given"}, "position")
    draft = _url(world, "decision_position", pk=world["decision_draft"].pk)
    _refused(partner, "put", draft, data, "non_field_errors")  # not open for positions: the service says so


# --- meetings --------------------------------------------------------------------------------------------------


def _meeting(world, **changes):
    start = timezone.localtime() + dt.timedelta(days=30)
    data = {
        "title": "Steering Committee 2",
        "body": world["body"].pk,
        "is_formal": True,
        "start": start.isoformat(),
        "end": (start + dt.timedelta(hours=3)).isoformat(),
        "place": "Accra",
        "agenda": "1. Budget",
    }
    return {**data, **changes}


def test_the_secretariat_records_a_meeting_seen_on_the_meetings_page(shared_world):
    world, sec = shared_world, shared_world["secretariat"]
    answer = token_client(sec).post(_url(world, "meeting_list"), data=_meeting(world), format="json")
    assert answer.status_code == 201, answer.content
    made = answer.json()
    assert (made["place"], made["body"]["id"], made["agenda"]) == ("Accra", world["body"].pk, "1. Budget")
    assert "Steering Committee 2" in _page(world, sec, "governance:meetings")
    _in_feed(world, "meeting", made["id"], sec)


def test_a_meeting_with_bad_input_is_refused_and_nothing_is_written(shared_world):
    world, client = shared_world, token_client(shared_world["secretariat"])
    url = _url(world, "meeting_list")
    elsewhere = Body.objects.get(name="Elsewhere Committee")
    _refused(client, "post", url, _meeting(world, body=elsewhere.pk), "body")
    _refused(client, "post", url, _meeting(world, start="next tuesday"), "start")
    _refused(client, "post", url, _meeting(world, start=12), "start")
    _refused(client, "post", url, _meeting(world, is_formal="yes"), "is_formal")
    start = timezone.localtime() + dt.timedelta(days=3)
    same = _meeting(world, start=start.isoformat(), end=start.isoformat())
    body = _refused(client, "post", url, same, "non_field_errors")  # the form's constraint check, as on the page
    assert body["errors"]["non_field_errors"] == ["A meeting must end after it starts."]
    _refused(client, "post", url, _meeting(world, place="", online_link=""), "place")


def test_patch_moves_a_meeting_and_keeps_the_rest(shared_world):
    world, meeting = shared_world, shared_world["meeting"]
    answer = token_client(world["secretariat"]).patch(
        _url(world, "meeting_detail", pk=meeting.pk), data={"place": "Kumasi"}, format="json"
    )
    assert answer.status_code == 200, answer.content
    moved = Meeting.objects.get(pk=meeting.pk)
    assert (moved.place, moved.title, moved.start, moved.body_id) == (
        "Kumasi",
        meeting.title,
        meeting.start,
        meeting.body_id,
    )
    assert moved.sequence == meeting.sequence + 1  # the attendees get the updated invitation, as from the page
    token_client(world["secretariat"]).patch(
        _url(world, "meeting_detail", pk=meeting.pk), data={"agenda": "1. Opening\n2. Budget"}, format="json"
    )
    again = Meeting.objects.get(pk=meeting.pk)
    assert (again.agenda, again.sequence, again.start) == ("1. Opening\n2. Budget", moved.sequence, meeting.start)


def test_a_donor_may_not_record_a_meeting_nor_an_outsider_see_ours(shared_world):
    world = shared_world
    for role, status in (("donor", 403), ("partner", 403), ("outsider", 404)):
        call = token_client(world[role]).post
        answer = _unchanged(lambda call=call: call(_url(world, "meeting_list"), data=_meeting(world), format="json"))
        assert answer.status_code == status, role


# --- commitments -----------------------------------------------------------------------------------------------


def _commitment(**changes):
    organisation = Organisation.objects.get(name="Other Org")
    data = {
        "organisation": organisation.pk,
        "type": "cash",
        "description": "Field staff",
        "status": "committed",
        "value": "3000",
        "currency": "EUR",
        "starts_on": "2026-01-01",
        "ends_on": "2027-12-31",
        "committed_on": "2026-01-01",
        "funder_expectations": "A yearly report.",
    }
    return {**data, **changes}


def test_the_secretariat_records_a_commitment_spread_over_its_years_and_seen_on_the_page(shared_world):
    world, sec = shared_world, shared_world["secretariat"]
    answer = token_client(sec).post(_url(world, "commitment_list"), data=_commitment(), format="json")
    assert answer.status_code == 201, answer.content
    made = answer.json()
    assert [(y["year"], y["amount"]) for y in made["years"]] == [(2026, "1500.0000"), (2027, "1500.0000")]
    assert "Field staff" in _page(world, sec, "governance:commitments")
    _in_feed(world, "commitment", made["id"], sec)


def test_a_commitment_with_bad_input_is_refused_and_nothing_is_written(shared_world):
    world, client = shared_world, token_client(shared_world["secretariat"])
    url = _url(world, "commitment_list")
    stranger = Organisation.objects.filter(memberships__partnership=world["elsewhere"]).first()
    _refused(client, "post", url, _commitment(organisation=stranger.pk), "organisation")
    _refused(client, "post", url, _commitment(value="a lot"), "value")
    _refused(client, "post", url, _commitment(currency="XXQ"), "currency")
    _refused(client, "post", url, _commitment(funder_expectations=""), "funder_expectations")
    _refused(client, "post", url, _commitment(ends_on="2025-01-01"), "ends_on")


def test_amounts_per_year_must_add_up_to_the_value_and_be_of_the_commitments_years(shared_world):
    world, client = shared_world, token_client(shared_world["secretariat"])
    commitment = world["commitment"]  # 1000 EUR, July 2026 to June 2027
    url = _url(world, "commitment_detail", pk=commitment.pk)
    _refused(client, "patch", url, {"years": {"2026": "100", "2027": "100"}}, "respread")
    _refused(client, "patch", url, {"years": {"2031": "1000"}}, "years")
    answer = client.patch(url, data={"years": {"2026": "400", "2027": "600"}}, format="json")
    assert answer.status_code == 200, answer.content
    assert [(y["year"], y["amount"]) for y in answer.json()["years"]] == [(2026, "400.0000"), (2027, "600.0000")]
    assert Commitment.objects.get(pk=commitment.pk).description == "Core funding"  # the rest kept


def test_a_donor_may_not_record_a_commitment(shared_world):
    world = shared_world
    call = token_client(world["donor"]).post
    answer = _unchanged(lambda: call(_url(world, "commitment_list"), data=_commitment(), format="json"))
    assert answer.status_code == 403 and answer.json()["detail"]
    assert not Decision.objects.filter(title="Field staff").exists()


def test_an_archived_partnership_is_read_but_never_written(shared_world):
    world = shared_world
    type(world["partnership"]).objects.filter(pk=world["partnership"].pk).update(archived_at=timezone.now())
    client = token_client(world["secretariat"])
    assert client.get(_url(world, "decision_list")).status_code == 200
    data = {"title": "After the end", "method": "consent"}
    answer = _unchanged(lambda: client.post(_url(world, "decision_list"), data=data, format="json"))
    assert answer.status_code == 403 and "archived" in answer.json()["detail"]
