"""The shape of our code, held so later issues keep it: no module of our apps over MAX_MODULE_LINES lines, and no
view function or view method over MAX_VIEW_LINES lines (a longer view does work that belongs in a form, a service,
a selector or a helper).

The allowlists name what is over the limit today and is to be split next. They only shrink: an entry that is
back under its limit fails the test too, so whoever splits a module also takes it off the list."""

import ast
from pathlib import Path

import pytest

from tests.test_import_graph import APPS  # one list of our apps for both checks

ROOT = Path(__file__).resolve().parent.parent

MAX_MODULE_LINES = 400
MAX_VIEW_LINES = 30

# Modules over the limit today. Each entry says why it waits.
LONG_MODULES: set[str] = set()
# View functions and methods over the limit today, as "module::name".
LONG_VIEWS: set[str] = set()


def _modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def _is_view_module(path):
    return path.name == "views.py" or "views" in path.relative_to(ROOT).parts[:-1]


def _lines(path):
    return len(path.read_text(encoding="utf-8").splitlines())


def _long_functions(path):
    """Every function or method of a module longer than MAX_VIEW_LINES, from its `def` line to its last line."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = node.end_lineno - node.lineno + 1
            if length > MAX_VIEW_LINES:
                yield node.name, length


def _long_views():
    return {
        f"{path.relative_to(ROOT).as_posix()}::{name}": length
        for path in _modules()
        if _is_view_module(path)
        for name, length in _long_functions(path)
    }


def test_no_module_is_over_the_limit():
    long = {path.relative_to(ROOT).as_posix(): _lines(path) for path in _modules() if _lines(path) > MAX_MODULE_LINES}
    new = {name: n for name, n in long.items() if name not in LONG_MODULES}
    assert not new, f"Split these modules (over {MAX_MODULE_LINES} lines): {new}"


def test_no_view_is_over_the_limit():
    new = {name: n for name, n in _long_views().items() if name not in LONG_VIEWS}
    assert not new, f"Shorten these views (over {MAX_VIEW_LINES} lines; move work to a helper or service): {new}"


@pytest.mark.parametrize("name", sorted(LONG_MODULES))
def test_an_allowlisted_module_is_still_long(name):
    path = ROOT / name
    assert path.exists(), f"{name} is gone: take it off LONG_MODULES"
    assert _lines(path) > MAX_MODULE_LINES, f"{name} is within the limit now: take it off LONG_MODULES"


@pytest.mark.parametrize("name", sorted(LONG_VIEWS))
def test_an_allowlisted_view_is_still_long(name):
    assert name in _long_views(), f"{name} is within the limit now (or gone): take it off LONG_VIEWS"


def test_the_rules_see_what_they_should(tmp_path):
    """The walk finds the views of a views package, and a method one line over the limit is caught."""
    names = {path.relative_to(ROOT).as_posix() for path in _modules() if _is_view_module(path)}
    assert {"governance/views/roadmap.py", "phases/views.py", "stakeholders/views/invitations.py"} <= names
    assert "governance/models/base.py" not in names
    body = "\n".join(f"        x = {i}" for i in range(MAX_VIEW_LINES - 1))
    module = tmp_path / "views.py"
    module.write_text(f"class V:\n    def short(self):\n        pass\n\n    def get(self):\n{body}\n        return x\n")
    assert dict(_long_functions(module)) == {"get": MAX_VIEW_LINES + 1}
