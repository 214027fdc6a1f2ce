"""Demo roadmaps: cocoa v1 (superseded) and v2 (approved by every member); water v1 in review, one approval so far;
textile v1 a draft (the young partnership sketches its results chain, so that its indicators have nodes)."""

import datetime as dt

from auditlog.context import set_actor

from stakeholders.models import Membership

from ..models import Milestone, ResultNode, RoadmapApproval, RoadmapComment, RoadmapGoal, RoadmapVersion
from .common import _approve, _as_of, _at, _move, _org_of, _parties


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


def cocoa(ctx, cocoa_members):
    users = ctx["users"]
    amina = users["amina"]
    cocoa = ctx["partnerships"]["cocoa"]
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


def water(ctx, water_members):
    users = ctx["users"]
    joseph = users["joseph"]
    water = ctx["partnerships"]["water"]
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


TEXTILE = dict(
    vision="Garment workers in Bangladesh earn a living wage.",
    goals=[
        "Close the gap between wages paid and a living wage in the participating factories.",
        "Wages negotiated between workers and management in every participating factory.",
    ],
    chain=[
        ("impact", "impact", None, "Garment workers in participating factories earn a living wage", "", ""),
        (
            "wages",
            "outcome",
            "impact",
            "Wages rise towards the living-wage benchmark",
            "Bangladesh Garment Manufacturers' Forum",
            "",
        ),
        (
            "negotiation",
            "outcome",
            "impact",
            "Wages are negotiated between workers and management",
            "United Garment Workers' Union of Bangladesh",
            "",
        ),
        (
            "gap-analysis",
            "output",
            "wages",
            "Wage gap analysis of ten factories",
            "Bangladesh Garment Manufacturers' Forum",
            "",
        ),
        (
            "committees",
            "output",
            "negotiation",
            "Worker-management committees in every participating factory",
            "United Garment Workers' Union of Bangladesh",
            "",
        ),
        (
            "forum",
            "activity",
            "negotiation",
            "Dialogue forum of brands, manufacturers and unions",
            "Nordic Fashion Brands Alliance",
            "",
        ),
    ],
    milestones=[],
)


def textile(ctx):
    """The textile partnership's first roadmap, still a draft. Called after the budget demo, so that the textile
    budget lines stay as they were (not linked to a node)."""
    amina = ctx["users"]["amina"]
    partnership = ctx["partnerships"]["textile"]
    if RoadmapVersion.objects.filter(partnership=partnership).exists():
        return
    orgs = [(m.organisation, None) for m in Membership.objects.filter(partnership=partnership)]
    with set_actor(amina):
        _roadmap(partnership, 1, amina, TEXTILE, orgs, created="2026-01-20")
