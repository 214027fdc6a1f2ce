"""Demo roadmaps and MoUs.

Cocoa: roadmap v1 (superseded) and v2 (approved by every member), MoU v1 in force, signed by all five members.
Water: roadmap v1 in review (one approval so far), MoU v1 superseded in review and v2 partially signed, with open
comments. Organisations, contacts and memberships are looked up by name and created only when the stakeholder
demo has not made them, so both demos agree. Idempotent: a partnership that has versions is left alone.
"""

import datetime as dt

from auditlog.context import set_actor
from django.utils import timezone

from stakeholders.models import ContactPerson, Membership, Organisation

from .models import (
    Clause,
    Milestone,
    MouComment,
    MouSignature,
    MouVersion,
    ResultNode,
    RoadmapApproval,
    RoadmapComment,
    RoadmapGoal,
    RoadmapVersion,
)


def _at(day, hour=10):
    return timezone.make_aware(dt.datetime.fromisoformat(f"{day}T{hour:02d}:00"))


# name: (sector, country, contact name, job title, user, may sign)
ORGANISATIONS = {
    "cocoa": [
        ("Ghana Cocoa Board", "public", "GH", "Kofi Boateng", "Director, Research and Sustainability", "kofi", True),
        ("Conseil du Café-Cacao", "public", "CI", "Yao Kouassi", "Directeur général adjoint", None, True),
        ("Coopérative Agricole Kavokiva", "civil_society", "CI", "Awa Koné", "Présidente", "awa", True),
        ("ChocoNova AG", "private", None, "Lena Fischer", "Head of Sustainable Sourcing", None, True),
        ("Rainforest Alliance", "civil_society", None, "Samuel Owusu", "Regional Director West Africa", None, True),
    ],
    "water": [
        (
            "Water Resources Authority",
            "public",
            "KE",
            "Wanjiru Njoroge",
            "Regional Manager, Upper Tana",
            "wanjiru",
            True,
        ),
        ("Nairobi City Water and Sewerage Company", "public", "KE", "Peter Otieno", "Managing Director", None, True),
        ("Kenya Electricity Generating Company", "private", "KE", "Grace Mutua", "General Manager, Hydro", None, True),
        ("Upper Tana Farmers' Union", "civil_society", "KE", "John Mwangi", "Chairperson", None, True),
    ],
}


def _members(ctx, key, joined):
    """The demo organisations of a partnership, as members, with their signing contact. Reuses what exists."""
    partnership = ctx["partnerships"][key]
    users = ctx["users"]
    orgs = []
    for name, sector, country, contact_name, title, username, may_sign in ORGANISATIONS[key]:
        org, _ = Organisation.objects.get_or_create(name=name, defaults={"sector": sector, "country_id": country})
        Membership.objects.get_or_create(
            partnership=partnership, organisation=org, left_on=None, defaults={"joined_on": joined}
        )
        contact, _ = ContactPerson.objects.get_or_create(
            organisation=org,
            name=contact_name,
            defaults={"job_title": title, "may_sign": may_sign, "seniority": "executive"},
        )
        user = users.get(username) if username else None
        if user and contact.user_id is None and not ContactPerson.objects.filter(user=user).exists():
            contact.user = user
            if not contact.email:
                contact.email = user.email
            contact.save(update_fields=["user", "email"])
        orgs.append((org, contact))
    return orgs


def _roadmap(partnership, number, by, spec, orgs, *, created):
    """A roadmap version built as a draft (the freeze allows nothing else), returned still a draft."""
    by_name = {org.name: org for org, _ in orgs}
    version = RoadmapVersion.objects.create(
        partnership=partnership,
        number=number,
        created_by=by,
        created_at=_at(created),
        problem_statement=partnership.problem_statement,
        vision=spec["vision"],
        change_note=spec.get("change_note", ""),
    )
    for i, text in enumerate(spec["goals"]):
        RoadmapGoal.objects.create(version=version, position=i, text=text)
    nodes = {}
    for i, (ref, level, parent, title, owner, description) in enumerate(spec["chain"]):
        nodes[ref] = ResultNode.objects.create(
            version=version,
            level=level,
            parent=nodes.get(parent),
            title=title,
            description=description,
            owner=by_name.get(owner),
            position=i,
        )
    for title, due, owner, node, status, done in spec["milestones"]:
        Milestone.objects.create(
            version=version,
            title=title,
            due_on=dt.date.fromisoformat(due),
            owner=by_name.get(owner),
            node=nodes.get(node),
            status=status,
            done_on=dt.date.fromisoformat(done) if done else None,
        )
    return version


def _move(version, **fields):
    for name, value in fields.items():
        setattr(version, name, value)
    version.save(update_fields=list(fields))


COCOA_CHAIN = [
    (
        "impact",
        "impact",
        None,
        "Cocoa farming households earn a living income without deforestation",
        "",
        "Measured against the Anker living-income reference for Ghana and Côte d'Ivoire.",
    ),
    ("traceability", "outcome", "impact", "Cocoa is traceable to the farm", "Conseil du Café-Cacao", ""),
    ("income", "outcome", "impact", "Farm incomes rise towards a living income", "ChocoNova AG", ""),
    (
        "forest",
        "outcome",
        "impact",
        "Forest cover in cocoa landscapes is kept and restored",
        "Rainforest Alliance",
        "",
    ),
    (
        "mapping",
        "output",
        "traceability",
        "Every cooperative farm mapped with polygons",
        "Ghana Cocoa Board",
        "GPS polygons of every farm of member cooperatives, checked against the protected-area maps.",
    ),
    ("premium", "output", "income", "Living-income premium paid on every tonne sourced", "ChocoNova AG", ""),
    (
        "agroforestry",
        "output",
        "forest",
        "Agroforestry systems on 20,000 ha",
        "Coopérative Agricole Kavokiva",
        "",
    ),
    (
        "train-mappers",
        "activity",
        "mapping",
        "Train cooperative staff as farm mappers",
        "Coopérative Agricole Kavokiva",
        "",
    ),
    ("seedlings", "activity", "agroforestry", "Distribute shade-tree seedlings", "Rainforest Alliance", ""),
]

COCOA_V1 = dict(
    vision="By 2030, cocoa from Ghana and Côte d'Ivoire is deforestation-free and its farmers earn a living income.",
    goals=[
        "Every bean traceable to the farm by 2027.",
        "Living-income reference prices paid across the partnership's sourcing.",
        "No cocoa from protected forests.",
    ],
    chain=COCOA_CHAIN,
    milestones=[
        ("Farm mapping pilot in 40 cooperatives", "2025-03-31", "Ghana Cocoa Board", "mapping", "done", "2025-03-20"),
        ("First premium payments", "2025-06-30", "ChocoNova AG", "premium", "done", "2025-06-12"),
    ],
)
COCOA_V2 = dict(
    COCOA_V1,
    change_note="Côte d'Ivoire's regulator joined: traceability is now owned by the Conseil du Café-Cacao, and the "
    "community child-labour monitoring goal is added.",
    goals=[*COCOA_V1["goals"], "Community-based child-labour monitoring in every member cooperative."],
    milestones=[
        *COCOA_V1["milestones"],
        (
            "National traceability system live in Côte d'Ivoire",
            "2026-06-30",
            "Conseil du Café-Cacao",
            "traceability",
            "in_progress",
            None,
        ),
        (
            "10,000 ha under agroforestry",
            "2026-12-31",
            "Coopérative Agricole Kavokiva",
            "agroforestry",
            "planned",
            None,
        ),
    ],
)

COCOA_CLAUSES = [
    (
        "partners",
        "The partners",
        "This memorandum is made between the **Ghana Cocoa Board**, the **Conseil du Café-Cacao**, the "
        "**Coopérative Agricole Kavokiva**, **ChocoNova AG** and the **Rainforest Alliance** (the partners).",
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

WATER_CLAUSES_V1 = [
    (
        "partners",
        "The partners",
        "The Water Resources Authority, the Nairobi City Water and Sewerage Company, the Kenya Electricity "
        "Generating Company and the Upper Tana Farmers' Union.",
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
        "A board of the four partners decides by majority.",
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


def _sign(version, orgs, day, hour=9):
    for i, (org, contact) in enumerate(orgs):
        MouSignature.objects.create(
            version=version,
            organisation=org,
            signed_by=contact.user,
            signer_name=contact.name,
            signer_position=contact.job_title,
            signed_at=_at(day, hour + i),
            fingerprint=version.fingerprint,
        )


def load(ctx):
    users = ctx["users"]
    amina, joseph = users["amina"], users["joseph"]

    cocoa = ctx["partnerships"]["cocoa"]
    cocoa_orgs = _members(ctx, "cocoa", dt.date(2024, 1, 15))
    if not RoadmapVersion.objects.filter(partnership=cocoa).exists():
        with set_actor(amina):
            v1 = _roadmap(cocoa, 1, amina, COCOA_V1, cocoa_orgs, created="2024-09-02")
            _move(v1, status="in_review", sent_at=_at("2024-10-01"))
            for i, (org, contact) in enumerate(cocoa_orgs):
                RoadmapApproval.objects.create(
                    version=v1, organisation=org, by=contact.user, at=_at("2024-10-20", 9 + i)
                )
            _move(v1, status="approved", approved_at=_at("2024-10-28"))
            v2 = _roadmap(cocoa, 2, amina, COCOA_V2, cocoa_orgs, created="2025-07-14")
            _move(v2, status="in_review", sent_at=_at("2025-08-01"))
            RoadmapComment.objects.create(
                version=v2,
                author=users["awa"],
                organisation=cocoa_orgs[2][0],
                body="Child-labour monitoring needs its own budget line; please note it for the commitments round.",
                created_at=_at("2025-08-05"),
                resolved_at=_at("2025-08-12"),
                resolved_by=amina,
            )
            for i, (org, contact) in enumerate(cocoa_orgs):
                RoadmapApproval.objects.create(
                    version=v2, organisation=org, by=contact.user, at=_at("2025-08-18", 9 + i)
                )
            _move(v1, status="superseded", superseded_at=_at("2025-08-20"))
            _move(v2, status="approved", approved_at=_at("2025-08-20"))

    if not MouVersion.objects.filter(partnership=cocoa).exists():
        with set_actor(amina):
            mou = _mou(cocoa, 1, amina, "Memorandum of Understanding", COCOA_CLAUSES, created="2024-10-07")
            _move(
                mou, status="for_signature", fingerprint=mou.compute_fingerprint(), for_signature_at=_at("2024-10-30")
            )
            _sign(mou, cocoa_orgs, "2024-11-04")
            _move(mou, status="in_force", in_force_at=_at("2024-11-05"))

    water = ctx["partnerships"]["water"]
    water_orgs = _members(ctx, "water", dt.date(2025, 5, 2))
    if not RoadmapVersion.objects.filter(partnership=water).exists():
        with set_actor(joseph):
            spec = dict(
                vision="Clean, reliable water for Nairobi and the farms of the Upper Tana, all year round.",
                goals=[
                    "Halve sediment loads reaching the Masinga reservoir by 2030.",
                    "Keep dry-season river flows above the ecological minimum.",
                ],
                chain=[
                    ("impact", "impact", None, "Reliable, clean water supply for Nairobi and the Upper Tana", "", ""),
                    (
                        "soil",
                        "outcome",
                        "impact",
                        "Less soil erosion from smallholder farms",
                        "Upper Tana Farmers' Union",
                        "",
                    ),
                    (
                        "terraces",
                        "output",
                        "soil",
                        "Terraces and grass strips on 50,000 farms",
                        "Upper Tana Farmers' Union",
                        "",
                    ),
                    (
                        "monitoring",
                        "output",
                        "soil",
                        "Flow and sediment monitoring network",
                        "Water Resources Authority",
                        "",
                    ),
                ],
                milestones=[
                    (
                        "Monitoring stations installed",
                        "2026-03-31",
                        "Water Resources Authority",
                        "monitoring",
                        "planned",
                        None,
                    ),
                ],
            )
            v1 = _roadmap(water, 1, joseph, spec, water_orgs, created="2025-07-01")
            _move(v1, status="in_review", sent_at=_at("2025-10-06"))
            org, contact = water_orgs[0]
            RoadmapApproval.objects.create(version=v1, organisation=org, by=contact.user, at=_at("2025-10-09"))

    if not MouVersion.objects.filter(partnership=water).exists():
        with set_actor(joseph):
            v1 = _mou(water, 1, joseph, "Memorandum of Understanding", WATER_CLAUSES_V1, created="2025-08-04")
            _move(v1, status="in_review", fingerprint=v1.compute_fingerprint(), sent_at=_at("2025-08-11"))
            funding = v1.clauses.get(type="funding_conditions")
            thread = MouComment.objects.create(
                version=v1,
                clause=funding,
                author=users["wanjiru"],
                organisation=water_orgs[0][0],
                body="Without a floor the fund cannot plan payments to farmers. Can we agree a minimum a year?",
                created_at=_at("2025-08-14"),
                resolved_at=_at("2025-09-01"),
                resolved_by=joseph,
            )
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
            _sign(v2, water_orgs[:2], "2025-09-22")
            _move(v2, status="partially_signed")
            MouComment.objects.create(
                version=v2,
                clause=v2.clauses.get(type="governance"),
                author=users["wanjiru"],
                organisation=water_orgs[0][0],
                body="KenGen asks whether the veto also covers the payment schedule. Can the secretariat clarify "
                "before their board signs?",
                created_at=_at("2025-09-25"),
            )
            MouComment.objects.create(
                version=v2,
                author=joseph,
                body="Reminder: the Farmers' Union signs at its general assembly in October.",
                created_at=_at("2025-09-26"),
            )
