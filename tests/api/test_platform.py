"""What every endpoint inherits from the platform: tokens refused with a JSON 401, refusals and errors as JSON with
a clear message (401, 403, 404, 405, 400, 429, 500), pages of results, throttling per token, ETags."""

import logging

import pytest
from django.core.cache import cache
from django.test import override_settings

from api.models import ApiToken
from api.pagination import Pagination
from msp.models import Role
from tests.api.conftest import token_client
from tests.factories import PartnershipFactory, RoleFactory

LIST = "/api/v1/partnerships/"
probe = pytest.mark.urls("tests.api.probe_urls")


@pytest.fixture(autouse=True)
def fresh_cache():
    """Throttle counts live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


def _detail(partnership):
    return f"/api/v1/partnerships/{partnership.pk}/"


# --- 401 --------------------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "header",
    ["", "Bearer msp_not-a-key-anyone-was-given", "Bearer two words", "Token"],
    ids=["none", "unknown key", "spaces", "no key"],
)
def test_a_request_without_a_valid_token_is_refused_with_a_json_401(users, header):
    client = token_client(None)
    if header:
        client.credentials(HTTP_AUTHORIZATION=header)
    answer = client.get(LIST)
    assert answer.status_code == 401
    assert answer["Content-Type"] == "application/json"
    assert answer["WWW-Authenticate"].startswith("Bearer")
    assert answer.json()["detail"]


@pytest.mark.django_db
def test_a_revoked_token_is_refused_at_once_and_another_of_the_same_person_still_works(users):
    kept, revoked = token_client(users["partner"]), token_client(users["partner"])
    ApiToken.objects.order_by("-pk").first().revoke()
    answer = revoked.get(LIST)
    assert answer.status_code == 401
    assert answer.json() == {"detail": "This API token is not valid, or has been revoked."}
    assert kept.get(LIST).status_code == 200


@pytest.mark.django_db
def test_a_token_of_a_deactivated_account_is_refused(users):
    client = token_client(users["partner"])
    users["partner"].is_active = False
    users["partner"].save()
    assert client.get(LIST).status_code == 401


@pytest.mark.django_db
def test_using_a_token_records_when_it_was_last_used(users):
    client = token_client(users["partner"])
    assert ApiToken.objects.get().last_used_at is None
    client.get(LIST)
    assert ApiToken.objects.get().last_used_at is not None


# --- 403, 404, 405, 400, 500 ------------------------------------------------------------------------------------


@probe
@pytest.mark.django_db
def test_a_role_too_weak_gets_403_and_an_outsider_404_as_json(users, partnership):
    url = f"/probe/{partnership.pk}/"
    donor, outsider = token_client(users["donor"]).get(url), token_client(users["outsider"]).get(url)
    assert (donor.status_code, outsider.status_code) == (403, 404)
    assert donor.json()["detail"] and outsider.json()["detail"]
    assert token_client(users["partner"]).get(url).json() == {"name": "Cocoa Partnership"}


@probe
@pytest.mark.django_db
def test_a_write_by_a_partner_is_refused_with_403(users, partnership):
    answer = token_client(users["partner"]).post(f"/probe/{partnership.pk}/", {"value": "1"}, format="json")
    assert answer.status_code == 403 and answer.json()["detail"]


@probe
@pytest.mark.django_db
@pytest.mark.parametrize(
    "body, errors",
    [
        ({}, {"value": ["This field is required."]}),
        ({"value": "lots"}, {"value": ["A valid number is required."]}),
        ({"model": True, "value": "1"}, {"value": ["The model says no."]}),
    ],
    ids=["missing", "not a number", "refused by the service"],
)
def test_invalid_data_gets_400_naming_each_field(users, partnership, body, errors):
    answer = token_client(users["secretariat"]).post(f"/probe/{partnership.pk}/", body, format="json")
    assert answer.status_code == 400
    assert answer.json() == {"detail": "The data is not valid.", "errors": errors}


@probe
@pytest.mark.django_db
def test_a_body_that_is_not_json_gets_400(users, partnership):
    client = token_client(users["secretariat"])
    answer = client.post(f"/probe/{partnership.pk}/", "{value: 1", content_type="application/json")
    assert answer.status_code == 400 and "JSON" in answer.json()["detail"]
    answer = client.post(f"/probe/{partnership.pk}/", "value=1", content_type="application/x-www-form-urlencoded")
    assert answer.status_code == 415 and answer.json()["detail"]


@probe
@pytest.mark.django_db
def test_a_crash_of_ours_is_a_json_500_and_is_logged(users, partnership, caplog):
    with caplog.at_level(logging.ERROR, logger="django.request"):
        answer = token_client(users["secretariat"]).post(f"/probe/{partnership.pk}/", {"crash": 1}, format="json")
    assert answer.status_code == 500
    assert "went wrong on our side" in answer.json()["detail"]
    assert "the probe crashed" not in answer.content.decode()  # no internals in the answer
    assert any(r.exc_info and "the probe crashed" in str(r.exc_info[1]) for r in caplog.records)


@pytest.mark.django_db
def test_a_method_an_endpoint_does_not_take_gets_405_as_json(users):
    answer = token_client(users["secretariat"]).post(LIST, {}, format="json")
    assert answer.status_code == 405
    assert answer.json() == {"detail": 'Method "POST" not allowed.'}


@pytest.mark.django_db
def test_an_address_that_is_no_endpoint_gets_a_json_404(users):
    client = token_client(users["partner"])
    answer = client.get("/api/v1/no-such-thing/")
    assert answer.status_code == 404 and answer["Content-Type"] == "application/json"
    assert "no endpoint" in answer.json()["detail"]
    # Without its trailing slash, the address that exists is named.
    answer = client.delete("/api/v1/partnerships")
    assert answer.status_code == 404
    assert "Did you mean /api/v1/partnerships/?" in answer.json()["detail"]
    # Even without a token: an unknown address says nothing about anyone's data.
    assert token_client(None).get("/api/v1/nothing/here/").status_code == 404


# --- Pages of results -------------------------------------------------------------------------------------------


@pytest.fixture
def three(users, partnership):
    """The secretariat holds a role on three partnerships (the standing one, "B…" and "C…")."""
    for name in ("Beans", "Coffee"):
        RoleFactory(partnership=PartnershipFactory(name=name), user=users["secretariat"], role=Role.SECRETARIAT)
    return token_client(users["secretariat"])


@pytest.mark.django_db
def test_a_list_comes_in_pages_of_the_size_asked(three):
    first = three.get(LIST + "?page_size=2").json()
    assert first["count"] == 3 and len(first["results"]) == 2 and first["previous"] is None
    assert "page=2" in first["next"] and "page_size=2" in first["next"]
    second = three.get(first["next"]).json()
    assert [p["name"] for p in second["results"]] == ["Coffee"] and second["next"] is None
    assert three.get(LIST + "?page_size=2&page=last").json()["results"] == second["results"]


@pytest.mark.django_db
def test_a_page_size_over_the_maximum_is_cut_to_it(three, monkeypatch):
    monkeypatch.setattr(Pagination, "max_page_size", 2)
    assert len(three.get(LIST + "?page_size=500").json()["results"]) == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, parameter",
    [("page=abc", "page"), ("page=0", "page"), ("page=-1", "page"), ("page_size=ten", "page_size"),
     ("page_size=0", "page_size")],
)  # fmt: skip
def test_a_page_number_or_size_that_is_not_a_whole_number_gets_400(three, query, parameter):
    answer = three.get(f"{LIST}?{query}")
    assert answer.status_code == 400
    body = answer.json()
    assert "whole number" in body["detail"] and list(body["errors"]) == [parameter]


@pytest.mark.django_db
def test_a_page_past_the_last_gets_404_saying_how_many_there_are(three):
    answer = three.get(LIST + "?page_size=2&page=9")
    assert answer.status_code == 404
    assert answer.json() == {"detail": "There is no page 9: the pages run from 1 to 2."}


# --- Throttling -------------------------------------------------------------------------------------------------


@pytest.mark.django_db
@override_settings(API_RATE="2/m")
def test_a_token_over_its_rate_gets_429_and_another_token_is_not_throttled(users):
    busy, other = token_client(users["partner"]), token_client(users["partner"])
    assert [busy.get(LIST).status_code for _ in range(2)] == [200, 200]
    answer = busy.get(LIST)
    assert answer.status_code == 429
    assert answer.json()["detail"].startswith("Too many requests with this API token. Try again in ")
    assert 0 < int(answer["Retry-After"]) <= 60
    assert other.get(LIST).status_code == 200


# --- ETag -------------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_detail_answers_304_to_its_etag_until_the_record_changes(users, partnership):
    client = token_client(users["donor"])
    first = client.get(_detail(partnership))
    etag = first["ETag"]
    assert first.status_code == 200 and etag.startswith('"') and first["Cache-Control"] == "private, no-cache"
    again = client.get(_detail(partnership), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == etag
    # A proxy that compressed the answer marks the tag weak: it still matches.
    assert client.get(_detail(partnership), HTTP_IF_NONE_MATCH=f"W/{etag}").status_code == 304

    partnership.name = "Cocoa and Coffee Partnership"
    partnership.save()
    changed = client.get(_detail(partnership), HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert changed.json()["name"] == "Cocoa and Coffee Partnership"


@pytest.mark.django_db
def test_an_etag_of_another_record_does_not_match(users, partnership):
    client = token_client(users["secretariat"])
    other = PartnershipFactory(name="Beans")
    RoleFactory(partnership=other, user=users["secretariat"], role=Role.SECRETARIAT)
    etag = client.get(_detail(other))["ETag"]
    assert client.get(_detail(partnership), HTTP_IF_NONE_MATCH=etag).status_code == 200


@pytest.mark.django_db
def test_a_body_too_large_is_refused_with_a_json_message(users, partnership, settings):
    """A script sending megabytes (a narrative pasted from a file by mistake) gets JSON it can read, not a page."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    client = token_client(users["secretariat"])
    body = {"title": "x" * 20_000}
    answer = client.post(f"/api/v1/partnerships/{partnership.pk}/decisions/", body, format="json")
    assert answer.status_code == 413
    assert "too large" in answer.json()["detail"]
