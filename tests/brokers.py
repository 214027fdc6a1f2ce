"""The real Redis broker for tests that run a real Celery worker: `redis_queue()` points the Celery app at
REDIS_URL with a queue of the test's own (so parallel test processes and CI's other users of Redis do not take each
other's tasks), and puts everything back afterwards. Skips without REDIS_URL, fails in CI (MSP_CI)."""

import os
import uuid
from contextlib import contextmanager

import pytest

from msp.celery import app
from tests.conftest import CI


@contextmanager
def redis_queue(prefix="msp-test"):
    """(redis url, queue name) while the app sends to that queue on the real broker, not eagerly."""
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        if CI:
            pytest.fail("MSP_CI is set but REDIS_URL is not.")
        pytest.skip("needs Redis (set REDIS_URL)")
    queue = f"{prefix}-{uuid.uuid4().hex[:8]}"
    saved = {k: app.conf[k] for k in ("broker_url", "task_always_eager", "task_default_queue")}
    app.conf.update(broker_url=redis_url, task_always_eager=False, task_default_queue=queue)
    reset_pool()
    try:
        yield redis_url, queue
    finally:
        app.conf.update(saved)
        reset_pool()


@contextmanager
def thread_worker(prefix="msp-test"):
    """A real Celery worker in a thread of the test process, consuming its own queue on the real Redis."""
    from celery.contrib.testing.worker import start_worker

    with (
        redis_queue(prefix) as (_url, queue),
        start_worker(app, perform_ping_check=False, queues=[queue], loglevel="WARNING", shutdown_timeout=10),
    ):
        yield


def reset_pool():
    """Forget producer connections made for the previous broker URL (the pool is built lazily on next use)."""
    app._pool = None
    app.amqp._producer_pool = None
