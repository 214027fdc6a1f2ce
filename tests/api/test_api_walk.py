"""Every API endpoint, every method it answers, for every role, with a personal token: the answers of
tests/api/walk.py, no other partnership's record in any answer (0 leaks), JSON always, and no write by a refused or
invalid request."""

import json

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from api.models import ApiToken
from tests import walk_world
from tests.api.walk import ENDPOINTS, LEVELS_ALL, OBJECTS, ROLES
from tests.walk_world import ALL_URLS, API_URLS, row_counts

shared_world = walk_world.shared_world

# Names of the outsider's partnership and its records (tests/walk_world.build_elsewhere): never in an answer to a
# role on ours; and ours never in an answer to the outsider.
ELSEWHERE = ("Elsewhere", "Somebody else")
OURS = ("Cocoa Partnership",)


def test_every_endpoint_has_a_level():
    missing = sorted(set(API_URLS) - set(ENDPOINTS))
    stale = sorted(set(ENDPOINTS) - set(API_URLS))
    unknown = sorted(
        f"{n} {m}: {lvl}" for n, spec in ENDPOINTS.items() for m, lvl in spec.items() if lvl not in LEVELS_ALL
    )
    unfillable = sorted(
        f"{n}: {p}" for n in API_URLS for p in ALL_URLS[n] if p != "partnership_pk" and p not in OBJECTS.get(n, {})
    )
    assert (missing, stale, unknown, unfillable) == ([], [], [], [])


def _url(name, world):
    kwargs = {p: (world["partnership"].pk if p == "partnership_pk" else None) for p in ALL_URLS[name]}
    kwargs.update({p: fill(world) for p, fill in OBJECTS.get(name, {}).items()})
    return reverse(name, kwargs=kwargs)


def _client(user):
    client = APIClient()
    if user is not None:
        token, key = ApiToken.issue(user, "walk")
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    return client


@pytest.mark.parametrize("name", sorted(ENDPOINTS))
@pytest.mark.django_db
def test_endpoint(name, shared_world):
    world = shared_world
    url = _url(name, world)
    clients = {role: _client(world.get(role)) for role in ROLES}
    before = row_counts()
    for method, level in ENDPOINTS[name].items():
        for role in ROLES:
            expected = LEVELS_ALL[level][role]
            call = getattr(clients[role], method)
            response = call(url, data={}, format="json") if method != "get" else call(url)
            where = f"{method.upper()} {name} as {role}"
            assert response.status_code == expected, f"{where}: {response.status_code}, expected {expected}"
            assert response["Content-Type"].startswith("application/json"), where
            body = response.content.decode()
            foreign = {"superuser": (), "outsider": OURS}.get(role, ELSEWHERE)
            assert not any(word in body for word in foreign), f"{where} shows another partnership's record"
            if response.status_code >= 400:
                assert json.loads(body).get("detail"), f"{where}: an error without a message"
    after = row_counts()
    after.pop("api_apitoken", None), before.pop("api_apitoken", None)
    assert after == before, f"{name}: the walk wrote"
