#!/usr/bin/env python3
"""The two README commands, needing nothing but Python 3.11+.

    python3 dev.py run     create .venv, install, migrate SQLite, load demo data, serve on http://127.0.0.1:8000
    python3 dev.py test    create .venv, install the test tools, run the whole test suite on every CPU (extra args go
                           to pytest; -n 1 runs it in one process)
    python3 dev.py messages  refresh the translation catalogues (makemessages, needs GNU gettext) and compile the
                           .mo files with Babel; `--check` only checks them, `--compile` only compiles

Both reuse .venv and reinstall only when a requirements file changed. Settings come from the environment
(see .env.example); with nothing set, the app runs on SQLite under var/ with Celery tasks executed in-process.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PY = VENV / "bin" / "python"


def ensure_venv(requirements: str) -> None:
    if sys.version_info < (3, 11):
        sys.exit("MSP Manager needs Python 3.11 or newer.")
    if not PY.exists():
        print(f"Creating virtualenv in {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    files = [ROOT / "requirements.txt", ROOT / requirements]
    digest = hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()
    stamp = VENV / f".installed-{requirements}"
    if stamp.exists() and stamp.read_text() == digest:
        return
    print(f"Installing {requirements} ...", flush=True)
    subprocess.run([PY, "-m", "pip", "install", "--quiet", "-r", ROOT / requirements], check=True)
    stamp.write_text(digest)


def manage(*args: str, env: dict[str, str]) -> None:
    subprocess.run([PY, ROOT / "manage.py", *args], check=True, env=env)


PDF_LIBRARIES_HELP = """
PDF downloads need WeasyPrint's system libraries (Pango, HarfBuzz), which are not installed here:
    {error}
Everything else works; PDF pages say what is missing until you install them:
    Debian/Ubuntu:  sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
    Fedora:         sudo dnf install pango harfbuzz dejavu-sans-fonts
    macOS:          brew install pango
"""


def server_env(port: str, base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment `run` serves with: DEBUG on (a developer's machine: runserver serves static files) and
    e-mailed links pointing at the port actually served, unless the environment already says otherwise."""
    env = dict(os.environ if base is None else base)
    env.setdefault("DEBUG", "true")
    env.setdefault("SITE_URL", f"http://127.0.0.1:{port}")
    return env


def pdf_libraries_problem(python: Path | str = PY) -> str | None:
    """Why WeasyPrint cannot load in `python` (.venv's; a missing system library), or None when it can."""
    probe = subprocess.run([python, "-c", "import weasyprint"], capture_output=True, text=True)
    if probe.returncode == 0:
        return None
    lines = [line for line in probe.stderr.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "import weasyprint failed"


def run(args: list[str]) -> None:
    port = "8000"
    if "--port" in args:
        port = args[args.index("--port") + 1]
    ensure_venv("requirements.txt")
    env = server_env(port)
    problem = pdf_libraries_problem()
    if problem:
        print(PDF_LIBRARIES_HELP.format(error=problem), flush=True)
    # The SQLite file lives there (the settings do not create folders).
    Path(env.get("MSP_VAR_DIR") or ROOT / "var").mkdir(parents=True, exist_ok=True)
    manage("migrate", "--no-input", env=env)
    manage("demo", env=env)
    # No beat on the embedded default: make the stored reference copies of the demo's signed MoUs now, so their
    # downloads are the archival files from the first click (later ones are made as versions are signed).
    manage("run_scheduled_jobs", "store-missing-mou-copies", env=env)
    print(f"\nServing on http://127.0.0.1:{port}/  (Ctrl+C stops)\n", flush=True)
    extra = ["--noreload"] if "--noreload" in args else []
    os.execve(PY, [str(PY), str(ROOT / "manage.py"), "runserver", f"127.0.0.1:{port}", *extra], env)


def pytest_args(args: list[str], cpus: int | None = None) -> list[str]:
    """pytest's arguments for `test`: the caller's, run on every CPU (pytest-xdist) unless they say how (-n, or
    -p no:xdist). The processes share the tests by work stealing unless the caller says otherwise (--dist, -d): each
    starts on its half of the ordered tests, and one that is done takes the second half of what the other has left.
    So the slow tests at the end (browser journeys) are shared out, and tests that follow one another (those taking
    the demo, tests/conftest.py) mostly stay together on one process."""
    if "no:xdist" in args:
        return args
    spread = [] if any(a == "-d" or a.startswith("--dist") for a in args) else ["--dist", "worksteal"]
    if any(a == "-n" or a.startswith(("-n", "--numprocesses")) for a in args):
        return [*spread, *args]
    if cpus is None:
        cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return ["-n", str(cpus), *spread, *args] if cpus > 1 else args


def test(args: list[str]) -> None:
    ensure_venv("requirements-dev.txt")
    os.chdir(ROOT)
    os.execv(PY, [str(PY), "-m", "pytest", *pytest_args(args)])


def messages(args: list[str]) -> None:
    ensure_venv("requirements.txt")
    sys.exit(subprocess.run([PY, ROOT / "manage.py", "messages", *args]).returncode)


def main() -> None:
    commands = {"run": run, "test": test, "messages": messages}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
