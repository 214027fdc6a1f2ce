"""Acceptance 7: a real Celery worker process on Redis makes a report end to end; a worker killed (SIGKILL) in the
middle of a report leaves it running with its progress, never a file; once it is silent for REPORT_STALLED_AFTER
the sweep (queue_stalled_reports) hands it to a new worker, which makes it, with exactly one stored file.

The worker is a separate process (`celery worker --pool solo`: the process doing the work is the one killed), on
the test's PostgreSQL database (the test commits: transactional) and its own Redis queue. The killed job is slowed
down by REPORT_TEST_STEP_DELAY, a setting that is 0 in production (msp/settings.py)."""

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from monitoring import tasks
from monitoring.models import ReportKind, ReportStatus
from monitoring.services.reports import report_ask
from msp.documents import StoredDocument
from tests.brokers import redis_queue
from tests.conftest import needs_postgres
from tests.factories import PartnershipFactory, RoleFactory, UserFactory

ROOT = Path(__file__).resolve().parents[3]
pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def broker():
    """The test's own queue on the real Redis; the test process sends to it (not eagerly)."""
    needs_postgres()
    with redis_queue("msp-test-reports") as broker:
        yield broker


class Worker:
    """`celery worker` in a process of its own, on the test database and the test's queue."""

    def __init__(self, broker, media, log, **env):
        redis_url, queue = broker
        db = connection.settings_dict
        environment = {
            **os.environ,
            "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
            "REDIS_URL": redis_url,
            "SECRET_KEY": "worker-test-key-" + "x" * 40,
            "PRIVATE_MEDIA_ROOT": str(media),
            "CONN_MAX_AGE": "0",
            "DJANGO_SETTINGS_MODULE": "msp.settings",  # the real settings, as a deployed worker runs
            **{k: str(v) for k, v in env.items()},
        }
        command = [sys.executable, "-m", "celery", "-A", "msp", "worker", "-Q", queue, "--pool", "solo"]
        command += ["--without-mingle", "--without-gossip", "--without-heartbeat", "-l", "INFO"]
        self.log = log
        with open(log, "ab") as out:
            self.process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=out, stderr=subprocess.STDOUT)

    def kill(self):
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.kill()


def _wait_for(report, done, seconds, log):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        report.refresh_from_db()
        if done(report):
            return report
        time.sleep(0.2)
    pytest.fail(f"report {report.pk}: {report.status} {report.progress!r} {report.error}\n{Path(log).read_text()}")


@pytest.fixture
def asker(reference_data):
    partnership = PartnershipFactory(name="Water Partnership")
    user = UserFactory(username="sara")
    RoleFactory(partnership=partnership, user=user, role="secretariat")
    return lambda: report_ask(
        partnership=partnership, kind=ReportKind.DONOR, period_start=PERIOD[0], period_end=PERIOD[1], language="en",
        by=user,
    )  # fmt: skip


PERIOD = (dt.date(2026, 1, 1), dt.date(2026, 6, 30))


def test_a_worker_on_redis_makes_a_report(broker, asker, tmp_path, settings):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    log = tmp_path / "worker.log"
    worker = Worker(broker, tmp_path, log)
    try:
        report = asker()  # committed: queued to Redis
        report = _wait_for(report, lambda r: r.status in (ReportStatus.DONE, ReportStatus.FAILED), 120, log)
    finally:
        worker.stop()
    assert (report.status, report.error, report.attempts) == (ReportStatus.DONE, "", 1)
    assert report.document.read().startswith(b"%PDF") and report.sha256 == report.document.sha256


def test_a_worker_killed_mid_report_leaves_it_retryable_and_the_sweep_completes_it(broker, asker, tmp_path, settings):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    log = tmp_path / "worker.log"
    slow = Worker(broker, tmp_path, log, REPORT_TEST_STEP_DELAY=3)
    try:
        report = asker()
        report = _wait_for(report, lambda r: r.status == ReportStatus.RUNNING and r.progress, 120, log)
        slow.kill()  # mid-job: a section is being made
    finally:
        slow.stop()
    time.sleep(1)
    report.refresh_from_db()
    assert report.status == ReportStatus.RUNNING and report.progress  # stuck as the dead worker left it
    assert report.document is None and not StoredDocument.objects.exists()  # no half-written file visible
    assert not list(tmp_path.rglob("*.pdf"))

    settings.REPORT_STALLED_AFTER = 2
    time.sleep(2.5)  # silent for longer than that
    fresh = Worker(broker, tmp_path, log, REPORT_STALLED_AFTER=2)
    try:
        assert tasks.queue_stalled_reports() == 1  # the sweep
        report = _wait_for(report, lambda r: r.status in (ReportStatus.DONE, ReportStatus.FAILED), 120, log)
    finally:
        fresh.stop()
    assert (report.status, report.error, report.attempts) == (ReportStatus.DONE, "", 2)
    assert StoredDocument.objects.filter(subject_id=report.pk).count() == 1 == StoredDocument.objects.count()
    assert report.document.read().startswith(b"%PDF")
    assert settings.REPORT_TEST_STEP_DELAY == 0  # the production default
