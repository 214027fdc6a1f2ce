"""The embedded default (SQLite) under concurrent use: eight people moving the phase, eight partners signing, at
the same moment. Each gets an answer (done, or refused with a reason), none an error page, and the data stays
consistent. The same runs on PostgreSQL are in tests/phases and tests/governance (test_concurrency)."""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from django.db import connection

from tests import migrated_db

ROOT = Path(__file__).resolve().parents[2]


# A real file with WAL and its locks, in memory where the machine has a tmpfs: migrating a new database commits
# some seventy times, and each fsync on a busy disk took seconds.
IN_MEMORY = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None


def test_eight_people_at_once_on_sqlite_all_get_an_answer(django_db_setup):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "DEBUG", "MSP_MIGRATED_DB")}
    cached = migrated_db.cache_path(connection) if connection.vendor == "sqlite" else None
    if cached is not None and cached.exists():
        env["MSP_MIGRATED_DB"] = str(cached)  # a start: the migrated empty database the suite made
    with tempfile.TemporaryDirectory(prefix="msp-sqlite-concurrency-", dir=IN_MEMORY) as folder:
        env.update(MSP_VAR_DIR=folder, SECRET_KEY="sqlite-concurrency-" + "k" * 40)
        result = _run(env)

    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])

    assert outcome["journal_mode"] == "wal"
    assert [m for m in outcome["moves"] if m.startswith("error")] == []
    assert outcome["moves"].count("ok") == 1
    assert all(m.startswith("refused: The partnership is already in phase 2") for m in outcome["moves"] if m != "ok")
    assert outcome["phase"] == 2 and outcome["transitions"] == 1

    assert outcome["signatures"] == ["ok"] * 8
    assert outcome["signature_rows"] == 8
    assert outcome["status"] == "in_force"


def _run(env):
    return subprocess.run(
        [sys.executable, str(ROOT / "tests" / "sqlite_concurrency.py")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
