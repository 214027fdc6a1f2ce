"""Celery workers keep their database connection between tasks, and Django's CONN_MAX_AGE and health checks apply
between tasks as between requests (msp.celery); a task run eagerly inside a request leaves the request's
connection alone."""

from types import SimpleNamespace

import django.db
from django.conf import settings

from msp import celery


def test_workers_reuse_their_database_connection():
    assert settings.CELERY_DB_REUSE_MAX >= 1
    assert celery.app.conf.get("CELERY_DB_REUSE_MAX") == settings.CELERY_DB_REUSE_MAX


def test_between_tasks_old_or_broken_connections_are_closed(monkeypatch):
    calls = []
    monkeypatch.setattr(django.db, "close_old_connections", lambda: calls.append("closed"))
    worker_task = SimpleNamespace(request=SimpleNamespace(is_eager=False))
    eager_task = SimpleNamespace(request=SimpleNamespace(is_eager=True))

    celery._close_old_connections(task=worker_task)
    assert calls == ["closed"]
    celery._close_old_connections(task=eager_task)
    assert calls == ["closed"]  # inside a request: its connection may be in a transaction
