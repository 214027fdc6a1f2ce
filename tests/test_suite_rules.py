"""Rules for the suite itself: browser journeys wait on conditions, never on time.

A fixed wait is too short on a loaded machine (a flaky failure) and too long on a quiet one (a slow suite);
Playwright's `expect(...)` and `wait_for_*` wait exactly as long as the condition needs, up to a deadline.
"""

import ast
import re
from pathlib import Path

E2E = Path(__file__).parent / "e2e"
BROWSER_TESTS = [E2E, Path(__file__).parent / "pages"]  # the journeys and the page checks
TIMED_WAIT = re.compile(r"\bwait_for_timeout\s*\(|\btime\.sleep\s*\(|\bsleep\s*\(")


def test_journeys_exist():
    assert len(list(E2E.glob("test_*.py"))) >= 5


def test_browser_journeys_never_wait_on_time():
    offenders = [
        f"{path.parent.name}/{path.name}:{number}: {line.strip()}"
        for folder in BROWSER_TESTS
        for path in sorted(folder.glob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if TIMED_WAIT.search(line)
    ]
    assert offenders == []


# pytest-playwright's fixtures: a test outside the browser folders whose argument bears one of these names is
# parametrised by browser like a journey, and pytest then groups it with the journeys, before tests that only use
# the database. Those run after the journeys' flushes, on a database without its codelists: name it otherwise.
PLAYWRIGHT_FIXTURES = {"page", "browser", "context", "browser_name", "browser_context_args", "new_context"}


def test_only_browser_tests_take_playwrights_fixture_names():
    offenders = []
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        if any(path.is_relative_to(folder) for folder in BROWSER_TESTS):
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef) and (node.name.startswith("test_") or node.decorator_list):
                taken = {arg.arg for arg in node.args.args} & PLAYWRIGHT_FIXTURES
                offenders += [f"{path.relative_to(E2E.parent)}::{node.name}({name})" for name in sorted(taken)]
    assert offenders == [], "rename these arguments (e.g. page -> page_name): " + ", ".join(offenders)
