"""The textile partnership's indicators: its two-year plan in quarters (the quarters of its budget), on the nodes
of its first roadmap draft. A young partnership: three quarters have data so far.

The wage gap (lower is better) narrows; wages are at risk; collective wage agreements are off track, since
trust between unions and manufacturers is still being built (the forum's own, qualitative, indicator).
"""

BGMF = "Bangladesh Garment Manufacturers' Forum"
UGWUB = "United Garment Workers' Union of Bangladesh"

PLAN = {
    "dimensions": {"Sex": ["Female", "Male"], "Region": ["Dhaka", "Gazipur"]},
    "first": -2,
    "last": 5,
    "locked_through": -2,
    "indicators": [
        dict(
            node="Garment workers in participating factories earn a living wage",
            name="Gap between the lowest wage paid and the living-wage benchmark",
            definition="How far the lowest grade's monthly wage, with cash benefits, falls short of the Anker "
            "living-wage benchmark for Dhaka and its satellite cities, as a share of the benchmark.",
            measure="percentage",
            unit="% of the benchmark",
            direction="descending",
            baseline=47,
            final=30,
            digits=1,
            sdg=["8.5"],
            responsible=BGMF,
            verification="Payroll records of the participating factories, checked by the Dhaka Centre for Labour "
            "Studies.",
            path="green",
        ),
        dict(
            node="Wages rise towards the living-wage benchmark",
            name="Average monthly wage of sewing operators",
            unit="BDT a month",
            baseline=12500,
            final=16000,
            sdg=["8.5"],
            responsible=BGMF,
            verification="Payroll records of the participating factories.",
            path="amber",
        ),
        dict(
            node="Wages are negotiated between workers and management",
            name="Factories with a collective wage agreement",
            unit="factories",
            baseline=0,
            targets=[1, 2, 3, 4, 5, 6, 8, 10],
            actuals=[1, 1, 1],
            sdg=["8.8"],
            responsible=UGWUB,
            verification="Signed agreements, registered with the Department of Labour.",
            notes={0: "Two factories broke off talks after the minimum wage announcement."},
        ),
        dict(
            node="Wage gap analysis of ten factories",
            name="Factories with a completed wage gap analysis",
            unit="factories",
            aggregation="cumulative",
            baseline=0,
            targets=[2, 3, 3, 2, 0, 0, 0, 0],
            actuals=[2, 3, 3],
            sdg=["8.5"],
            responsible=BGMF,
            verification="Analysis reports of the Dhaka Centre for Labour Studies.",
        ),
        dict(
            node="Worker-management committees in every participating factory",
            name="Committee members elected by workers",
            unit="members",
            aggregation="cumulative",
            baseline=0,
            final=160,
            sdg=["8.8", "5.5"],
            responsible=UGWUB,
            verification="Election records of the committees, observed by the union.",
            dims={"Sex": [0.55, 0.45], "Region": [0.4, 0.6]},
            path="green",
            notes={0: "More than half of the elected members are women, as in the workforce."},
        ),
        dict(
            node="Dialogue forum of brands, manufacturers and unions",
            name="Dialogue forum meetings held",
            unit="meetings",
            aggregation="cumulative",
            baseline=0,
            final=16,
            sdg=["8.8"],
            responsible="Nordic Fashion Brands Alliance",
            verification="Forum minutes, with the list of those present.",
            path="green",
        ),
        dict(
            node="Dialogue forum of brands, manufacturers and unions",
            name="Trust between unions and manufacturers at the dialogue forum",
            definition="Whether the forum's members bring real figures and keep to what they agreed.",
            measure="qualitative",
            baseline_text="No joint table",
            target_text="Members share wage data and keep to the forum's agreements",
            sdg=["8.8"],
            responsible=BGMF,
            verification="Forum minutes; a short survey of members after each meeting.",
            steps=[
                ("Members met twice; no figures shared", "red", "The manufacturers left the second meeting early."),
                (
                    "Payroll data shared for the analysis factories",
                    "amber",
                    "A first step; the brands still hold back their purchasing prices.",
                ),
            ],
        ),
    ],
}

LEARNING = {
    "lessons": [
        dict(
            title="Agree figures at the forum before anyone publishes them",
            what_happened="A brand published the first wage gap figures before the forum had discussed them; two "
            "manufacturers left the next meeting.",
            source="failure",
            action="Figures go to the forum first; publication only of what it agreed.",
            owner="Nordic Fashion Brands Alliance",
            days_ago=150,
            indicator="Trust between unions and manufacturers at the dialogue forum",
        ),
        dict(
            title="Payroll data from the factories themselves settles disputes",
            what_happened="Once factories shared their payroll data for the analysis, the argument moved from whose "
            "numbers are right to what to do about the gap.",
            source="success",
            action="Every new factory shares its payroll data before it joins the analysis.",
            owner=BGMF,
            days_ago=45,
            decision="Raise the wage gap analysis budget for 2026",
        ),
    ],
    "gaps": [
        dict(
            level="organisational",
            organisation=UGWUB,
            description="No one at the union can analyse payroll data.",
            measure="A research fellow of the Dhaka Centre for Labour Studies seconded for a year.",
            status="addressing",
            reviewed_days_ago=40,
        ),
        dict(
            level="individual",
            organisation=BGMF,
            description="Factory HR managers have never negotiated wages with elected worker representatives.",
            status="open",
            reviewed_days_ago=40,
        ),
    ],
    "context": [
        dict(
            summary="A new national minimum wage was announced this year; factories fear brands will not pay for "
            "it. One safety programme works in the same factories; a brands' wage pledge competes for attention.",
            days_ago=90,
        ),
    ],
    "initiatives": [
        dict(
            name="Factory Safety Alliance Bangladesh",
            kind="complementary",
            description="Inspects building and fire safety in the same factories; its worker committees are a "
            "model for ours.",
            exchange_days_ago=50,
        ),
        dict(
            name="Fair Wage Pledge of European Brands",
            kind="competing",
            description="Brands pledge wage increases without unions at the table.",
            alignment_action="Invite the pledge's brands to the forum and offer them our wage gap data.",
            exchange_days_ago=120,
        ),
    ],
    "risks": [
        dict(
            title="The minimum wage announcement stalls negotiations",
            likelihood=4,
            impact=4,
            owner=BGMF,
            mitigation="Negotiations on benefits and overtime continue while wages wait.",
            status="materialised",
            materialised_days_ago=80,
        ),
        dict(
            title="Reprisals against elected worker representatives",
            likelihood=3,
            impact=5,
            owner=UGWUB,
            mitigation="Grievance line to the brands; the forum reviews every dismissal of a committee member.",
        ),
        dict(
            title="Brands' purchasing prices do not cover higher wages",
            likelihood=4,
            impact=5,
            owner="Nordic Fashion Brands Alliance",
            mitigation="Labour costs ring-fenced in the brands' price negotiations.",
        ),
        dict(
            title="No funding for the second year",
            likelihood=2,
            impact=4,
            owner="Nordic Fashion Brands Alliance",
            mitigation="Second-year pledge requested early.",
            status="closed",
        ),
    ],
}
