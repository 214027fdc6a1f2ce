"""Every URL pattern of the project, for every kind of user.

The URLs, the levels, the expected answers and the world come from tests/walk_world.py (read its docstring to add
a page): each app declares its URLs' access levels in `tests/<app>/access_levels.py`.
"""

import re

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import reverse

from msp.models import Partnership, PartnershipRole
from tests import walk_world
from tests.security_headers import assert_security_headers
from tests.walk_world import (
    ADMIN_LOGIN,
    ADMIN_URLS,
    ALL_URLS,
    API_URLS,
    APP_URLS,
    EXPECTED,
    LEVELS,
    LOGIN,
    OBJECTS,
    PATTERNS,
    POST_EXPECTED,
    ROLES,
    VARIANTS,
    _url,
)

shared_world = walk_world.shared_world  # the world, built once for the module
world = walk_world.world  # the same, built per test: the table and export checks take it from here


def _check(response, expected, role, name):
    assert_security_headers(response, f"{name} as {role}")
    if expected == LOGIN:
        assert response.status_code == 302, f"{name} as {role}: {response.status_code}"
        assert response["Location"].startswith(reverse("login")), f"{name} as {role}: {response['Location']}"
    elif expected == ADMIN_LOGIN:
        assert response.status_code == 302, f"{name} as {role}: {response.status_code}"
        assert response["Location"].startswith(reverse("admin:login")), f"{name} as {role}"
    else:
        assert response.status_code == expected, f"{name} as {role}: {response.status_code}, expected {expected}"


def test_every_url_has_an_access_level():
    missing = [name for name in APP_URLS if name not in LEVELS]
    assert not missing, f"Give these URLs an access level in LEVELS: {missing}"


@pytest.mark.parametrize("name", APP_URLS)
@pytest.mark.django_db
def test_app_url(name, shared_world, client_factory):
    world = shared_world
    level = LEVELS.get(name)
    if level is None:
        pytest.fail(f"{name} has no access level")
    _walk_url(name, _url(name, ALL_URLS[name], world), level, world, client_factory)


@pytest.mark.parametrize(("name", "label", "objects", "level"), VARIANTS, ids=[f"{v[0]} ({v[1]})" for v in VARIANTS])
@pytest.mark.django_db
def test_app_url_variant(name, label, objects, level, shared_world, client_factory):
    world = shared_world
    _walk_url(f"{name} ({label})", _url(name, ALL_URLS[name], world, objects), level, world, client_factory)


def _walk_url(name, url, level, world, client_factory):
    for role in ROLES:
        client = walk_world.sign_in(client_factory(), world, role)
        if level in POST_EXPECTED:
            _check(client.get(url), POST_EXPECTED[level]["get"][role], role, name)
            expected = POST_EXPECTED[level]["post"].get(role)
            with transaction.atomic():  # undo what an allowed action did, for the next role
                response = client.post(url)
                transaction.set_rollback(True)
            if expected is None:
                assert response.status_code not in (403, 404, 500), f"{name} as {role}: {response.status_code}"
            else:
                _check(response, expected, role, name)
        else:
            _check(client.get(url), EXPECTED[level][role], role, name)


@pytest.mark.django_db
def test_outsider_post_changes_nothing(shared_world, client):
    """A refused action leaves no trace: the partnership is still in its phase, the role still there."""
    world = shared_world
    client.force_login(world["outsider"])
    partnership = world["partnership"]
    client.post(reverse("phases:advance", kwargs={"partnership_pk": partnership.pk}), {"to_phase": 2})
    client.post(reverse("msp:role_revoke", kwargs={"partnership_pk": partnership.pk, "pk": world["partner_role"].pk}))
    partnership.refresh_from_db()
    assert partnership.phase == 1
    assert PartnershipRole.objects.filter(pk=world["partner_role"].pk).exists()


# --- Django admin ----------------------------------------------------------------------------------------------

ADMIN_SPECIAL = {
    # admin pages that are not a model's: what the superuser gets
    "admin:login": 302,  # already signed in: on to the admin index
    "admin:logout": 405,
    "admin:autocomplete": 403,  # without its query parameters
    "admin:view_on_site": 302,
}


def _admin_kwargs(name, params, world):
    kwargs = {}
    model_admin = _model_admin_for(name)
    for param in params:
        if param == "app_label":
            kwargs[param] = "msp"
        elif param == "content_type_id":
            kwargs[param] = ContentType.objects.get_for_model(Partnership).pk
        elif param == "object_id" and model_admin is None:
            kwargs[param] = world["partnership"].pk
        elif param in ("object_id", "id"):
            obj = model_admin.model._default_manager.first()
            assert obj is not None, f"{name}: create a {model_admin.model.__name__} in the `world` fixture"
            kwargs[param] = obj.pk
        else:
            pytest.fail(f"{name}: unknown admin URL parameter {param}")
    return kwargs


def _model_admin_for(name):
    for model, model_admin in admin.site._registry.items():
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}_"
        if name.startswith(prefix):
            return model_admin
    return None


def _superuser_expectation(name, rf, superuser):
    if name in ADMIN_SPECIAL:
        return ADMIN_SPECIAL[name]
    model_admin = _model_admin_for(name)
    if model_admin is None:
        return 200
    request = rf.get("/")
    request.user = superuser
    if name.endswith("_add") and not model_admin.has_add_permission(request):
        return 403
    if name.endswith("_delete") and not model_admin.has_delete_permission(request):
        return 403
    return 200


@pytest.mark.parametrize("name", ADMIN_URLS)
@pytest.mark.django_db
def test_admin_url(name, shared_world, client_factory, rf):
    world = shared_world
    url = reverse(name, kwargs=_admin_kwargs(name, ALL_URLS[name], world))
    for role in ROLES:
        client = walk_world.sign_in(client_factory(), world, role)
        response = client.get(url)
        if role == "superuser":
            _check(response, _superuser_expectation(name, rf, world["superuser"]), role, name)
        elif name in ("admin:login", "admin:jsi18n"):
            assert response.status_code in (200, 302), f"{name} as {role}"
        elif name == "admin:logout":
            assert response.status_code in (302, 405)
        else:
            _check(response, ADMIN_LOGIN, role, name)


@pytest.fixture
def client_factory():
    from django.test import Client

    return Client


# --- Coverage (issue 15, acceptance 1) ---------------------------------------------------------------------------

DJANGO_ADMIN_UNNAMED = re.compile(r"admin/\w+/\w+/<path:object_id>/|admin/\(\?P<url>\.\*\)\$")


def test_the_walk_covers_every_url_pattern_for_every_role():
    """Every pattern of the resolver is walked, for every role: it has a name (the walk finds patterns by name), one
    pattern per name, an access level whose expected answers name every role, and a way to fill its parameters."""
    # Django's admin keeps unnamed patterns of its own: per model the old object URL, redirecting to the (walked)
    # change page, and its catch-all, which sends anyone not staff to the admin sign-in.
    unnamed = [r for name, _, r in PATTERNS if name is None and not DJANGO_ADMIN_UNNAMED.fullmatch(r)]
    names = [name for name, _, _ in PATTERNS if name]
    # A name given twice to one route is the project's pattern shadowing Django's (the rate-limited sign-in).
    routes = {(name, route) for name, _, route in PATTERNS if name}
    duplicates = sorted({name for name, _ in routes if sum(1 for other, _ in routes if other == name) > 1})
    without_level = [name for name in APP_URLS if name not in LEVELS]
    unknown_level = [f"{name}: {level}" for name, level in LEVELS.items() if level not in {**EXPECTED, **POST_EXPECTED}]
    stale = [name for name in LEVELS if name not in ALL_URLS]
    roles_missing = [
        f"{name}: {sorted(set(ROLES) - set(answers))}"
        for name, level in LEVELS.items()
        for answers in [EXPECTED.get(level) or POST_EXPECTED.get(level, {}).get("get", {})]
        if set(answers) != set(ROLES)
    ]
    unfillable = [
        f"{name}: {param}"
        for name in APP_URLS
        for param in ALL_URLS[name]
        if param != "partnership_pk" and param not in OBJECTS.get(name, {})
    ]
    problems = {
        "patterns without a name": unnamed,
        "names given to several patterns": duplicates,
        "URLs without an access level": without_level,
        "unknown levels": unknown_level,
        "levels of URLs that no longer exist": stale,
        "levels that leave roles out": roles_missing,
        "parameters the walk cannot fill (OBJECTS)": unfillable,
    }
    assert {problem: found for problem, found in problems.items() if found} == {}
    # What the parametrised walks collect: every named pattern, each walked for every role in ROLES.
    assert sorted(APP_URLS + ADMIN_URLS + API_URLS) == sorted(set(names))
    assert set(ROLES) == {"anonymous", "outsider", "partner", "donor", "secretariat", "superuser"}
