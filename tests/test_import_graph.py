"""No module of the project imports, directly or through others, a module that imports it back.

Every import counts, including those inside functions (which is how circles used to be hidden, e.g. between a
services module that queued a task and the tasks module that called the service).
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = [
    "msp",
    "phases",
    "stakeholders",
    "governance",
    "monitoring",
    "inbox",
    "transfer",
    "search",
    "accounts",
    "opendata",
    "api",
    "bench",
]


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules():
    return {
        module_name(path): path
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts and "management" not in path.parts
    }


def imports_of(name, path, known):
    """The project modules `name` imports anywhere in its source."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return {m for m in found if m in known and m != name and not name.startswith(m + ".")}


def graph():
    known = project_modules()
    return {name: imports_of(name, path, known) for name, path in known.items()}


def cycles(edges):
    """Every strongly connected group of more than one module (Tarjan)."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return groups


def test_the_graph_sees_imports_inside_functions():
    edges = graph()
    assert "msp.keys" in edges["msp.celery"]  # imported inside a signal receiver
    assert "msp.outbox" in edges["msp.tasks"]


# The apps whose circles are gone (issue 8): governance's last one (services and party_services re-exporting each
# other) went with the split of its services by subject.
CHECKED = ("msp", "stakeholders", "governance")


def test_no_module_imports_itself_through_others():
    found = [group for group in cycles(graph()) if any(m.split(".")[0] in CHECKED for m in group)]
    assert found == []


def test_a_circle_would_be_found():
    assert cycles({"a.services": {"a.tasks"}, "a.tasks": {"a.services"}, "a.models": set()}) == [
        ["a.services", "a.tasks"]
    ]
