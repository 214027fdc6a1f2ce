"""Queries per request, counted in-process: Django's test client against the same database the server uses, signed
in as the benchmark's user (or with its API token), once per page after one request that warms the caches. The
status is checked here too: a page that does not answer 200 is reported as an error before any load is put on it."""

import dataclasses

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings


@dataclasses.dataclass
class Counted:
    queries: int
    status: int
    size: int


def in_process_settings(static_root):
    """What the server's environment sets, for requests made in this process (the test client's host included;
    the static files' manifest the server's collectstatic wrote)."""
    return override_settings(
        STATIC_ROOT=static_root,
        ALLOWED_HOSTS=["testserver", "127.0.0.1", "localhost"],
        REQUIRE_TWO_FACTOR=False,
        SECURE_SSL_REDIRECT=False,
        SESSION_COOKIE_SECURE=False,
        CSRF_COOKIE_SECURE=False,
    )


def count_queries(pages, *, user, api_key, static_root) -> dict[str, Counted]:
    """{page key: Counted} for every page: the second of two identical requests (the first fills caches)."""
    counted = {}
    with in_process_settings(static_root):
        browser = Client()
        browser.force_login(user)
        script = Client(HTTP_AUTHORIZATION=f"Bearer {api_key}")
        for page in pages:
            client = script if page.api else browser
            client.get(page.path)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(page.path)
            counted[page.key] = Counted(len(captured), response.status_code, len(response.content))
    return counted
