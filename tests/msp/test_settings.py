"""Settings come from the environment; run in a clean interpreter so the suite's own settings do not leak in."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def settings_with(env, tmp_path):
    code = (
        "import json, django; from django.conf import settings; django.setup();"
        "print(json.dumps({'eager': settings.CELERY_TASK_ALWAYS_EAGER, 'broker': settings.CELERY_BROKER_URL,"
        "'engine': settings.DATABASES['default']['ENGINE'], 'debug': settings.DEBUG,"
        "'email': settings.EMAIL_BACKEND}))"
    )
    clean = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DEBUG")}
    full_env = {**clean, "DJANGO_SETTINGS_MODULE": "msp.settings", "MSP_VAR_DIR": str(tmp_path), **env}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=full_env, capture_output=True, text=True)
    return result


def test_nothing_set_means_sqlite_and_eager_tasks(tmp_path):
    result = settings_with({"SECRET_KEY": "x" * 50}, tmp_path)
    values = json.loads(result.stdout)
    assert values == {
        "eager": True,
        "broker": "memory://",
        "engine": "django.db.backends.sqlite3",
        "debug": False,
        "email": "django.core.mail.backends.console.EmailBackend",
    }


def test_database_and_redis_urls_switch_to_the_real_services(tmp_path):
    result = settings_with(
        {
            "SECRET_KEY": "x" * 50,
            "DATABASE_URL": "postgres://u@db:5432/msp",
            "REDIS_URL": "redis://redis:6379/0",
            "EMAIL_URL": "smtp+tls://u:p@mail.example:587",
        },
        tmp_path,
    )
    values = json.loads(result.stdout)
    assert values["eager"] is False
    assert values["broker"] == "redis://redis:6379/0"
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["email"] == "django.core.mail.backends.smtp.EmailBackend"


def test_a_weak_secret_key_is_refused_when_the_settings_load(tmp_path):
    result = settings_with({"SECRET_KEY": "short"}, tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def _start(module, env, tmp_path):
    """Import what gunicorn (msp.wsgi) or a Celery worker (msp.celery, worker_init) loads at start."""
    clean = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DEBUG")}
    code = {
        "wsgi": "import msp.wsgi",
        "worker": "from msp.celery import app; from celery.signals import worker_init; worker_init.send(sender=None)",
    }[module]
    full_env = {**clean, "DJANGO_SETTINGS_MODULE": "msp.settings", "MSP_VAR_DIR": str(tmp_path), **env}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=full_env, capture_output=True, text=True)


def test_the_web_and_the_workers_refuse_to_start_without_a_key(tmp_path):
    for module in ("wsgi", "worker"):
        refused = _start(module, {}, tmp_path)
        assert refused.returncode != 0 and "SECRET_KEY must be set" in refused.stderr, (module, refused.stderr)
        started = _start(module, {"SECRET_KEY": "k" * 50}, tmp_path)
        assert started.returncode == 0, (module, started.stderr)


def test_loading_the_settings_creates_no_folder(tmp_path):
    var = tmp_path / "not-yet"
    result = settings_with({"SECRET_KEY": "x" * 50, "MSP_VAR_DIR": str(var)}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert not var.exists()


def test_debug_must_be_asked_for(tmp_path):
    assert json.loads(settings_with({"DEBUG": "true"}, tmp_path).stdout)["debug"] is True


def test_build_commands_run_without_a_key(tmp_path):
    clean = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DEBUG")}
    env = {**clean, "MSP_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "msp.settings"}
    check = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"], cwd=ROOT, env=env, capture_output=True
    )
    assert check.returncode == 0, check.stderr
