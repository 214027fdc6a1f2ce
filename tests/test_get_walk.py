"""Every GET leaves the database unchanged (issue 15, acceptance 3): each page of the URL walk is read by every role,
with the row counts of every table compared before and after each read, and every row of every table compared
before and after the six (the audit trail, msp_activityentry, included; the session table aside, which signing in
writes). Reading a notification, counting unread ones, opening a report:
none of them may write on a GET; what changes state is a POST (and a form with a CSRF token).

A GET that has to write is listed in GET_WRITES with the tables it may write and why.
"""

import pytest
from django.test import Client

from tests import walk_world
from tests.walk_world import (
    ADMIN_URLS,
    APP_URLS,
    LEVELS,
    ROLES,
    VARIANTS,
    changed,
    differences,
    row_counts,
    snapshot,
    url_for,
)

shared_world = walk_world.shared_world

# url name -> (the tables its GET may write, why)
GET_WRITES = {
    "phases:run_pdf": (
        {"msp_storeddocument"},
        "The first download of a checklist run's PDF queues the job that renders it once and keeps the file (a run "
        "never changes, so neither does its PDF). In production the Celery worker writes it, not the request; the "
        "suite runs tasks eagerly, inside the request. It is a cache of an immutable record: no activity, no state.",
    ),
}

PAGES = [(name, name, None) for name in APP_URLS if name in LEVELS] + [
    (f"{name} ({label})", name, objects) for name, label, objects, _ in VARIANTS
]


def _clients(world, roles):
    # Signed in before the snapshot: signing in writes the user's last_login.
    return {role: walk_world.sign_in(Client(raise_request_exception=False), world, role) for role in roles}


@pytest.mark.parametrize(("label", "name", "objects"), PAGES, ids=[page[0] for page in PAGES])
@pytest.mark.django_db
def test_a_get_changes_nothing(label, name, objects, shared_world):
    url = url_for(name, shared_world, objects)
    allowed = GET_WRITES.get(name, (set(), ""))[0]
    clients = _clients(shared_world, ROLES)
    rows = snapshot()
    for role, client in clients.items():
        before = row_counts()
        response = client.get(url)
        assert response.status_code < 500, f"{label} as {role}: {response.status_code}"
        assert _outside(changed(before, row_counts()), allowed) == {}, f"GET {label} as {role} added or deleted rows"
    # Row by row once for all roles (a snapshot per role would cost the walk six times as much): an update too.
    assert _outside(differences(rows, snapshot()), allowed) == {}, f"GET {label} changed rows"


def _outside(changes, allowed):
    return {table: change for table, change in changes.items() if table not in allowed}


@pytest.mark.django_db
def test_the_admin_pages_change_nothing_on_get(shared_world):
    """The superuser's GETs of Django's admin pages (the others are sent to the admin sign-in before any view)."""
    from django.urls import reverse

    from tests.test_url_walk import _admin_kwargs

    client = _clients(shared_world, ["superuser"])["superuser"]
    rows = snapshot()
    for name in ADMIN_URLS:
        before = row_counts()
        response = client.get(reverse(name, kwargs=_admin_kwargs(name, walk_world.ALL_URLS[name], shared_world)))
        assert response.status_code < 500, f"{name}: {response.status_code}"
        assert changed(before, row_counts()) == {}, f"GET {name} added or deleted rows"
    assert differences(rows, snapshot()) == {}, "a GET of the admin changed rows"
