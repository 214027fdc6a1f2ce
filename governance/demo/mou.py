"""Demo MoUs: cocoa v1 signed by the founding members in 2024 and superseded, v2 in force, signed by all eight
members; water v1 superseded after review comments, v2 partially signed (two of six), with open comments."""

from auditlog.context import set_actor

from ..models import Clause, MouComment, MouVersion
from .common import _as_of, _at, _move, _org_of, _parties, _sign

COCOA_CLAUSES = [
    (
        "partners",
        "The partners",
        "This memorandum is made between the member organisations of the partnership listed in the signature "
        "table: the regulators of both countries, the farmers' cooperative unions, the chocolate manufacturer, "
        "the trader, the network hosting the secretariat, and the funder (the partners).",
    ),
    (
        "vision_objectives",
        "Vision and objectives",
        "By 2030, cocoa from Ghana and Côte d'Ivoire is deforestation-free and its farmers earn a living income.\n\n"
        "The partners pursue the goals of the roadmap they approved:\n"
        "- traceability to the farm;\n- living-income reference prices;\n- no cocoa from protected forests.",
    ),
    (
        "roles_responsibilities",
        "Roles and responsibilities",
        "Each partner owns the results-chain nodes and milestones assigned to it in the roadmap. The secretariat "
        "coordinates, records decisions and reports; it does not vote.",
    ),
    (
        "resource_commitments",
        "Resource commitments",
        "The partners record their commitments (cash, staff time, expertise) with the secretariat, which "
        "reports them to all partners every quarter.",
    ),
    (
        "governance",
        "Governance and decision-making",
        "A steering committee with one seat per partner decides by consensus; where consensus fails after two "
        "meetings, by a two-thirds majority.",
    ),
    (
        "grievance",
        "Grievance",
        "A partner with a grievance raises it with the secretariat, which puts it to the next steering "
        "committee meeting within *30 days*.",
    ),
    (
        "exit",
        "Exit",
        "A partner may leave with three months' written notice. Commitments already made for the current year "
        "are honoured.",
    ),
]

COCOA_CHILD_LABOUR_CLAUSE = (
    "roles_responsibilities",
    "Child-labour monitoring and remediation",
    "Every member cooperative runs a community-based child-labour monitoring and remediation system. The "
    "manufacturers and traders fund it in proportion to the tonnes they source; the regulators receive its "
    "reports every six months.",
)

WATER_CLAUSES_V1 = [
    (
        "partners",
        "The partners",
        "The Water Resources Authority – Tana Basin, the Nairobi Metropolitan Water Utility, the Tana Hydropower "
        "Company, the Upper Tana Farmers' Union, Murang'a County Department of Agriculture and the Fund for "
        "Partnerships.",
    ),
    (
        "vision_objectives",
        "Vision and objectives",
        "Clean, reliable water for Nairobi and the farms of the Upper Tana, all year round.",
    ),
    (
        "funding_conditions",
        "Funding conditions",
        "Downstream users pay into the water fund in proportion to the water they abstract.",
    ),
    (
        "governance",
        "Governance and decision-making",
        "A board of the partners decides by majority.",
    ),
]
WATER_CLAUSES_V2 = [
    WATER_CLAUSES_V1[0],
    WATER_CLAUSES_V1[1],
    (
        "funding_conditions",
        "Funding conditions",
        "Downstream users pay into the water fund in proportion to the water they abstract, with a floor of "
        "USD 50,000 a year each. Payments to farmers follow verified soil and water conservation work.",
    ),
    (
        "governance",
        "Governance and decision-making",
        "A board with one seat per partner decides by consensus; the farmers' union holds a veto on payment "
        "rules for farmers.",
    ),
    (
        "exit",
        "Exit",
        "A partner may leave at the end of a financial year with six months' notice.",
    ),
]


def _mou(partnership, number, by, title, clauses, *, created, previous=None):
    version = MouVersion.objects.create(
        partnership=partnership, number=number, created_by=by, created_at=_at(created), title=title
    )
    previous_clauses = list(previous.clauses.all()) if previous else []
    for i, (kind, clause_title, text) in enumerate(clauses, start=1):
        same = next((c for c in previous_clauses if c.title == clause_title), None)
        Clause.objects.create(
            version=version,
            position=i,
            type=kind,
            title=clause_title,
            text=text,
            **({"key": same.key} if same else {}),
        )
    return version


def cocoa(ctx, cocoa_members):
    amina = ctx["users"]["amina"]
    cocoa = ctx["partnerships"]["cocoa"]
    if not MouVersion.objects.filter(partnership=cocoa).exists():
        with set_actor(amina):
            # v1: signed by the founding members in 2024; v2 adds child-labour monitoring once the Ivorian
            # regulator joined, and is signed by every member.
            v1 = _mou(cocoa, 1, amina, "Memorandum of Understanding", COCOA_CLAUSES, created="2024-10-07")
            _move(v1, status="for_signature", fingerprint=v1.compute_fingerprint(), for_signature_at=_at("2024-10-30"))
            _parties(v1, _as_of(cocoa_members, "2024-10-30"), _at("2024-10-30"), "sign")
        _sign(v1, _as_of(cocoa_members, "2024-10-30"), "2024-11-04", amina)
        with set_actor(amina):
            _move(v1, status="in_force", in_force_at=_at("2024-11-05"))
            v2 = _mou(
                cocoa,
                2,
                amina,
                "Memorandum of Understanding",
                [*COCOA_CLAUSES[:3], COCOA_CHILD_LABOUR_CLAUSE, *COCOA_CLAUSES[3:]],
                created="2025-08-25",
                previous=v1,
            )
            _move(v2, status="for_signature", fingerprint=v2.compute_fingerprint(), for_signature_at=_at("2025-09-02"))
            _parties(v2, _as_of(cocoa_members, "2025-09-02"), _at("2025-09-02"), "sign")
        _sign(v2, _as_of(cocoa_members, "2025-09-02"), "2025-09-08", amina)
        with set_actor(amina):
            _move(v1, status="superseded", ended_at=_at("2025-09-10"))
            _move(v2, status="in_force", in_force_at=_at("2025-09-10"))


def water(ctx, water_members):
    users = ctx["users"]
    joseph = users["joseph"]
    water = ctx["partnerships"]["water"]
    water_orgs = _as_of(water_members, "2099-01-01")
    wra = _org_of(water_members, users["wanjiru"])
    if not MouVersion.objects.filter(partnership=water).exists():
        with set_actor(joseph):
            v1 = _mou(water, 1, joseph, "Memorandum of Understanding", WATER_CLAUSES_V1, created="2025-08-04")
            _move(v1, status="in_review", fingerprint=v1.compute_fingerprint(), sent_at=_at("2025-08-11"))
            _parties(v1, _as_of(water_members, "2025-08-11"), _at("2025-08-11"), "approve")
            funding = v1.clauses.get(type="funding_conditions")
        with set_actor(users["wanjiru"]):
            thread = MouComment.objects.create(
                version=v1,
                clause=funding,
                author=users["wanjiru"],
                organisation=wra,
                body="Without a floor the fund cannot plan payments to farmers. Can we agree a minimum a year?",
                created_at=_at("2025-08-14"),
            )
        with set_actor(joseph):
            MouComment.objects.filter(pk=thread.pk).update(resolved_at=_at("2025-09-01"), resolved_by=joseph)
            MouComment.objects.create(
                version=v1,
                clause=funding,
                parent=thread,
                author=joseph,
                body="Agreed in the board meeting of 28 August: USD 50,000 a year each. Version 2 has it.",
                created_at=_at("2025-08-29"),
            )
            v2 = _mou(
                water, 2, joseph, "Memorandum of Understanding", WATER_CLAUSES_V2, created="2025-09-01", previous=v1
            )
            _move(v1, status="superseded", ended_at=_at("2025-09-15"))
            _move(v2, status="for_signature", fingerprint=v2.compute_fingerprint(), for_signature_at=_at("2025-09-15"))
            _parties(v2, _as_of(water_members, "2025-09-15"), _at("2025-09-15"), "sign")
            first_two = [m for m in water_orgs if m[0] == wra] + [m for m in water_orgs if m[0] != wra][:1]
        _sign(v2, first_two, "2025-09-22", joseph)
        with set_actor(joseph):
            _move(v2, status="partially_signed")
        with set_actor(users["wanjiru"]):
            MouComment.objects.create(
                version=v2,
                clause=v2.clauses.get(type="governance"),
                author=users["wanjiru"],
                organisation=wra,
                body="The hydropower company asks whether the veto also covers the payment schedule. Can the secretariat clarify "
                "before their board signs?",
                created_at=_at("2025-09-25"),
            )
        with set_actor(joseph):
            MouComment.objects.create(
                version=v2,
                author=joseph,
                body="Reminder: the Farmers' Union signs at its general assembly in October.",
                created_at=_at("2025-09-26"),
            )
