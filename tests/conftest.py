"""Standing users for every role on one partnership, and helpers shared by the suite.

`partnership` has a secretariat member, a partner and a donor; `outsider` has a role on another partnership
only; `superuser` has no role anywhere.
"""

import os
import shutil
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from django.db import connection, transaction

from msp.models import Role

from . import migrated_db
from .factories import PartnershipFactory, RoleFactory, UserFactory

CI = bool(os.environ.get("MSP_CI"))


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    request,
    django_db_modify_db_settings_parallel_suffix,
    django_db_use_migrations,
    django_db_keepdb,
    django_db_createdb,
):
    """On SQLite, the test database is migrated once per run, not once per xdist worker (tests/migrated_db.py)."""
    if migrated_db.applies_to(connection, django_db_use_migrations, django_db_keepdb):
        migrated_db.migrate_once_per_run(connection, migrated_db.run_id(request.config), rebuild=django_db_createdb)


@pytest.fixture
def gate_rules():
    """Fake success-factor rules (tests/gates.py): `gate_rules.say("CS-1", Result.FAIL, "evidence")`."""
    from tests.gates import FakeRules

    with FakeRules() as rules:
        yield rules


@pytest.fixture
def gates_open(gate_rules):
    """Every phase gate passes: for tests that move a partnership forward and test something else."""
    return gate_rules


@pytest.fixture
def partnership(db):
    return PartnershipFactory(name="Cocoa Partnership", countries=["GH", "CI"], sdg_goals=[1], sdg_targets=["15.2"])


@pytest.fixture
def secretariat(partnership):
    return RoleFactory(partnership=partnership, user=UserFactory(username="sara"), role=Role.SECRETARIAT).user


@pytest.fixture
def partner(partnership):
    return RoleFactory(partnership=partnership, user=UserFactory(username="pablo"), role=Role.PARTNER).user


@pytest.fixture
def donor(partnership):
    return RoleFactory(partnership=partnership, user=UserFactory(username="dora"), role=Role.DONOR).user


@pytest.fixture
def outsider(db):
    elsewhere = PartnershipFactory(name="Somebody else's partnership")
    return RoleFactory(partnership=elsewhere, user=UserFactory(username="olga"), role=Role.SECRETARIAT).user


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_staff=True, is_superuser=True)


@pytest.fixture
def users(secretariat, partner, donor, outsider, superuser):
    return {
        "secretariat": secretariat,
        "partner": partner,
        "donor": donor,
        "outsider": outsider,
        "superuser": superuser,
    }


# WeasyPrint takes seconds per PDF, and most tests that make one (every demo load renders the donor reports) only
# need *a* PDF. Each worker process keeps what it rendered, keyed on every argument, so the same HTML with the same
# options gives the bytes a real render gave it (the renders are reproducible: dates from the HTML, fixed file
# identifiers); different HTML is rendered for real, and WeasyPrint failing to load still fails. Tests marked `real_pdf` always render.
_RENDERED_PDFS = {}
_PDF_RENDERERS = ("msp.pdf", "msp.documents", "governance.pdf")


@pytest.fixture(autouse=True)
def _render_pdf_once_per_process(request, monkeypatch):
    if request.node.get_closest_marker("real_pdf"):
        return
    _reuse_rendered_pdfs(monkeypatch)


def _reuse_rendered_pdfs(monkeypatch):
    from msp import pdf

    real = pdf.render_pdf

    def render_pdf(html, base_url=None, **options):
        try:
            import weasyprint  # noqa: F401  as the real one: a test may make it fail to load
        except (OSError, ImportError) as exc:
            raise pdf.PdfUnavailable(str(exc)) from exc
        key = (html, base_url, tuple(sorted(options.items())))
        if key not in _RENDERED_PDFS:
            _RENDERED_PDFS[key] = real(html, base_url, **options)
        return _RENDERED_PDFS[key]

    for module in _PDF_RENDERERS:
        if getattr(import_module(module), "render_pdf", None) is real:
            monkeypatch.setattr(f"{module}.render_pdf", render_pdf)


# The demo takes seconds to load. Tests that only need it there (and run in a savepoint, `db`, not committing)
# take `shared_demo`: loaded in a transaction kept open while the next test also takes it, rolled back before
# any other test runs. Those tests are run one after another (below), so a worker loads it about once.
_SHARED_DEMO = {"atomic": None, "next": None}


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item, nextitem):
    _SHARED_DEMO["next"] = nextitem


@pytest.fixture(scope="module")
def shared_demo(django_db_setup, django_db_blocker):
    """The demo data, loaded once for consecutive tests that take this fixture (with `db`)."""
    with django_db_blocker.unblock():
        if _SHARED_DEMO["atomic"] is None:
            atomic = transaction.atomic()
            atomic.__enter__()
            _SHARED_DEMO["atomic"] = atomic
            try:
                with pytest.MonkeyPatch.context() as monkeypatch:
                    _reuse_rendered_pdfs(monkeypatch)  # as in the tests: the demo's reports are PDFs
                    call_command("demo", quiet_logins=True)
            except BaseException:
                _close_shared_demo()
                raise
    yield
    following = _SHARED_DEMO["next"]
    if following is None or "shared_demo" not in getattr(following, "fixturenames", ()):
        with django_db_blocker.unblock():
            _close_shared_demo()


def _close_shared_demo():
    atomic, _SHARED_DEMO["atomic"] = _SHARED_DEMO["atomic"], None
    transaction.set_rollback(True)
    atomic.__exit__(None, None, None)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """After pytest-django's order (savepoint tests, then committing ones, then those without a database), the
    tests taking `shared_demo` are moved together to the end of the savepoint tests."""
    shared = [item for item in items if "shared_demo" in getattr(item, "fixturenames", ())]
    if not shared:
        return
    rest = [item for item in items if "shared_demo" not in getattr(item, "fixturenames", ())]
    at = next((i for i, item in enumerate(rest) if not _in_a_savepoint(item)), len(rest))
    items[:] = rest[:at] + shared + rest[at:]


def _in_a_savepoint(item):
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    if "transactional_db" in fixtures or "live_server" in fixtures:
        return False
    if marker is not None:
        return not (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
    return "db" in fixtures


def needs_postgres():
    """Row locks are only real on PostgreSQL; CI always runs there, so there the test must not skip."""
    if connection.vendor != "postgresql":
        if CI:
            pytest.fail("MSP_CI is set but the suite is not running on PostgreSQL (set DATABASE_URL).")
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")


def needs_chromium():
    if not shutil.which("chromium") and not os.path.exists("/usr/bin/chromium"):
        if CI:
            pytest.fail("MSP_CI is set but Debian's chromium is not installed.")
        pytest.skip("needs Debian's chromium (apt-get install chromium)")


# Every codelist a data migration loads: (app, a model the loader fills, the migration that loads it). A new
# codelist migration belongs here too, or tests that commit find its table empty after another one's flush.
CODELISTS = [
    ("msp", "Country", "msp.migrations.0008_codelist_names_in_french"),
    ("stakeholders", "OrganisationType", "stakeholders.migrations.0006_organisation_type_name_in_french"),
]


@pytest.fixture
def reference_data(transactional_db):
    """The codelists of the data migrations (countries, currencies, SDGs, organisation types) for tests that commit.

    Such tests (threads, a Celery worker, the live server) end with a flush that empties every table, reference
    data included. Django's serialized_rollback would restore it, but not once Playwright runs an event loop in
    the main thread (connections are then per-context and lose the serialized copy), so reload it here, each
    codelist on its own: one being present says nothing about another (the demo's organisations need the types).
    """
    for app_label, model_name, migration in CODELISTS:
        if not django_apps.get_model(app_label, model_name).objects.exists():
            import_module(migration).load(django_apps, None)


def pytest_terminal_summary(terminalreporter):
    """How many forms and examples the bad-input walk (tests/test_bad_input.py) ran, also under xdist."""
    counts = [
        value
        for report in terminalreporter.stats.get("passed", []) + terminalreporter.stats.get("failed", [])
        if report.when == "call"
        for key, value in report.user_properties
        if key == "bad_input"
    ]
    if counts:
        forms, examples = (sum(column) for column in zip(*counts, strict=True))
        terminalreporter.write_line(f"bad input: {forms} forms on {len(counts)} URLs, {examples} examples")
