"""The production path as the Dockerfile and docker-compose.yml run it: static files collected with DEBUG off, the
health check the orchestrator asks, the proxy header trusted only when configured. .ci/run also runs gunicorn with
production settings and walks the signed-in pages (.ci/smoke.py --production)."""

from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from django.db import DatabaseError
from django.test import Client, override_settings

ROOT = Path(__file__).resolve().parents[2]


def test_collectstatic_builds_the_manifest_production_needs(tmp_path):
    """The Dockerfile's build step: with DEBUG off, static files are served by their manifest names, and building the
    manifest fails on any file that a CSS or JS file names (source maps, fonts) but that is missing. (Compression,
    the slow part of the real step, is left to .ci/run, which runs the Dockerfile's command itself.)"""
    manifest_storage = {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}
    with override_settings(STATIC_ROOT=tmp_path, STORAGES={**settings.STORAGES, "staticfiles": manifest_storage}):
        call_command("collectstatic", interactive=False, verbosity=0)
    manifest = (tmp_path / "staticfiles.json").read_text()
    assert '"img/favicon.svg"' in manifest and '"css/msp.css"' in manifest
    assert '"vendor/bootstrap/bootstrap.min.css.map"' in manifest


@pytest.mark.django_db
@override_settings(ALLOWED_HOSTS=["msp.example.org"], SECURE_SSL_REDIRECT=True)
def test_the_health_check_answers_whatever_the_host_and_without_redirect():
    client = Client(HTTP_HOST="127.0.0.1:8000")
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    # Every other page keeps its protections: unknown host refused, plain HTTP redirected.
    assert Client(HTTP_HOST="127.0.0.1:8000", raise_request_exception=False).get("/").status_code == 400
    assert Client(HTTP_HOST="msp.example.org").get("/accounts/login/").status_code == 301


@pytest.mark.django_db
def test_the_health_check_says_when_the_database_is_down(monkeypatch):
    def broken(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr("django.db.backends.base.base.BaseDatabaseWrapper.cursor", broken)
    response = Client().get("/healthz")
    assert response.status_code == 503


@pytest.mark.django_db
def test_x_forwarded_proto_is_not_trusted_without_a_proxy(client):
    response = client.get("/accounts/login/", HTTP_X_FORWARDED_PROTO="https")
    assert response.wsgi_request.is_secure() is False


def test_compose_checks_health_at_healthz_and_migrates_once():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    assert "/healthz" in " ".join(services["web"]["healthcheck"]["test"])
    assert services["migrate"]["command"] == ["python", "manage.py", "migrate", "--no-input"]
    for name in ("web", "worker", "beat"):
        assert "migrate" not in " ".join(services[name]["command"])
        assert services[name]["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}
