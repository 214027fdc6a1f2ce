"""Every state-changing view refuses a request without a CSRF token (issue 15, acceptance 3).

Each URL of the walk (every action and every form page, and the pages that only read, which must refuse an
unsafe method just the same) is posted to as a role the level lets act, by a client that enforces the CSRF check
as a browser would: the answer is 403 from the CSRF check, before the view, and the database is unchanged. No view
of the project is exempt from the check.
"""

import pytest
from django.test import Client
from django.urls import get_resolver

from tests import walk_world
from tests.walk_world import APP_URLS, LEVELS, VARIANTS, acting_role, row_counts, url_for

shared_world = walk_world.shared_world

TARGETS = [(name, name, None) for name in APP_URLS if name in LEVELS] + [
    (f"{name} ({label})", name, objects) for name, label, objects, _ in VARIANTS
]


def _views(resolver=None):
    for pattern in (resolver or get_resolver()).url_patterns:
        if getattr(pattern, "namespace", None) == "api":
            # The REST API (Django REST framework marks its views exempt) authenticates by a token in a header
            # only, never by a cookie, so a forged cross-site request has nothing to act with; its walk is
            # tests/api/test_api_walk.py.
            continue
        if hasattr(pattern, "url_patterns"):
            yield from _views(pattern)
        else:
            yield pattern


def test_no_view_is_exempt_from_the_csrf_check():
    exempt = [str(p.pattern) for p in _views() if getattr(p.callback, "csrf_exempt", False)]
    assert exempt == []


@pytest.mark.parametrize(("label", "name", "objects"), TARGETS, ids=[target[0] for target in TARGETS])
@pytest.mark.django_db
def test_a_post_without_a_csrf_token_is_refused(label, name, objects, shared_world):
    role = acting_role(LEVELS[name]) or "secretariat"
    client = walk_world.sign_in(Client(enforce_csrf_checks=True, raise_request_exception=False), shared_world, role)
    url = url_for(name, shared_world, objects)  # before counting: finding some objects makes them (a portfolio report)
    before = row_counts()
    response = client.post(url, {"title": "x", "body": "x", "name": "x"})
    assert response.status_code == 403, f"{label} as {role}: {response.status_code}"
    assert b"CSRF" in response.content, f"{label} as {role}: refused, but not by the CSRF check"
    assert row_counts() == before
