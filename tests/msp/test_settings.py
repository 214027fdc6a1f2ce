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


def test_it_refuses_to_start_without_a_real_secret_key(tmp_path):
    for key in ({}, {"SECRET_KEY": "short"}):
        result = settings_with(key, tmp_path)
        assert result.returncode != 0
        assert "SECRET_KEY must be set" in result.stderr


def test_debug_must_be_asked_for(tmp_path):
    assert json.loads(settings_with({"DEBUG": "true"}, tmp_path).stdout)["debug"] is True


def test_build_commands_run_without_a_key_but_serving_does_not(tmp_path):
    clean = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DEBUG")}
    env = {**clean, "MSP_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "msp.settings"}
    check = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"], cwd=ROOT, env=env, capture_output=True
    )
    assert check.returncode == 0, check.stderr
    serve = subprocess.run([sys.executable, "manage.py", "demo"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert serve.returncode != 0 and "SECRET_KEY must be set" in serve.stderr
