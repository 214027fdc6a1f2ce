"""The page checks run in Chromium like the browser journeys (same launch arguments, timeouts and codelists), and
close with a summary of what they checked (how many pages per role, the violations by rule), written by the tests
into test-artifacts/page-checks/ so it also works when pytest-xdist runs them in other processes."""

import json

from tests.e2e.conftest import (  # noqa: F401  (fixtures, re-used as they are)
    _page_timeouts,
    _reference_data,
    browser_context_args,
    browser_type_launch_args,
)

from .checks import REPORTS


def pytest_sessionstart(session):
    if not hasattr(session.config, "workerinput"):  # the controlling process, before any test writes
        for old in REPORTS.glob("*.json"):
            old.unlink()


def pytest_terminal_summary(terminalreporter):
    reports = [json.loads(path.read_text()) for path in sorted(REPORTS.glob("*.json"))]
    if not reports:
        return
    write = terminalreporter.write_line
    terminalreporter.section("page checks")
    for report in reports:
        if report["kind"] == "axe":
            write(
                f"axe-core as {report['role']}: {len(report['pages'])} pages, {report['states']} page states, "
                f"{len(report['violations'])} serious or critical violations"
            )
        else:
            write(f"Nu HTML Checker: {report['documents']} documents (pages x roles), {len(report['errors'])} errors")
    by_rule = {}
    for report in reports:
        for v in report.get("violations", []):
            entry = by_rule.setdefault(v["rule"], {"impact": v["impact"], "pages": set()})
            entry["pages"].add((v["role"], v["page"]))
    for rule, entry in sorted(by_rule.items()):
        write(f"  {rule} ({entry['impact']}): {len(entry['pages'])} pages x roles")
    axe = [r for r in reports if r["kind"] == "axe"]
    if axe:
        total = sum(len(r["pages"]) for r in axe)
        write(f"axe-core: {total} pages x roles checked ({', '.join(r['role'] for r in axe)})")
