"""Every page of the URL walk, for each role of the demo: accessible (axe-core) and valid HTML (Nu HTML Checker).

Marked `pages`, which the ordinary run deselects (pyproject's addopts): it has its own step in .ci/run, and runs
locally with `bash .ci/page-checks` (or `pytest -m pages tests/pages` once the checker is installed). A new page
joins automatically through the URL walk and fails here until it is accessible and valid.
"""

import re

import pytest
from playwright.sync_api import expect

from .checks import AXE, CSP_LISTENER, axe_violations, csp_violations, save_report, vnu_command, vnu_errors
from .world import ROLES, client_for, demo_world, pages

pytestmark = [pytest.mark.pages, pytest.mark.django_db(transaction=True)]

PICKER = ".ts-wrapper:not(.disabled):not(.locked)"  # a picker one can open
ENHANCED = (
    "() => [...document.querySelectorAll('select[data-enhance], select[data-picker-url]')].every(s => s.tomselect)"
)


def _describe(found):
    return "\n".join(
        f"{v['role']} {v['page']} [{v['state']}]: {v['rule']} ({v['impact']}, {v['count']}x) {v['targets']}"
        for v in found
    )


@pytest.mark.parametrize("role", ROLES)
def test_every_page_is_accessible(role, page, live_server):
    """axe-core's WCAG 2.1 A and AA rules, serious and critical: on each page once loaded and its pickers
    enhanced by msp.js, and on pages with a picker also with the first one open (Tom Select's listbox). And no
    violation of the Content-Security-Policy reported by the browser in either state."""
    world = demo_world()
    found, _skipped = pages(role, world)
    if role != "anonymous":
        session = client_for(role, world).cookies["sessionid"].value
        page.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    page.context.add_init_script(path=str(AXE))
    page.context.add_init_script(script=CSP_LISTENER)
    console, refused = [], []
    page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
    violations, states = [], 0
    _csp_canary(page, live_server, console)
    for name, url, _html in found:
        response = page.goto(live_server.url + url)
        assert response.status == 200, f"{name} as {role}: {response.status}"
        page.wait_for_function(ENHANCED)
        checks = [("loaded", None)]
        if page.locator(PICKER).filter(visible=True).count():
            checks.append(("picker open", _open_first_picker))
        for state, action in checks:
            if action:
                action(page)
            refused += [f"{role} {name} [{state}]: {v}" for v in csp_violations(page, console)]
            states += 1
            violations += [{"role": role, "page": name, "state": state, **v} for v in axe_violations(page)]
    save_report(
        f"axe-{role}",
        {"kind": "axe", "role": role, "pages": [n for n, _u, _h in found], "states": states, "violations": violations},
    )
    assert found, f"no page answered {role}"
    assert not violations, f"{len(violations)} axe-core violations as {role}:\n{_describe(violations)}"
    assert not refused, f"{len(refused)} Content-Security-Policy violations as {role}:\n" + "\n".join(refused)


def _csp_canary(page, live_server, console):
    """Proves the listener hears the browser: an inline style attribute added to a page is refused and reported."""
    page.goto(live_server.url + "/accounts/login/")
    assert not csp_violations(page, console)
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">canary</p>')")
    page.wait_for_function("() => window.__cspViolations.length > 0")  # the report event is queued
    assert any("style-src" in v for v in csp_violations(page, console))


def _open_first_picker(page):
    wrapper = page.locator(PICKER).filter(visible=True).first
    wrapper.locator(".ts-control").click()
    expect(wrapper.locator(".ts-dropdown")).to_be_visible()


# Proves the checker saw the files: it must find the one error of this page (an htmx attribute without data-).
CANARY = '<!doctype html><html lang="en"><title>canary</title><p hx-get="/">x</p>'


def test_every_page_is_valid_html(tmp_path):
    """The HTML as served, of every page for every role, through the Nu HTML Checker in one run."""
    command = vnu_command()
    world = demo_world()
    files = {}
    for role in ROLES:
        for name, _url, html in pages(role, world)[0]:
            path = tmp_path / (re.sub(r"[^\w]+", "-", f"{role} {name}").strip("-") + ".html")
            path.write_text(html)
            files[path.name] = f"{role} {name}"
    (tmp_path / "canary.html").write_text(CANARY)
    errors = vnu_errors(command, sorted(tmp_path.glob("*.html")))
    assert [m for file, _line, m in errors if file == "canary.html"] == [
        "Attribute \u201chx-get\u201d not allowed on element \u201cp\u201d at this point."
    ]
    lines = [f"{files.get(file, file)} line {line}: {message}" for file, line, message in errors if file in files]
    save_report("nu", {"kind": "nu", "documents": len(files), "errors": lines})
    assert len(files) > 20
    assert not lines, f"{len(lines)} Nu HTML Checker errors on {len(files)} pages x roles:\n" + "\n".join(lines)
