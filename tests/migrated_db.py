"""The migrated, empty SQLite test database, built once per run instead of once per xdist worker.

Migrating a new test database takes some ten seconds of CPU, and each pytest-xdist worker has its own (SQLite's test
database is in memory, one per process). So the first worker to get here migrates as usual and saves a copy of the
result in the system's temp folder; the others (and the next runs) copy it into their in-memory database with
SQLite's backup API instead of migrating. Everything else Django does to make a test database (serializing it for
`serialized_rollback`, the cache table) still happens as usual, after the copy.

The copy is named by a hash of everything migrating depends on (`cache_key`): a changed migration, model, data
file or setting gives another name, so a stale copy is never used. `--create-db` makes the first worker of the run
migrate again; `--nomigrations`, `--reuse-db` and PostgreSQL keep Django's own way.
"""

import fcntl
import hashlib
import os
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path
from unittest import mock

# What migrating reads besides the migrations themselves (every app's `migrations` folder is always hashed): the
# models (syncdb, content types and permissions), the triggers the migrations install, the codelists they load.
EXTRA_INPUTS = ("msp/records.py", "msp/data", "stakeholders/data")
ROOT = Path(__file__).resolve().parents[1]
# The settings migrating depends on.
SETTINGS = ("INSTALLED_APPS", "MIGRATION_MODULES", "DEFAULT_AUTO_FIELD", "AUTH_USER_MODEL", "LANGUAGES")


def migrate_once_per_run(connection, run_id, rebuild=False):
    """Make `connection`'s next test database creation copy the cached migrated database instead of migrating.

    `run_id` names this test run (xdist's `testrunuid`): with `rebuild`, the first worker of the run migrates again.
    """
    original = connection.creation.create_test_db

    def create_test_db(*args, **kwargs):
        from django.core import management

        real_call_command = management.call_command

        def call_command(name, *c_args, **options):
            if name != "migrate" or options.get("database") != connection.alias:
                return real_call_command(name, *c_args, **options)
            return _restore_or_migrate(connection, lambda: real_call_command(name, *c_args, **options), run_id, rebuild)

        del connection.creation.create_test_db  # once: back to the class's own method
        with mock.patch.object(management, "call_command", call_command):
            return original(*args, **kwargs)

    connection.creation.create_test_db = create_test_db


def applies_to(connection, use_migrations, keepdb):
    return (
        connection.vendor == "sqlite"
        and use_migrations
        and not keepdb
        and connection.creation.is_in_memory_db(connection.creation._get_test_db_name())
    )


def cache_path(connection):
    return Path(tempfile.gettempdir()) / f"msp-test-db-{cache_key(connection)}.sqlite3"


def cache_key(connection, root=ROOT):
    """A hash of every file and setting the migrated database depends on."""
    import django
    from django.apps import apps
    from django.conf import settings

    digest = hashlib.sha256()
    digest.update(repr((sys.version, django.__version__, sqlite3.sqlite_version, connection.vendor)).encode())
    digest.update(repr([(name, getattr(settings, name, None)) for name in SETTINGS]).encode())
    folders = [Path(root, extra) for extra in EXTRA_INPUTS]
    for app in apps.get_app_configs():
        folders.append(Path(app.path) / "migrations")
        if app.models_module is not None:
            models = Path(app.models_module.__file__)
            folders.append(models.parent if models.name == "__init__.py" else models)
    for number, folder in enumerate(folders):
        files = sorted(folder.rglob("*")) if folder.is_dir() else [folder] if folder.exists() else []
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts:
                # Named from the folder's parent: the same files seen through another path (the venv's symlink,
                # another checkout) make the same database.
                name = f"{number}:{path.relative_to(folder.parent)}"
                digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:24]


def _restore_or_migrate(connection, migrate, run_id, rebuild):
    cache = cache_path(connection)
    stamp = cache.with_suffix(".run")  # which run last built it (for --create-db)
    with open(cache.with_suffix(".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        built_this_run = stamp.exists() and stamp.read_text() == run_id
        if cache.exists() and not (rebuild and not built_this_run):
            connection.ensure_connection()
            source = sqlite3.connect(f"file:{cache}?mode=ro", uri=True)
            try:
                source.backup(connection.connection)
            finally:
                source.close()
            os.utime(cache)  # still in use (see forget_unused)
            return None
        result = migrate()
        connection.ensure_connection()
        partial = cache.with_suffix(f".{os.getpid()}.partial")
        target = sqlite3.connect(partial)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        os.replace(partial, cache)
        stamp.write_text(run_id)
        forget_unused(cache.parent)
        return result


UNUSED_FOR = 7 * 24 * 3600  # seconds


def forget_unused(folder, now=None):
    """Delete the copies no run has used for a week (migrations changed since): each is some 2 MB."""
    now = time.time() if now is None else now
    for old in folder.glob("msp-test-db-*.sqlite3"):
        try:
            if now - old.stat().st_mtime > UNUSED_FOR:
                for path in (old, old.with_suffix(".run"), old.with_suffix(".lock")):
                    path.unlink(missing_ok=True)
        except OSError:  # another run's, being replaced or deleted
            continue


def run_id(config):
    """The same for every xdist worker of one run; a new one for a run without xdist."""
    return getattr(config, "workerinput", {}).get("testrunuid") or uuid.uuid4().hex
