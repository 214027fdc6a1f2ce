"""Browser journeys: Playwright from PyPI driving Debian's Chromium (its own browser download cannot work here)."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import needs_chromium

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test body are still sync.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# Journeys wait on conditions (an element, a text, a URL), never on time. The condition's deadline is generous:
# on a loaded two-core machine a page may take seconds, and a deadline that is too short fails a correct app.
# Playwright's default for `expect` is 5 s, for actions 30 s.
expect.set_options(timeout=20_000)


@pytest.fixture(autouse=True)
def _page_timeouts(request):
    if "page" in request.fixturenames:
        page = request.getfixturevalue("page")
        page.set_default_timeout(30_000)
        page.set_default_navigation_timeout(30_000)


@pytest.fixture(autouse=True)
def _reference_data(reference_data):
    """Every journey commits through the live server: make sure the codelists are there."""


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    needs_chromium()
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}, "locale": "en-GB"}


@pytest.fixture
def screenshot(page):
    """Save a full-page screenshot under test-artifacts/ (kept by CI) and return its path."""
    ARTIFACTS.mkdir(exist_ok=True)

    def take(name):
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def sign_in(page, live_server):
    def go(username, password="pw"):
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{live_server.url}/")  # My work
        page.goto(f"{live_server.url}/partnerships/")  # where these journeys start

    return go
