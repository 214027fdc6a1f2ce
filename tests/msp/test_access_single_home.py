"""Every permission decision is made in msp/access.py.

Outside it, no module may read a user's role on a partnership (`.role`, `Role.`, `PartnershipRole`) or whether
a contact person may sign (`may_sign`) to decide what someone may do: it asks `access.can`/`access.require`.
Code that only defines, stores, shows or lists that data is allowed below, by module and function, each with
the reason. A new read anywhere else fails here: either ask access, or (for data, not decisions) add it to
ALLOWED with its reason.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("msp", "phases", "stakeholders", "governance", "monitoring")
HOME = "msp/access/"

# "path": "*" allows a whole module of data definitions; "path": {"function": reason} allows single functions.
ALLOWED = {
    # Data definitions: models, their admin columns and filters, forms' fields and choices, spreadsheet columns.
    "msp/models.py": "*",
    "msp/admin.py": "*",
    "stakeholders/models/invitations.py": "*",
    "stakeholders/admin.py": "*",
    "stakeholders/filters.py": "*",
    "stakeholders/forms.py": "*",
    "msp/forms.py": "*",
    # Import and export of contact persons and members: the may-sign column and a member's role are data.
    "stakeholders/spreadsheets.py": "*",
    # The donor report counts the members by their role in the partnership (a membership's role, not a user's).
    "monitoring/reports/sections/status.py": {"collect": "members counted by membership role"},
    "stakeholders/import_checks.py": "*",
    # Demo data: creates roles and signatories.
    "msp/demo.py": "*",
    "stakeholders/demo.py": "*",
    "stakeholders/demo_registry.py": "*",
    "governance/demo/common.py": "*",
    # The facts access decides from (which contact person, active, may sign): read here, decided there.
    "stakeholders/affiliations.py": {"_acting": "fills msp.affiliations.Acting"},
    "msp/services.py": {
        "partnership_create": "the creator becomes its secretariat (a write)",
        "role_grant": "writes a role; keeps the secretariat from being demoted by mistake",
        "role_revoke": "keeps the last secretariat (a rule about the data, like a constraint)",
        "_refuse_removing_last_secretariat": "the same rule",
    },
    "msp/selectors.py": {"roles_for": "lists the people of a partnership"},
    "msp/views.py": {
        "PartnershipListView.get_queryset": "shows each partnership's role in the list",
        "role_revoke": "loads the role row to remove (access decided manage_roles first)",
    },
    "msp/dashboard.py": {"roles": "lists people by role on the dashboard"},
    "msp/apps.py": {"MspConfig.ready": "registers PartnershipRole with the audit log"},
    "phases/services.py": {"_notify_transition": "tells everyone with a role (recipients, not rights)"},
    "stakeholders/services/invitations.py": {
        "invitation_create": "an invitation grants the partner or donor role (validates the data)",
        "invitation_accept": "accepting writes the invited role",
    },
    "stakeholders/selectors.py": {"memberships_for": "counts each member's signatories for the members table"},
    # A secretariat staff member's role (coordinator, officer) is their job there, not a user's role.
    "governance/selectors/bodies.py": {"secretariat_for": "counts the secretariat's staff by their job"},
    "governance/services/bodies.py": {"staff_save": "writes a staff member's job in the secretariat"},
    "governance/checks/steering.py": {"secretariat": "SR-1 looks for a coordinator among the secretariat's staff"},
}

WATCHED_NAMES = {"Role", "PartnershipRole"}
WATCHED_ATTRIBUTES = {"role", "may_sign"}


def watched_keyword(keyword):
    """`may_sign=`, `contacts__may_sign=`... in a query; `role="partner"`, `role__in=[...]` with the role spelled
    out (passing on a role someone chose, `role=role`, is data, not a decision)."""
    parts = keyword.arg.split("__")
    if "may_sign" in parts:
        return True
    spelled_out = isinstance(keyword.value, ast.Constant | ast.List | ast.Tuple | ast.Set)
    return "role" in parts and spelled_out


def reads(source):
    """(qualified name of the enclosing function or class, line, what) for each watched read in `source`."""
    found = []

    def visit(node, scope):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            scope = [*scope, node.name]
        what = None
        if isinstance(node, ast.Name) and node.id in WATCHED_NAMES:
            what = node.id
        elif isinstance(node, ast.Attribute) and node.attr in WATCHED_ATTRIBUTES:
            what = f".{node.attr}"
        elif isinstance(node, ast.keyword) and node.arg and watched_keyword(node):
            what = f"{node.arg}="
        if what:
            found.append((".".join(scope) or "<module>", getattr(node, "lineno", 0), what))
        for child in ast.iter_child_nodes(node):
            visit(child, scope)

    visit(ast.parse(source), [])
    return found


def modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" in relative or relative.startswith(HOME):
                continue
            yield relative, path.read_text(encoding="utf-8")


def allowed(path, scope):
    rule = ALLOWED.get(path)
    if rule == "*":
        return True
    return bool(rule) and any(scope == name or scope.startswith(name + ".") for name in rule)


def test_no_module_outside_access_reads_roles_or_signing_rights_to_decide():
    offending = [
        f"{path}:{line} {scope} reads {what}"
        for path, source in modules()
        for scope, line, what in reads(source)
        if not allowed(path, scope)
    ]
    assert not offending, "Ask msp.access instead (or allow data-only reads in ALLOWED):\n" + "\n".join(offending)


def test_every_allowed_function_still_reads_what_it_is_allowed_for():
    """A stale entry would let a new decision slip through unnoticed under an old name."""
    found = {(path, scope) for path, source in modules() for scope, _line, _what in reads(source)}
    stale = [
        f"{path}: {name}"
        for path, rule in ALLOWED.items()
        if rule != "*"
        for name in rule
        if not any(p == path and (s == name or s.startswith(name + ".")) for p, s in found)
    ]
    assert not stale, "Remove these from ALLOWED:\n" + "\n".join(stale)


def test_the_guard_sees_a_decision_made_outside_access():
    source = """
def may_sign(user, contact, partnership):
    if contact.may_sign and PartnershipRole.objects.filter(user=user, role=Role.PARTNER).exists():
        return True
    if user.memberships.filter(role="partner", organisation__contacts__may_sign=True).exists():
        return True
    return user.partnership_role.role == "partner"
"""
    whats = [what for _scope, _line, what in reads(source)]
    assert whats.count(".may_sign") == 1
    assert {"PartnershipRole", "Role", "role=", ".role", "organisation__contacts__may_sign="} <= set(whats)
    assert reads("grant(user=user, role=role)\n") == [], "passing on a role chosen in a form is data"
    assert not allowed("governance/services.py", "may_sign")
    assert not allowed("msp/services.py", "some_new_service")
