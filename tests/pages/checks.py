"""The two checkers: axe-core in the page (vendored, tests/vendor/) and the Nu HTML Checker (vnu.jar on Java)."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import CI

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "tests" / "vendor" / "axe.min.js"
REPORTS = ROOT / "test-artifacts" / "page-checks"
# Where .ci/page-checks installs the vnu-jar npm package (VNU_JAR overrides).
VNU_JAR = ROOT / "var" / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
FAILING_IMPACTS = {"serious", "critical"}


# Every Content-Security-Policy violation the browser reports in a page (an inline style or script, an eval): run
# before the page's own scripts (add_init_script), read and emptied by csp_violations().
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " refused " + (e.blockedURI || "inline") + " at " +
    (e.sourceFile || "the page") + ":" + e.lineNumber + (e.sample ? " (" + e.sample + ")" : ""));
});
"""


def csp_violations(page, console):
    """The violations reported since the last call: by the event, and by console errors that name the policy
    (`console` is the list a page.on("console") listener fills)."""
    found = page.evaluate("() => (window.__cspViolations || []).splice(0)")
    found += [text for text in console if "Content Security Policy" in text]
    console.clear()
    return found


def axe_violations(page):
    """Serious and critical violations of WCAG 2.1 A and AA on the page as it is now."""
    result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "count": len(v["nodes"]),
            "targets": [" ".join(map(str, node["target"])) for node in v["nodes"][:3]],
        }
        for v in result["violations"]
        if v["impact"] in FAILING_IMPACTS
    ]


def vnu_command():
    """`java -jar vnu.jar`, or a skip (a failure in CI) saying how to get it."""
    jar = Path(os.environ.get("VNU_JAR", VNU_JAR))
    java = shutil.which("java")
    if java and jar.exists():
        return [java, "-jar", str(jar)]
    why = f"needs Java (apt-get install default-jre-headless) and {jar} (bash .ci/page-checks installs it)"
    if CI:
        pytest.fail(f"MSP_CI is set but the Nu HTML Checker is missing: {why}")
    pytest.skip(why)


def vnu_errors(command, paths):
    """The checker's errors for all the files at once (one JVM): [(file name, line, message)]."""
    done = subprocess.run(
        [*command, "--format", "json", "--errors-only", "--exit-zero-always", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    messages = json.loads(done.stderr)["messages"]  # vnu writes its report to stderr
    return [(Path(m.get("url", "?")).name, m.get("lastLine", 0), m["message"]) for m in messages]


def save_report(name, report):
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / f"{name}.json").write_text(json.dumps(report, indent=1))
