"""What a run names besides its figures: the machine (CPU, RAM, OS, Python, PostgreSQL), the commit, how busy the
machine was (load average: other work shares its cores), and how much data the database holds."""

import os
import platform
import subprocess
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection

from governance.models import BudgetLine, Decision, Transaction
from monitoring.models import Actual, Indicator, Period
from msp.models import Partnership
from phases.models import ChecklistRun
from stakeholders.models import ContactPerson, Membership, Organisation, StakeholderMapEntry


def _first_line(path, prefix) -> str:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(prefix):
                return line.split(":", 1)[1].strip() if ":" in line else line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return ""


def cpu_model() -> str:
    return _first_line("/proc/cpuinfo", "model name") or platform.processor() or platform.machine()


def memory_gb() -> float | None:
    total = _first_line("/proc/meminfo", "MemTotal")
    return round(int(total.split()[0]) / 1024 / 1024, 1) if total else None


def os_name() -> str:
    return _first_line("/etc/os-release", "PRETTY_NAME=") or platform.platform()


def postgresql_version() -> str:
    if connection.vendor != "postgresql":
        return f"{connection.vendor} (not PostgreSQL)"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return cursor.fetchone()[0]


def git_commit() -> str:
    def git(*args):
        done = subprocess.run(["git", *args], cwd=settings.BASE_DIR, capture_output=True, text=True, check=False)
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return "unknown (not a git checkout)"
    dirty = git("status", "--porcelain", "--untracked-files=no")
    return f"{commit} (with uncommitted changes)" if dirty else commit


def load_average() -> str:
    try:
        return ", ".join(f"{n:.2f}" for n in os.getloadavg())
    except OSError:
        return "unknown"


def machine() -> dict[str, str]:
    memory = memory_gb()
    return {
        "CPU": f"{cpu_model()}, {os.cpu_count()} cores",
        "RAM": f"{memory} GB" if memory is not None else "unknown",
        "OS": os_name(),
        "Python": platform.python_version(),
        "PostgreSQL": postgresql_version(),
    }


COUNTED = [
    ("Partnerships", Partnership),
    ("Organisations", Organisation),
    ("Contact persons", ContactPerson),
    ("Users", None),
    ("Members", Membership),
    ("Stakeholder-map entries", StakeholderMapEntry),
    ("Indicators", Indicator),
    ("Reporting periods", Period),
    ("Indicator values (actuals)", Actual),
    ("Decisions", Decision),
    ("Budget lines", BudgetLine),
    ("Transactions", Transaction),
    ("Checklist runs", ChecklistRun),
]


def data_counts() -> list[tuple[str, int]]:
    return [(label, (model or get_user_model()).objects.count()) for label, model in COUNTED]
