"""The README's run command (dev.py): what it tells the app and the person starting it."""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def dev():
    spec = importlib.util.spec_from_file_location("dev", ROOT / "dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_suite_runs_on_every_cpu_unless_told_otherwise(dev):
    assert dev.pytest_args(["-q"], cpus=2) == ["-n", "2", "--dist", "worksteal", "-q"]
    assert dev.pytest_args(["-q"], cpus=1) == ["-q"]
    for told in (["-n", "1"], ["-n2"], ["--numprocesses=3"]):
        assert dev.pytest_args(["-q", *told], cpus=2) == ["--dist", "worksteal", "-q", *told]
    assert dev.pytest_args(["-q", "-p", "no:xdist"], cpus=2) == ["-q", "-p", "no:xdist"]
    for spread in (["--dist", "load"], ["--dist=loadfile"], ["-d"]):
        assert dev.pytest_args(["-q", *spread], cpus=2) == ["-n", "2", "-q", *spread]


def test_links_in_e_mails_point_at_the_port_served(dev):
    assert dev.server_env("8001", base={})["SITE_URL"] == "http://127.0.0.1:8001"
    assert dev.server_env("8000", base={})["SITE_URL"] == "http://127.0.0.1:8000"
    # A SITE_URL set on purpose (e.g. behind a tunnel) wins.
    assert dev.server_env("8001", base={"SITE_URL": "https://msp.example.org"})["SITE_URL"] == "https://msp.example.org"
    assert dev.server_env("8001", base={})["DEBUG"] == "true"


def test_missing_pdf_libraries_are_named_with_what_to_install(dev, monkeypatch):
    class Failed:
        returncode = 1
        stderr = (
            "Traceback ...\nOSError: cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object"
        )

    monkeypatch.setattr(dev.subprocess, "run", lambda *a, **k: Failed())
    problem = dev.pdf_libraries_problem()
    assert problem.startswith("OSError: cannot load library 'libpango-1.0-0'")
    help_text = dev.PDF_LIBRARIES_HELP.format(error=problem)
    assert "apt-get install libpango-1.0-0" in help_text and "dnf install pango" in help_text
    assert "brew install pango" in help_text


def test_with_the_libraries_there_is_nothing_to_say(dev):
    # This machine has them (CI installs them); asked of the interpreter running the suite, wherever its venv is.
    assert dev.pdf_libraries_problem(sys.executable) is None


def test_messages_refreshes_the_catalogues_through_manage_py(dev, monkeypatch):
    calls = []

    class Done:
        returncode = 3

    monkeypatch.setattr(dev, "ensure_venv", lambda requirements: calls.append(requirements))
    monkeypatch.setattr(dev.subprocess, "run", lambda args, **kwargs: calls.append(args) or Done())
    monkeypatch.setattr(dev.sys, "argv", ["dev.py", "messages", "--check"])
    with pytest.raises(SystemExit) as exited:
        dev.main()
    assert exited.value.code == 3  # the check's failure is dev.py's
    assert calls[0] == "requirements.txt" and [str(a) for a in calls[1][-3:]] == [
        str(ROOT / "manage.py"),
        "messages",
        "--check",
    ]
