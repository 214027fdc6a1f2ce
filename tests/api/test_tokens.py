"""Personal API tokens on their pages: made with a name, the key shown once, listed, revoked; one's own only; at
most MAX_ACTIVE_TOKENS active; with REQUIRE_TWO_FACTOR, secretariat staff and superusers make them only from a
session verified with a second factor."""

import logging

import pytest
from django.test import override_settings
from django.urls import reverse
from rest_framework.test import APIClient

from api.models import ApiToken, digest
from api.pages.tokens import NEW_KEY
from api.services import MAX_ACTIVE_TOKENS
from msp.models import PartnershipRole, Role
from tests.accounts.conftest import totp_now, with_two_factor  # noqa: F401  (a fixture)

TOKENS = reverse("developer:tokens")
NEW = reverse("developer:token_create")
KEY_PAGE = reverse("developer:token_created")


def _api(key):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    return client


def _make(client, name="M&E sync"):
    response = client.post(NEW, {"name": name})
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert response["Location"] == KEY_PAGE  # the key is never in an address
    page = client.get(KEY_PAGE)
    return page, page.context["key"]


@pytest.fixture
def signed_in(client, partner):
    client.force_login(partner)
    return client


@pytest.mark.django_db
def test_with_no_tokens_the_page_says_what_they_are_for(signed_in):
    page = signed_in.get(TOKENS).content.decode()
    assert "You have no API tokens." in page
    assert reverse("developer:docs") in page and NEW in page


@pytest.mark.django_db
def test_the_account_menu_leads_to_the_tokens_and_the_documentation(signed_in):
    page = signed_in.get(reverse("inbox:my_work")).content.decode()
    assert TOKENS in page and reverse("developer:docs") in page


@pytest.mark.django_db
def test_a_new_token_s_key_is_shown_once_and_works(signed_in, partner, partnership):
    page, key = _make(signed_in)
    html = page.content.decode()
    assert key.startswith("msp_") and key in html and "shown only this once" in html
    assert page["Cache-Control"].startswith("max-age=0") and "no-store" in page["Cache-Control"]
    assert NEW_KEY not in signed_in.session  # gone from the session as soon as it was shown
    again = signed_in.get(KEY_PAGE).content.decode()
    assert key not in again and "No new key to show." in again

    token = ApiToken.objects.get(user=partner)
    assert token.name == "M&E sync" and token.key_hash == digest(key) and key.startswith(token.prefix)
    answer = _api(key).get("/api/v1/partnerships/")
    assert [p["name"] for p in answer.json()["results"]] == [partnership.name]


@pytest.mark.django_db
def test_a_key_whose_page_was_not_opened_is_dropped_by_the_next_token_page(signed_in):
    signed_in.post(NEW, {"name": "Lost"})
    assert NEW_KEY in signed_in.session
    signed_in.get(TOKENS)
    assert NEW_KEY not in signed_in.session
    assert "No new key to show." in signed_in.get(KEY_PAGE).content.decode()


@pytest.mark.django_db
def test_the_list_shows_each_token_without_its_key(signed_in):
    _page, key = _make(signed_in)
    listed = signed_in.get(TOKENS).content.decode()
    assert "M&amp;E sync" in listed and key[:8] + "…" in listed and key not in listed
    assert "never" in listed
    _api(key).get("/api/v1/partnerships/")
    assert "never" not in signed_in.get(TOKENS).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, error", [("", "This field is required."), ("x" * 101, "at most 100 characters"), ("   ", "required")]
)
def test_a_token_needs_a_name(signed_in, name, error):
    response = signed_in.post(NEW, {"name": name})
    assert response.status_code == 200 and error in response.content.decode()
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_two_active_tokens_cannot_share_a_name_but_a_revoked_one_s_name_is_free(signed_in, partner):
    _make(signed_in, "Sync")
    response = signed_in.post(NEW, {"name": "sync"})
    assert response.status_code == 200
    assert "You already have an active token with this name" in response.content.decode()
    assert response.context["form"]["name"].value() == "sync"  # what was typed is kept
    ApiToken.objects.get(user=partner).revoke()
    _make(signed_in, "Sync")
    assert ApiToken.objects.filter(user=partner).count() == 2


@pytest.mark.django_db
def test_a_person_has_at_most_the_limit_of_active_tokens(signed_in, partner):
    for i in range(MAX_ACTIVE_TOKENS):
        ApiToken.issue(partner, f"Script {i}")
    listed = signed_in.get(TOKENS).content.decode()
    assert f"You have {MAX_ACTIVE_TOKENS} active tokens, the most one person may have" in listed
    assert f'href="{NEW}"' not in listed
    response = signed_in.post(NEW, {"name": "One more"})
    assert response.status_code == 200 and "Revoke one you no longer use first." in response.content.decode()
    assert ApiToken.objects.filter(user=partner).count() == MAX_ACTIVE_TOKENS
    ApiToken.objects.filter(user=partner).first().revoke()
    _make(signed_in, "One more")


@pytest.mark.django_db
def test_revoking_a_token_stops_it_at_once(signed_in, partner, caplog):
    _page, key = _make(signed_in)
    token = ApiToken.objects.get(user=partner)
    with caplog.at_level(logging.INFO, logger="api.services"):
        response = signed_in.post(reverse("developer:token_revoke", args=[token.pk]), follow=True)
    assert "The token “M&amp;E sync” is revoked" in response.content.decode()
    assert "revoked" in response.content.decode()
    assert _api(key).get("/api/v1/partnerships/").status_code == 401
    assert any("revoked by user" in r.getMessage() and str(token.pk) in r.getMessage() for r in caplog.records)
    # The page asks before revoking (msp.js reads data-confirm), and revoking is a POST only.
    assert signed_in.get(reverse("developer:token_revoke", args=[token.pk])).status_code == 405


@pytest.mark.django_db
def test_making_a_token_is_logged_without_its_key(signed_in, caplog):
    with caplog.at_level(logging.INFO, logger="api.services"):
        _page, key = _make(signed_in)
    logged = [r.getMessage() for r in caplog.records if r.name == "api.services"]
    assert len(logged) == 1 and "made by user" in logged[0] and key not in logged[0]


@pytest.mark.django_db
def test_another_person_s_token_is_not_found(client, partner, donor):
    token, key = ApiToken.issue(donor, "Donor's script")
    client.force_login(partner)
    assert client.post(reverse("developer:token_revoke", args=[token.pk])).status_code == 404
    assert "Donor&#x27;s script" not in client.get(TOKENS).content.decode()
    token.refresh_from_db()
    assert token.revoked_at is None and _api(key).get("/api/v1/partnerships/").status_code == 200


# --- The two-factor rule ----------------------------------------------------------------------------------------


@pytest.mark.django_db
@override_settings(REQUIRE_TWO_FACTOR=True)
def test_secretariat_staff_without_a_second_factor_cannot_make_a_token(client, partner, partnership):
    client.force_login(partner)  # signed in as a partner: nothing to ask
    PartnershipRole.objects.filter(partnership=partnership, user=partner).update(role=Role.SECRETARIAT)  # promoted
    page = client.get(NEW)
    assert (
        page.status_code == 403 and "Set up two-factor sign-in before you make an API token." in page.content.decode()
    )
    assert client.post(NEW, {"name": "Sync"}).status_code == 403
    assert not ApiToken.objects.exists()
    assert "Set up two-factor sign-in" in client.get(TOKENS).content.decode()


@pytest.mark.django_db
@override_settings(REQUIRE_TWO_FACTOR=True)
def test_secretariat_staff_signed_in_with_their_second_factor_make_tokens(client, secretariat, with_two_factor):  # noqa: F811
    with_two_factor(secretariat)
    client.post(reverse("login"), {"username": "sara", "password": "pw"})
    client.post(reverse("accounts:two_factor_verify"), {"code": totp_now()})
    _page, key = _make(client)
    assert _api(key).get("/api/v1/partnerships/").status_code == 200


@pytest.mark.django_db
@override_settings(REQUIRE_TWO_FACTOR=False)
def test_without_the_requirement_anyone_signed_in_makes_tokens(client, secretariat):
    client.force_login(secretariat)
    _make(client)
