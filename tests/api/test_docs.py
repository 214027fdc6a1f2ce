"""The OpenAPI schema is valid and warning-free as endpoints are added, it is served, and the documentation page shows
every operation of it, with the ground rules and the curl example, to anyone (no sign-in needed)."""

import io

import pytest
import yaml
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator

from api import schema_docs

DOCS = reverse("developer:docs")
SCHEMA = reverse("developer:schema")


def test_the_schema_validates_without_a_warning():
    """`manage.py spectacular --validate --fail-on-warn`: an endpoint that drf-spectacular cannot describe (a
    serializer it must guess, a path parameter without a type) fails here, with drf-spectacular's warnings listed."""
    GENERATOR_STATS.reset()
    stderr = io.StringIO()
    try:
        call_command("spectacular", "--validate", "--fail-on-warn", "--file", "/dev/null", stderr=stderr)
    except Exception as error:  # SchemaGenerationError, SchemaValidationError
        found = [*GENERATOR_STATS._warn_cache, *GENERATOR_STATS._error_cache]
        pytest.fail(f"{type(error).__name__}: {error}\n" + "\n".join(found))
    finally:
        GENERATOR_STATS.reset()


@pytest.mark.django_db
def test_the_schema_is_served_to_anyone_in_yaml_and_json(client):
    served = yaml.safe_load(client.get(SCHEMA).content)
    assert served["openapi"].startswith("3.") and "/api/v1/partnerships/" in served["paths"]
    assert served["components"]["securitySchemes"]["personalToken"]["scheme"] == "bearer"
    assert client.get(SCHEMA + "?format=json").json()["info"]["title"] == "MSP Manager API"


def _operations():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return [
        (method.upper(), path, op["operationId"])
        for path, item in schema["paths"].items()
        for method, op in item.items()
        if method in schema_docs.METHODS
    ]


@pytest.mark.django_db
def test_the_page_shows_every_operation_of_the_schema_to_anyone(client):
    page = client.get(DOCS)
    assert page.status_code == 200
    html = page.content.decode()
    operations = _operations()
    assert operations
    for method, path, operation_id in operations:
        assert f'id="op-{operation_id}"' in html, f"{method} {path} is not on the documentation page"
        assert f"<code>{path}</code>" in html
    assert 'id="record-Partnership"' in html and "a page of" in html
    assert f'href="{SCHEMA}"' in html and f'href="{SCHEMA}?format=json"' in html


@pytest.mark.django_db
def test_the_page_says_how_to_send_a_token_and_what_the_limits_are(client, settings):
    settings.API_RATE = "120/h"
    html = client.get(DOCS).content.decode()
    for said in (
        "Authorization: Bearer msp_…",
        "http://testserver/api/v1/",
        "?page_size=",
        "If-None-Match",
        "Each token may make 120 requests an hour.",
        "Retry-After",
        "<code>non_field_errors</code>",
        "TOKEN=msp_…",
        "partnerships/7/periods/31/actual/",
    ):
        assert said in html, said
    assert "Sign in to make a token." in html


@pytest.mark.django_db
def test_a_signed_in_person_is_led_to_their_tokens(client, partner):
    client.force_login(partner)
    assert reverse("developer:tokens") in client.get(DOCS).content.decode()


@pytest.mark.django_db
def test_the_page_is_in_the_reader_s_language(client):
    with translation.override("fr"):
        html = client.get(DOCS, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert 'lang="fr"' in html and "Documentation de l’API" in html


def test_enum_values_and_records_are_described_from_the_schema():
    reference = schema_docs.reference("en")
    partnership = next(r for r in reference["records"] if r.name == "Partnership")
    phase = next(f for f in partnership.fields if f.name == "phase")
    shown = "".join(part.text for part in phase.type)
    assert shown.startswith("one of 1 (Initiation), 2 (Design)")
    assert not any(r.name.startswith("Paginated") for r in reference["records"])
