"""Rules for the suite itself: browser journeys wait on conditions, never on time.

A fixed wait is too short on a loaded machine (a flaky failure) and too long on a quiet one (a slow suite);
Playwright's `expect(...)` and `wait_for_*` wait exactly as long as the condition needs, up to a deadline.
"""

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
