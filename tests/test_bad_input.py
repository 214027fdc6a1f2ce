"""Every form of the project fed generated bad input (issue 15, acceptance 2): never a 500, never a partial write.

The forms come from the URL walk (tests/walk_world.py): every URL whose level lets a role act (the actions, with
the fields of the <form method="post"> that some page of the walk renders for them) and every page whose view takes
a POST, with the fields of its own form. As a role allowed to act, the walk takes the page's fields (and, from the
template context, the Django fields behind them, to know a date from a number or a choice of records) and posts,
with the CSRF token, values hypothesis draws for each field: the page's own value, or huge strings, control
characters, wrong types, negative and huge numbers, dates out of range, unknown choices, ids of the outsider's
partnership's records, and broken files. Each example runs in a savepoint, rolled back after it.

It asserts that no answer is a 500, and that no write is partial: either the view says it succeeded (a redirect,
whose page then renders) or nothing changed (every table's row count, the audit trail's included).

Profiles: "ci" (the default: a few derandomised examples per form) and "thorough" (100 per form):
`HYPOTHESIS_PROFILE=thorough .venv/bin/python -m pytest -n 2 tests/test_bad_input.py`.
"""

import datetime as dt
import os
from urllib.parse import urlsplit

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import walk_world
from tests.forms_found import Field, Form, django_fields, post_forms
from tests.walk_world import (
    APP_URLS,
    EXPECTED,
    LEVELS,
    POST_EXPECTED,
    VARIANTS,
    acting_role,
    changed,
    row_counts,
    url_for,
)

shared_world = walk_world.shared_world

_COMMON = dict(deadline=None, database=None, suppress_health_check=list(HealthCheck), print_blob=True)
settings.register_profile("ci", max_examples=4, derandomize=True, **_COMMON)
settings.register_profile("thorough", max_examples=100, **_COMMON)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
settings.load_profile(PROFILE)


def _takes_post(name):
    """Whether the view of `name` reads a POST (an action, or a page with its own form)."""
    if LEVELS[name] in POST_EXPECTED:
        return True
    if acting_role(LEVELS[name]) is None or LEVELS[name] == "gone":
        return False
    return None  # decided on the page: does it render a form that posts to itself?


FORM_URLS = [name for name in APP_URLS if name in LEVELS and _takes_post(name) is not False]

# --- The values ---------------------------------------------------------------------------------------------------

HUGE = 100_000
TEXTS = st.one_of(
    st.text(st.characters(codec="utf-8", categories=["Cc", "Cf", "Zs", "Zl", "Zp", "So", "Lo", "Mn"]), max_size=40),
    st.sampled_from(["", " ", "\x00", "a\x00b", "\r\n\t", "<script>alert(1)</script>", "' OR 1=1 --", "{{ 7*7 }}"]),
    st.sampled_from("xé€😀\u202e").map(lambda char: char * HUGE),
)
NUMBERS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["-1", "0", "1e999", "-1e999", "NaN", "Infinity", "1,5", "0x10", "9" * 400, "1.000000000001"]),
)
DATES = st.one_of(
    st.dates().map(dt.date.isoformat),
    st.sampled_from(["0000-00-00", "0001-01-01", "9999-12-31", "10000-01-01", "-0001-01-01", "2026-02-30", "31/12/26"]),
)
TIMES = st.sampled_from(["25:61", "-1:00", "99:99:99", "12:00", ""])
IDS = st.one_of(st.integers(min_value=-(2**64), max_value=2**64).map(str), st.sampled_from(["0", "abc", "1.5", "[]"]))
FILES = st.builds(
    lambda name, content: SimpleUploadedFile(name, content),
    st.sampled_from(
        ["scan.pdf", "photo.jpg", "bank.csv", "sheet.xlsx", "../../etc/passwd", "x" * 300 + ".pdf", "no-extension"]
    ),
    st.one_of(st.binary(max_size=300), st.sampled_from([b"", b"%PDF-1.4 broken", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04"])),
)


def _other_ids(form_field):
    """Ids of records of the field's model that the form does not offer: the outsider's partnership's, mostly."""
    queryset = form_field.queryset
    offered = set(queryset.values_list("pk", flat=True))
    return [str(pk) for pk in queryset.model._default_manager.values_list("pk", flat=True)[:500] if pk not in offered]


def _bad_values(spec: Field, form_field):
    """What may go in one field instead of the page's value."""
    kinds = [TEXTS, IDS]
    if spec.options:
        kinds.append(st.sampled_from(spec.options))
    if isinstance(form_field, forms.ModelChoiceField):
        others = _other_ids(form_field)
        kinds += [st.sampled_from(others)] * 3 if others else []
    if isinstance(form_field, forms.IntegerField | forms.DecimalField | forms.FloatField) or spec.kind == "number":
        kinds += [NUMBERS] * 3
    if isinstance(form_field, forms.DateField | forms.DateTimeField) or spec.kind in ("date", "datetime-local"):
        kinds += [DATES] * 3
    if isinstance(form_field, forms.TimeField) or spec.kind == "time":
        kinds += [TIMES] * 2
    if isinstance(form_field, forms.FileField) or spec.kind == "file":
        return st.one_of(FILES, st.just(""))
    bad = st.one_of(*kinds)
    if spec.kind in ("select-multiple", "checkbox") or isinstance(form_field, forms.MultipleChoiceField):
        return st.lists(bad, max_size=4)
    return st.one_of(bad, st.lists(bad, min_size=2, max_size=3))  # a field sent twice: a wrong type too


def _payload(data, form: Form, fields):
    payload = {}
    for name, spec in sorted(form.fields.items()):
        if name == "csrfmiddlewaretoken":
            continue
        value = data.draw(st.one_of(st.just(spec.value), _bad_values(spec, fields.get(name))), label=name)
        if value is not None:
            payload[name] = value
    if data.draw(st.booleans(), label="an unknown field too"):
        payload["not_a_field"] = data.draw(TEXTS)
    return payload


# --- The forms ----------------------------------------------------------------------------------------------------


def _pages(world, role):
    """URL -> nothing, of every page `role` reads (the variants too): where the actions' forms are."""
    pages = [(name, None) for name in APP_URLS if LEVELS.get(name) in EXPECTED]
    pages += [(name, objects) for name, _, objects, level in VARIANTS if level in EXPECTED]
    return {url_for(name, world, objects) for name, objects in pages if EXPECTED[LEVELS[name]][role] == 200}


def _action_forms(client, world, role, url):
    """The forms posting to the action at `url`, from the pages above it (its object's page, its list, the
    partnership's dashboard): an action's button sits on the page of what it acts on. Pages are read once."""
    cache = world.setdefault("_pages_read", {})
    for page in sorted((p for p in _pages(world, role) if url.startswith(p) and p != url), key=len, reverse=True):
        if (role, page) not in cache:
            with transaction.atomic():
                response = client.get(page)
                transaction.set_rollback(True)
            html = response.status_code == 200 and "html" in response.get("Content-Type", "")
            cache[role, page] = _forms_with_fields(response) if html else []
        found = [form for form in cache[role, page] if urlsplit(form.action).path == url]
        if found:
            return found
    return []


def _forms_with_fields(response, own_url=None):
    """The page's post forms (those posting to `own_url` only, when given), each with its Django fields, one of each
    set of fields (a list page repeats the same form per row)."""
    fields, unique = django_fields(response), {}
    for form in post_forms(response.content.decode()):
        if own_url is not None and form.action and urlsplit(form.action).path != own_url:
            continue
        form.django = {n: fields[n] for n in form.fields if n in fields}
        unique.setdefault((urlsplit(form.action).path, tuple(sorted(form.fields))), form)
    return list(unique.values())


@pytest.mark.parametrize("name", FORM_URLS)
@pytest.mark.django_db
def test_bad_input_never_fails_and_never_writes_half(name, shared_world, record_property):
    role = acting_role(LEVELS[name])
    url = url_for(name, shared_world, None)
    client = walk_world.sign_in(Client(enforce_csrf_checks=True, raise_request_exception=False), shared_world, role)
    if LEVELS[name] in POST_EXPECTED:
        client.get(reverse("login"))  # for the CSRF cookie
        forms_ = _action_forms(client, shared_world, role, url) or [Form(url, False)]  # no page shows it: bare
    else:
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            pytest.skip(f"{name}: not a page ({response.status_code})")
        forms_ = _forms_with_fields(response, own_url=url)
        if not forms_:
            pytest.skip(f"{name}: no form posts to it")
    token = client.cookies["csrftoken"].value
    examples = []

    @given(data=st.data())
    def post_bad_input(data):
        form = data.draw(st.sampled_from(forms_), label="form")
        payload = {**_payload(data, form, getattr(form, "django", {})), "csrfmiddlewaretoken": token}
        examples.append(1)
        with transaction.atomic():
            before = row_counts()
            response = client.post(url, payload)
            assert response.status_code < 500, f"{name} as {role}: {response.status_code}"
            if response.status_code in (301, 302, 303):
                follow = client.get(response["Location"])
                assert follow.status_code < 500, f"{name}: after success, {response['Location']} answers 500"
            elif response.has_header("Content-Disposition") or name in SUCCESS_WITH_A_PAGE:
                pass  # a success answered with a file (an export) or a page of its own
            else:
                assert changed(before, row_counts()) == {}, f"{name}: {response.status_code}, yet it wrote"
            transaction.set_rollback(True)

    post_bad_input()
    record_property("bad_input", (len(forms_), len(examples)))  # summed up at the end (tests/conftest.py)


# Actions whose success is answered with a page rather than a redirect.
SUCCESS_WITH_A_PAGE = {"logout": "the signed-out page; signing out ends the session's record (accounts)"}


def test_the_walk_finds_the_forms():
    """The enumeration is not empty by accident: the forms and the actions of every app are in it."""
    assert len(FORM_URLS) > 100
    assert {"governance:budget_line_add", "phases:advance", "login", "monitoring:actual_edit"} <= set(FORM_URLS)
