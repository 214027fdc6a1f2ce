"""The migrated test database copied from the per-run cache (tests/migrated_db.py) is the migrated one."""

import os
import types

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests import migrated_db


@pytest.mark.django_db
def test_the_test_database_has_every_migration_applied():
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM django_content_type")
        assert cursor.fetchone()[0] > 0  # what migrate's post_migrate made is there too


def test_the_cache_is_named_by_the_migrations_models_and_data(tmp_path, monkeypatch):
    app = tmp_path / "app"
    (app / "migrations").mkdir(parents=True)
    migration = app / "migrations" / "0001_initial.py"
    migration.write_text("operations = []\n")
    models = app / "models.py"
    models.write_text("# models\n")
    data = tmp_path / "data.xml"
    data.write_text("<codes/>")
    fake = types.SimpleNamespace(path=str(app), models_module=types.SimpleNamespace(__file__=str(models)))
    monkeypatch.setattr("django.apps.apps.get_app_configs", lambda: [fake])
    monkeypatch.setattr(migrated_db, "EXTRA_INPUTS", ("data.xml",))

    keys = [migrated_db.cache_key(connection, root=tmp_path)]
    for path, text in [(migration, "operations = [1]\n"), (models, "# changed\n"), (data, "<codes>1</codes>")]:
        path.write_text(text)
        keys.append(migrated_db.cache_key(connection, root=tmp_path))
    (app / "migrations" / "0002_more.py").write_text("")
    keys.append(migrated_db.cache_key(connection, root=tmp_path))
    assert len(set(keys)) == len(keys)
    assert migrated_db.cache_key(connection, root=tmp_path) == keys[-1]


def test_copies_unused_for_a_week_are_deleted(tmp_path):
    now = 1_000_000_000
    for name, age in (("msp-test-db-old", migrated_db.UNUSED_FOR + 60), ("msp-test-db-recent", 3600)):
        for suffix in (".sqlite3", ".run", ".lock"):
            path = tmp_path / (name + suffix)
            path.write_text("x")
            os.utime(path, (now - age, now - age))
    (tmp_path / "unrelated.sqlite3").write_text("x")
    os.utime(tmp_path / "unrelated.sqlite3", (0, 0))

    migrated_db.forget_unused(tmp_path, now=now)

    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "msp-test-db-recent.lock",
        "msp-test-db-recent.run",
        "msp-test-db-recent.sqlite3",
        "unrelated.sqlite3",
    ]
