"""Demo roadmaps and MoUs, built on the organisations, members and signing contacts of the stakeholder demo.

Cocoa: roadmap v1 (superseded) and v2 (approved by every member); MoU v1 signed by the founding members in 2024
and superseded, v2 in force, signed by all eight members. Water: roadmap v1 in review (one approval so far), MoU
v1 superseded after review comments and v2 partially signed (two of six), with open comments. Idempotent: a
partnership that has versions is left alone.

Every action is recorded as the person who would have done it: partners with an account approve and sign online
(the activity feed credits them); members without one approved by e-mail and signed on paper, which the
secretariat recorded with the evidence. The parties of every version sent are the members of the day it was sent.
"""

import datetime as dt

from auditlog.context import set_actor
from django.core.files.base import ContentFile
from django.utils import timezone

from msp.models import PartnershipRole, Role
from stakeholders.models import ContactPerson, Membership

from .models import (
    Clause,
    Method,
    Milestone,
    MouComment,
    MouParty,
    MouSignature,
    MouVersion,
    ResultNode,
    RoadmapApproval,
    RoadmapComment,
    RoadmapGoal,
    RoadmapParty,
    RoadmapVersion,
)


def _at(day, hour=10):
    return timezone.make_aware(dt.datetime.fromisoformat(f"{day}T{hour:02d}:00"))


def _members(ctx, key):
    """The partnership's member organisations from the stakeholder demo, each with the contact who signs for it.

    The users `kofi`, `awa` and `wanjiru` are signing contacts of their organisations there; the other
    signatories are contact persons without an account (their signatures carry their name and position).
    Ordered so that organisations with a demo user come first.
    """
    partnership = ctx["partnerships"][key]
    members = []
    for membership in Membership.objects.active().filter(partnership=partnership).select_related("organisation"):
        contact = (
            ContactPerson.objects.filter(organisation=membership.organisation, may_sign=True, is_active=True)
            .order_by("pk")
            .first()
        )
        if contact is not None:
            members.append((membership.organisation, contact, membership.joined_on))
    members.sort(key=lambda m: (m[1].user_id is None, m[0].name))
    return members


def _as_of(members, day):
    """(organisation, contact) of the members that had joined by `day`."""
    day = dt.date.fromisoformat(day)
    return [(org, contact) for org, contact, joined in members if joined <= day]


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
    ("traceability", "outcome", "impact", "Cocoa is traceable to the farm", "Conseil Ivoirien de la Filière Cacao", ""),
    ("income", "outcome", "impact", "Farm incomes rise towards a living income", "Chocolaterie Europa GmbH", ""),
    (
        "forest",
        "outcome",
        "impact",
        "Forest cover in cocoa landscapes is kept and restored",
        "Forest Futures Network",
        "",
    ),
    (
        "mapping",
        "output",
        "traceability",
        "Every cooperative farm mapped with polygons",
        "Ghana Cocoa Sector Regulatory Authority",
        "GPS polygons of every farm of member cooperatives, checked against the protected-area maps.",
    ),
    (
        "premium",
        "output",
        "income",
        "Living-income premium paid on every tonne sourced",
        "Chocolaterie Europa GmbH",
        "",
    ),
    (
        "agroforestry",
        "output",
        "forest",
        "Agroforestry systems on 20,000 ha",
        "Union des Coopératives Cacaoyères de Soubré",
        "",
    ),
    (
        "train-mappers",
        "activity",
        "mapping",
        "Train cooperative staff as farm mappers",
        "Union des Coopératives Cacaoyères de Soubré",
        "",
    ),
    ("seedlings", "activity", "agroforestry", "Distribute shade-tree seedlings", "Forest Futures Network", ""),
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
        (
            "Farm mapping pilot in 40 cooperatives",
            "2025-03-31",
            "Ghana Cocoa Sector Regulatory Authority",
            "mapping",
            "done",
            "2025-03-20",
        ),
        ("First premium payments", "2025-06-30", "Chocolaterie Europa GmbH", "premium", "done", "2025-06-12"),
    ],
)
COCOA_V2 = dict(
    COCOA_V1,
    change_note="Côte d'Ivoire's regulator joined: traceability is now owned by the Conseil Ivoirien de la Filière Cacao, and the "
    "community child-labour monitoring goal is added.",
    goals=[*COCOA_V1["goals"], "Community-based child-labour monitoring in every member cooperative."],
    milestones=[
        *COCOA_V1["milestones"],
        (
            "National traceability system live in Côte d'Ivoire",
            "2026-06-30",
            "Conseil Ivoirien de la Filière Cacao",
            "traceability",
            "in_progress",
            None,
        ),
        (
            "10,000 ha under agroforestry",
            "2026-12-31",
            "Union des Coopératives Cacaoyères de Soubré",
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


def evidence_pdf(*lines):
    """A one-page PDF with a few lines of text: the stand-in for a scanned page or a printed e-mail."""

    def literal(line):  # a PDF string: Latin-1, with backslashes and parentheses escaped
        line = str(line).replace("–", "-").encode("latin-1", "replace").decode("latin-1")
        return "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"

    text = " ".join(f"{literal(line)} Tj 0 -16 Td" for line in lines)
    stream = f"BT /F1 11 Tf 60 780 Td {text} ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _partner_users(partnership):
    return set(
        PartnershipRole.objects.filter(partnership=partnership, role=Role.PARTNER).values_list("user", flat=True)
    )


def _parties(version, orgs, at, purpose=None):
    """The parties of a version sent at `at`: the members of that day (`orgs`)."""
    if purpose is None:
        RoadmapParty.objects.bulk_create(
            RoadmapParty(version=version, organisation=org, added_at=at) for org, _ in orgs
        )
    else:
        MouParty.objects.bulk_create(
            MouParty(version=version, organisation=org, purpose=purpose, added_at=at) for org, _ in orgs
        )


def _approve(model, version, orgs, day, secretariat, hour=9):
    """Approvals: online by a partner with an account (as that user), otherwise by e-mail, recorded by the
    secretariat with the message as evidence."""
    partners = _partner_users(version.partnership)
    for i, (org, contact) in enumerate(orgs):
        at = _at(day, hour + i % 8)
        if contact.user_id in partners:
            with set_actor(contact.user):
                model.objects.create(version=version, organisation=org, by=contact.user, at=at)
            continue
        approval = model(
            version=version,
            organisation=org,
            by=None,
            approver_name=contact.name,
            at=at,
            method=Method.EMAIL,
            recorded_by=secretariat,
        )
        approval.evidence.save(
            f"p{version.partnership_id}-approval.pdf",
            ContentFile(evidence_pdf(f"From: {contact.name}, {org.name}", f"{version} is approved.", day)),
            save=False,
        )
        with set_actor(secretariat):
            approval.save()


def _sign(version, orgs, day, secretariat, hour=9):
    """Signatures: online by a partner with an account (as that user); the other signatories signed on paper,
    recorded by the secretariat with the scanned page."""
    partners = _partner_users(version.partnership)
    for i, (org, contact) in enumerate(orgs):
        online = contact.user_id in partners
        signature = MouSignature(
            version=version,
            organisation=org,
            signed_by=contact.user if online else None,
            signer_name=contact.name,
            signer_position=contact.job_title,
            signed_at=_at(day, hour + i % 8) if online else _at(day, 12),
            fingerprint=version.fingerprint,
            method=Method.ONLINE if online else Method.PAPER,
            recorded_by=None if online else secretariat,
        )
        if not online:
            signature.evidence.save(
                f"p{version.partnership_id}-mou-v{version.number}-signature.pdf",
                ContentFile(evidence_pdf(f"{version}", f"Signed for {org.name}", contact.name, day)),
                save=False,
            )
        with set_actor(contact.user if online else secretariat):
            signature.save()


def _org_of(members, user):
    return next(org for org, contact, _joined in members if contact.user_id == user.pk)


def load(ctx):
    users = ctx["users"]
    amina, joseph = users["amina"], users["joseph"]

    cocoa = ctx["partnerships"]["cocoa"]
    cocoa_members = _members(ctx, "cocoa")
    everyone = _as_of(cocoa_members, "2099-01-01")
    if not RoadmapVersion.objects.filter(partnership=cocoa).exists():
        with set_actor(amina):
            v1 = _roadmap(cocoa, 1, amina, COCOA_V1, everyone, created="2024-09-02")
            _move(v1, status="in_review", sent_at=_at("2024-10-01"))
            _parties(v1, _as_of(cocoa_members, "2024-10-01"), _at("2024-10-01"))
        _approve(RoadmapApproval, v1, _as_of(cocoa_members, "2024-10-01"), "2024-10-20", amina)
        with set_actor(amina):
            _move(v1, status="approved", approved_at=_at("2024-10-28"))
            v2 = _roadmap(cocoa, 2, amina, COCOA_V2, everyone, created="2025-07-14")
            # Sent once the Ivorian regulator had joined (15 August), so that it is a party.
            _move(v2, status="in_review", sent_at=_at("2025-08-18"))
            _parties(v2, _as_of(cocoa_members, "2025-08-18"), _at("2025-08-18"))
        with set_actor(users["awa"]):
            RoadmapComment.objects.create(
                version=v2,
                author=users["awa"],
                organisation=_org_of(cocoa_members, users["awa"]),
                body="Child-labour monitoring needs its own budget line; please note it for the commitments round.",
                created_at=_at("2025-08-19"),
            )
        with set_actor(amina):
            RoadmapComment.objects.filter(version=v2).update(resolved_at=_at("2025-08-22"), resolved_by=amina)
        _approve(RoadmapApproval, v2, _as_of(cocoa_members, "2025-08-18"), "2025-08-28", amina)
        with set_actor(amina):
            _move(v1, status="superseded", superseded_at=_at("2025-08-29"))
            _move(v2, status="approved", approved_at=_at("2025-08-29"))

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

    water = ctx["partnerships"]["water"]
    water_members = _members(ctx, "water")
    water_orgs = _as_of(water_members, "2099-01-01")
    wra = _org_of(water_members, users["wanjiru"])
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
                        "Water Resources Authority – Tana Basin",
                        "",
                    ),
                ],
                milestones=[
                    (
                        "Monitoring stations installed",
                        "2026-03-31",
                        "Water Resources Authority – Tana Basin",
                        "monitoring",
                        "planned",
                        None,
                    ),
                ],
            )
            v1 = _roadmap(water, 1, joseph, spec, water_orgs, created="2025-07-01")
            _move(v1, status="in_review", sent_at=_at("2025-10-06"))
            _parties(v1, _as_of(water_members, "2025-10-06"), _at("2025-10-06"))
        wanjiru_contact = next(c for org, c in water_orgs if org == wra)
        _approve(RoadmapApproval, v1, [(wra, wanjiru_contact)], "2025-10-09", joseph)

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
