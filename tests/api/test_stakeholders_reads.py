"""The stakeholder endpoints: the members' pages as JSON, with their filters (the walk's world)."""

import pytest
from django.urls import reverse

from tests import walk_world
from tests.api.conftest import token_client

shared_world = walk_world.shared_world
pytestmark = pytest.mark.django_db


def _results(world, name, query="", role="partner"):
    url = reverse(f"api:{name}", kwargs={"partnership_pk": world["partnership"].pk}) + query
    answer = token_client(world[role]).get(url)
    assert answer.status_code == 200, answer.content
    return answer.json()["results"]


def test_members_with_their_organisation_and_iati_facts(shared_world):
    members = {m["organisation"]["name"]: m for m in _results(shared_world, "member_list")}
    assert {"Signing Org", "Other Org", "Responsible Org"} <= set(members)
    one = members[shared_world["organisation"].name]
    assert one["is_current"] is True and one["joined_on"]
    assert set(one["organisation"]) == {"id", "name", "short_name", "sector", "iati_type", "country", "iati_identifier"}


def test_members_filter_as_on_the_page(shared_world):
    name = shared_world["organisation"].name
    assert [m["organisation"]["name"] for m in _results(shared_world, "member_list", f"?q={name}")] == [name]
    assert _results(shared_world, "member_list", "?status=left") == []
    bad = token_client(shared_world["partner"]).get(
        reverse("api:member_list", kwargs={"partnership_pk": shared_world["partnership"].pk}) + "?role=king"
    )
    assert bad.status_code == 400 and "role" in bad.json()["errors"]


def test_contacts_are_the_members_and_never_a_donors(shared_world):
    contacts = _results(shared_world, "contact_list", "?q=Cora")
    assert contacts == []  # the secretariat host's coordinator: not an organisation of the partnership
    names = {c["name"] for c in _results(shared_world, "contact_list")}
    assert shared_world["contact"].name in names
    url = reverse("api:contact_list", kwargs={"partnership_pk": shared_world["partnership"].pk})
    assert token_client(shared_world["donor"]).get(url).status_code == 403


def test_the_stakeholder_map_with_quadrants_and_flags(shared_world):
    entries = _results(shared_world, "map_entry_list")
    entry = next(e for e in entries if e["id"] == shared_world["map_entry"].pk)
    assert entry["is_member"] is True and entry["quadrant"] == shared_world["map_entry"].quadrant
    assert [e["id"] for e in _results(shared_world, "map_entry_list", "?flag=not_member")] == [
        e["id"] for e in entries if not e["is_member"]
    ]
