"""Every URL pattern of the project, for every kind of user.

The walk enumerates the URL resolver, so a new page joins it automatically: it fails until the page is given an
access level (and, for object URLs, a way to find its object). Each app declares its own in
`tests/<app>/access_levels.py`: LEVELS (url name -> level), OBJECTS (url name -> {kwarg: function(world)}), and
optionally `build(world)`, which adds that app's objects to the shared world (one row of each of its models, so
the admin pages are walked too), and VARIANTS (url name -> [(label, {kwarg: function(world)}, level)]): the same
URL walked again with other objects, where the answer depends on the object (a version a donor may not read). The expected answers per level are written out in EXPECTED, independently of
msp.access, so a slip in the access module shows here.
"""

from importlib import import_module
from pathlib import Path

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from msp.models import Partnership, PartnershipRole
from tests.security_headers import assert_security_headers

ROLES = ["anonymous", "outsider", "partner", "donor", "secretariat", "superuser"]
LOGIN, ADMIN_LOGIN = "login", "admin-login"

# What each level answers to GET, per role. LOGIN: redirect to the sign-in page.
EXPECTED = {
    "public": dict(anonymous=200, outsider=200, partner=200, donor=200, secretariat=200, superuser=200),
    "signed-in": dict(anonymous=LOGIN, outsider=200, partner=200, donor=200, secretariat=200, superuser=200),
    # Starting a partnership: secretariat staff (the outsider is secretariat of another partnership).
    "creator": dict(anonymous=LOGIN, outsider=200, partner=403, donor=403, secretariat=200, superuser=200),
    # The organisation registry, shared by all partnerships: secretariat staff of any partnership keep it.
    "registry": dict(anonymous=LOGIN, outsider=200, partner=403, donor=403, secretariat=200, superuser=200),
    "summary": dict(anonymous=LOGIN, outsider=404, partner=200, donor=200, secretariat=200, superuser=200),
    "member": dict(anonymous=LOGIN, outsider=404, partner=200, donor=403, secretariat=200, superuser=200),
    # A roadmap or MoU version that is not agreed (a draft, in review, being signed, or superseded before it was
    # agreed): the members' work in progress. To a donor it does not exist, like a version never made.
    "unagreed": dict(anonymous=LOGIN, outsider=404, partner=200, donor=404, secretariat=200, superuser=200),
    # A meeting paper not yet shared: the secretariat's draft, which to a partner does not exist (donors see no
    # meetings at all).
    "unshared": dict(anonymous=LOGIN, outsider=404, partner=404, donor=403, secretariat=200, superuser=200),
    "secretariat": dict(anonymous=LOGIN, outsider=404, partner=403, donor=403, secretariat=200, superuser=200),
    # A report version not released or published yet: the secretariat's draft, which to partners and donors does
    # not exist (they read the delivered versions).
    "draft": dict(anonymous=LOGIN, outsider=404, partner=404, donor=404, secretariat=200, superuser=200),
    # A public page that is not (or no longer) published: gone for everyone, signed in or not.
    "gone": dict.fromkeys(ROLES, 404),
    # A page for acting for one's organisation (recording its position): partners only; the secretariat is neutral.
    "partner": dict(anonymous=LOGIN, outsider=404, partner=200, donor=403, secretariat=403, superuser=403),
    # A person's own record (their portfolio report, which the world gives the donor): to anyone else it does not
    # exist, superusers included.
    "owner": dict(anonymous=LOGIN, outsider=404, partner=404, donor=200, secretariat=404, superuser=404),
    "admin": dict(
        anonymous=ADMIN_LOGIN,
        outsider=ADMIN_LOGIN,
        partner=ADMIN_LOGIN,
        donor=ADMIN_LOGIN,
        secretariat=ADMIN_LOGIN,
        superuser=200,
    ),
}
# Actions (POST only): GET never acts (405, or the sign-in page for anonymous users); POST is refused for those
# without the right. A role missing from "post" may act: its answer must just not be 403, 404 or 500.
POST_EXPECTED = {
    "secretariat-action": {
        "get": dict(anonymous=LOGIN, outsider=405, partner=405, donor=405, secretariat=405, superuser=405),
        "post": dict(anonymous=LOGIN, outsider=404, partner=403, donor=403),
    },
    # Acting for one's organisation (approve, sign): partners only. The secretariat is neutral and does not act
    # for an organisation, so it is refused like the donor (superusers pass only what the secretariat may).
    "partner-action": {
        "get": dict(anonymous=LOGIN, outsider=405, partner=405, donor=405, secretariat=405, superuser=405),
        "post": dict(anonymous=LOGIN, outsider=404, donor=403, secretariat=403, superuser=403),
    },
    # Comments: secretariat and partners.
    "member-action": {
        "get": dict(anonymous=LOGIN, outsider=405, partner=405, donor=405, secretariat=405, superuser=405),
        "post": dict(anonymous=LOGIN, outsider=404, donor=403),
    },
    # Something anyone signed in does for themselves (asking for their portfolio report).
    "signed-in-action": {
        "get": dict(anonymous=LOGIN, outsider=405, partner=405, donor=405, secretariat=405, superuser=405),
        "post": dict(anonymous=LOGIN),
    },
    # Something one does to one's own record (retrying one's portfolio report): to anyone else it does not exist.
    "owner-action": {
        "get": dict(anonymous=LOGIN, outsider=405, partner=405, donor=405, secretariat=405, superuser=405),
        "post": dict(anonymous=LOGIN, outsider=404, partner=404, secretariat=404, superuser=404),
    },
    # The language switcher: anyone, back to the page they were on.
    "language": {
        "get": dict.fromkeys(ROLES, 405),
        "post": dict.fromkeys(ROLES, 302),
    },
    "logout": {
        "get": dict.fromkeys(ROLES, 405),
        "post": dict.fromkeys(ROLES, 200),  # the "you are signed out" page
    },
}

LEVEL_MODULES = [
    import_module(f"tests.{path.parent.name}.access_levels")
    for path in sorted(Path(__file__).parent.glob("*/access_levels.py"))
]
LEVELS = {name: level for module in LEVEL_MODULES for name, level in module.LEVELS.items()}
OBJECTS = {name: objs for module in LEVEL_MODULES for name, objs in getattr(module, "OBJECTS", {}).items()}
VARIANTS = [
    (name, label, objects, level)
    for module in LEVEL_MODULES
    for name, variants in getattr(module, "VARIANTS", {}).items()
    for label, objects, level in variants
]


def _walk(patterns, namespace=None, params=()):
    for p in patterns:
        names = tuple(params) + tuple(p.pattern.regex.groupindex)
        if isinstance(p, URLResolver):
            ns = f"{namespace}:{p.namespace}" if namespace and p.namespace else (p.namespace or namespace)
            yield from _walk(p.url_patterns, ns, names)
        elif isinstance(p, URLPattern) and p.name:
            yield (f"{namespace}:{p.name}" if namespace else p.name), names


ALL_URLS = dict(_walk(get_resolver().url_patterns))
APP_URLS = sorted(name for name in ALL_URLS if not name.startswith("admin:"))
ADMIN_URLS = sorted(name for name in ALL_URLS if name.startswith("admin:"))


@pytest.fixture
def world(partnership, users):
    """The partnership with a secretariat, a partner and a donor, plus what each app's build() adds."""
    world = {"partnership": partnership, **users}
    for module in LEVEL_MODULES:
        if hasattr(module, "build"):
            module.build(world)
    return world


def _client(client, user):
    if user is not None:
        client.force_login(user)
    return client


def _url(name, params, world, fillers=None):
    fillers = OBJECTS.get(name, {}) if fillers is None else fillers
    kwargs = {}
    for param in params:
        if param == "partnership_pk":
            kwargs[param] = world["partnership"].pk
        elif param in fillers:
            kwargs[param] = fillers[param](world)
        else:
            pytest.fail(f"{name}: add how to find its {param!r} to OBJECTS in {__name__}.")
    return reverse(name, kwargs=kwargs)


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
def test_app_url(name, world, client_factory):
    level = LEVELS.get(name)
    if level is None:
        pytest.fail(f"{name} has no access level")
    _walk_url(name, _url(name, ALL_URLS[name], world), level, world, client_factory)


@pytest.mark.parametrize(("name", "label", "objects", "level"), VARIANTS, ids=[f"{v[0]} ({v[1]})" for v in VARIANTS])
@pytest.mark.django_db
def test_app_url_variant(name, label, objects, level, world, client_factory):
    _walk_url(f"{name} ({label})", _url(name, ALL_URLS[name], world, objects), level, world, client_factory)


def _walk_url(name, url, level, world, client_factory):
    for role in ROLES:
        client = _client(client_factory(), world.get(role))
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


def test_outsider_post_changes_nothing(world, client):
    """A refused action leaves no trace: the partnership is still in its phase, the role still there."""
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
def test_admin_url(name, world, client_factory, rf):
    url = reverse(name, kwargs=_admin_kwargs(name, ALL_URLS[name], world))
    for role in ROLES:
        client = _client(client_factory(), world.get(role))
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
