"""The API's ground rules: a personal token acts as its owner, errors are JSON, outsiders get 404."""

import pytest

from api.models import ApiToken
from tests.api.conftest import token_client


@pytest.mark.django_db
def test_partnerships_are_those_the_token_owner_holds_a_role_on(users, partnership, api_client):
    mine = api_client(users["partner"]).get("/api/v1/partnerships/").json()
    assert [p["name"] for p in mine["results"]] == [partnership.name]
    assert api_client(users["outsider"]).get(f"/api/v1/partnerships/{partnership.pk}/").status_code == 404


@pytest.mark.django_db
def test_no_or_a_revoked_token_is_refused_with_a_json_message(users):
    assert token_client(None).get("/api/v1/partnerships/").json()["detail"]
    client = token_client(users["partner"])
    ApiToken.objects.get().revoke()
    answer = client.get("/api/v1/partnerships/")
    assert answer.status_code == 401
    assert "revoked" in answer.json()["detail"]


@pytest.mark.django_db
def test_a_detail_answers_304_to_its_own_etag(users, partnership, api_client):
    client = api_client(users["donor"])
    first = client.get(f"/api/v1/partnerships/{partnership.pk}/")
    again = client.get(f"/api/v1/partnerships/{partnership.pk}/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert first.status_code == 200 and again.status_code == 304
