"""The URL walk's world, URLs and roles, shared by the walks over every page (tests/test_url_walk.py, the GET,
CSRF and bad-input walks, the table and export checks).

The walk enumerates the URL resolver, so a new page joins it automatically: it fails until the page is given an
access level (and, for object URLs, a way to find its object). Each app declares its own in
`tests/<app>/access_levels.py`: LEVELS (url name -> level), OBJECTS (url name -> {kwarg: function(world)}), and
optionally `build(world)`, which adds that app's objects to the shared world (one row of each of its models, so
the admin pages are walked too), and VARIANTS (url name -> [(label, {kwarg: function(world)}, level)]): the same
URL walked again with other objects, where the answer depends on the object (a version a donor may not read). The
expected answers per level are written out in EXPECTED, independently of msp.access, so a slip in the access module
shows there.

The world is built once per test module (`shared_world`, inside a transaction rolled back at the module's end; each
test runs in its own savepoint on top), because building it takes seconds and the walks have hundreds of tests.
"""

from importlib import import_module
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

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


def _walk(patterns, namespace=None, params=(), route=""):
    """(qualified name or None, URL parameter names, route) of every pattern of the resolver, named or not."""
    for p in patterns:
        names = tuple(params) + tuple(p.pattern.regex.groupindex)
        if isinstance(p, URLResolver):
            ns = f"{namespace}:{p.namespace}" if namespace and p.namespace else (p.namespace or namespace)
            yield from _walk(p.url_patterns, ns, names, route + str(p.pattern))
        elif isinstance(p, URLPattern):
            name = (f"{namespace}:{p.name}" if namespace else p.name) if p.name else None
            yield name, names, route + str(p.pattern)


PATTERNS = list(_walk(get_resolver().url_patterns))
ALL_URLS = {name: params for name, params, _ in PATTERNS if name}
# The REST API's endpoints answer JSON to token holders, not pages to sessions: tests/api/test_api_walk.py walks
# them for every role, as this walk does the pages.
API_URLS = sorted(name for name in ALL_URLS if name.startswith("api:"))
APP_URLS = sorted(name for name in ALL_URLS if not name.startswith(("admin:", "api:")))
ADMIN_URLS = sorted(name for name in ALL_URLS if name.startswith("admin:"))


def build(world):
    """Add every app's objects to `world` (the partnership and the standing users)."""
    for module in LEVEL_MODULES:
        if hasattr(module, "build"):
            module.build(world)
    return world


@pytest.fixture
def world(partnership, users):
    """The partnership with a secretariat, a partner and a donor, plus what each app's build() adds."""
    return build({"partnership": partnership, **users})


def standing_users():
    """The standing users of tests/conftest.py, made without its (function-scoped) fixtures."""
    from msp.models import Role
    from tests.factories import PartnershipFactory, RoleFactory, UserFactory

    partnership = PartnershipFactory(
        name="Cocoa Partnership", countries=["GH", "CI"], sdg_goals=[1], sdg_targets=["15.2"]
    )
    elsewhere = PartnershipFactory(name="Somebody else's partnership")
    users = {
        role: RoleFactory(partnership=partnership, user=UserFactory(username=name), role=role).user
        for role, name in ((Role.SECRETARIAT, "sara"), (Role.PARTNER, "pablo"), (Role.DONOR, "dora"))
    }
    outsider = RoleFactory(partnership=elsewhere, user=UserFactory(username="olga"), role=Role.SECRETARIAT).user
    superuser = UserFactory(username="root", is_staff=True, is_superuser=True)
    return {
        "partnership": partnership,
        "elsewhere": elsewhere,
        "secretariat": users[Role.SECRETARIAT],
        "partner": users[Role.PARTNER],
        "donor": users[Role.DONOR],
        "outsider": outsider,
        "superuser": superuser,
    }


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker):
    """The world, built once for the module: tests take it with `db` and run in a savepoint on top of it."""
    with django_db_blocker.unblock(), transaction.atomic():
        world = build_elsewhere(build(standing_users()))
        _SESSIONS[id(world)] = _signed_in_sessions(world)
        try:
            yield world
        finally:
            del _SESSIONS[id(world)]
            transaction.set_rollback(True)


# The shared world's signed-in sessions, one per role, made with the world (in the module's transaction, so every
# test's savepoint starts from them): signing in writes the session, the person's last sign-in and session record,
# their language and second-factor state, and the walks sign in up to six roles for each of their hundreds of tests.
_SESSIONS = {}


def _signed_in_sessions(world):
    from django.test import Client

    sessions = {}
    for role in ROLES:
        if world.get(role) is not None:
            client = Client()
            client.force_login(world[role])
            sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return sessions


def sign_in(client, world, role):
    """`client` signed in as the world's `role` (left anonymous for nobody): with the shared world's session of the
    role, or signing in anew on a world built for the test."""
    if world.get(role) is None:
        return client
    session = _SESSIONS.get(id(world), {}).get(role)
    if session is None:
        client.force_login(world[role])
    else:
        client.cookies[settings.SESSION_COOKIE_NAME] = session
    return client


def build_elsewhere(world):
    """Records of the outsider's partnership, whose ids a form of the world's partnership must refuse: a member
    organisation with a contact, an indicator with periods, a dimension, a governing body, a decision, a meeting
    and a budget line."""
    from governance import services
    from governance.models import RoadmapVersion
    from tests.factories import ContactFactory, MembershipFactory
    from tests.governance.factories import roadmap_draft
    from tests.monitoring import factories as f

    p, sec = world["elsewhere"], world["outsider"]
    organisation = MembershipFactory(partnership=p).organisation
    ContactFactory(organisation=organisation)
    indicator = f.IndicatorFactory(partnership=p, responsible=organisation, name="Elsewhere trained")
    f.quarters(indicator, count=1)
    f.CategoryFactory(dimension=f.DimensionFactory(partnership=p, name="Age"), name="Young")
    roadmap = RoadmapVersion.objects.filter(partnership=p, status="draft").first() or roadmap_draft(p, sec)
    services.result_node_save(version=roadmap, by=sec, level="impact", title="Elsewhere", owner=None)
    body = services.body_save(
        partnership=p, by=sec, type="steering_committee", name="Elsewhere Committee", majority_threshold="simple"
    )
    services.seat_save(body=body, by=sec, organisation=organisation, is_chair=False)
    services.decision_save(partnership=p, by=sec, title="Elsewhere decision", method="consent")
    services.budget_line_save(
        partnership=p, by=sec, category="secretariat", description="Elsewhere", year=2026, amount="1", currency="EUR"
    )
    return world


def url_for(name, world, fillers=None):
    """The URL of pattern `name` with the world's objects (or `fillers`' ones) in its parameters."""
    fillers = OBJECTS.get(name, {}) if fillers is None else fillers
    kwargs = {}
    for param in ALL_URLS[name]:
        if param == "partnership_pk":
            kwargs[param] = world["partnership"].pk
        elif param in fillers:
            kwargs[param] = fillers[param](world)
        else:
            pytest.fail(f"{name}: add how to find its {param!r} to OBJECTS in its app's access_levels.")
    return reverse(name, kwargs=kwargs)


def _url(name, params, world, fillers=None):  # the URL walk's older spelling, used by the page checks
    return url_for(name, world, fillers)


# --- Who may act, and what a request changed -------------------------------------------------------------------


def acting_role(level):
    """A role the level lets act (POST), or None: the walks post as this role."""
    if level in ("public", "gone"):
        return "anonymous" if level == "public" else None
    if level in POST_EXPECTED:
        answers, allowed = POST_EXPECTED[level]["post"], lambda answer: answer not in (LOGIN, 403, 404)
    else:
        answers, allowed = EXPECTED[level], lambda answer: answer == 200
    candidates = ("partner", "secretariat") if level.startswith("partner") else ("secretariat", "partner", "donor")
    return next((role for role in candidates if role not in answers or allowed(answers[role])), None)


EXCLUDED_TABLES = {"django_session"}  # signing in writes a session; that is not the page's doing


def row_counts():
    """Rows per table of the project (one query), the audit trail included."""
    with connection.cursor() as cursor:
        tables = sorted(set(connection.introspection.table_names(cursor)) - EXCLUDED_TABLES)
        quote = connection.ops.quote_name
        cursor.execute("SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in tables))
        return dict(zip(tables, cursor.fetchone(), strict=True))


def changed(before, after):
    """The tables whose row count differs, with both counts."""
    return {table: (before[table], after[table]) for table in before if after.get(table) != before[table]}


def snapshot():
    """Every row of every table (sessions aside), to tell that a request changed nothing, not even one field."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        tables = sorted(set(connection.introspection.table_names(cursor)) - EXCLUDED_TABLES)
        rows = {}
        for table in tables:
            cursor.execute(f"SELECT * FROM {quote(table)}")
            rows[table] = sorted(
                repr(tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)) for row in cursor.fetchall()
            )
        return rows


def differences(before, after):
    """What changed between two snapshots, per table: rows gone and rows new (a changed row is both)."""
    found = {}
    for table in before:
        gone = sorted(set(before[table]) - set(after[table]))
        new = sorted(set(after[table]) - set(before[table]))
        if gone or new:
            found[table] = {"gone": gone[:3], "new": new[:3]}
    return found
