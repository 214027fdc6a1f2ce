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
