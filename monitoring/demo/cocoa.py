"""The cocoa partnership's indicators: three years of quarters on the nodes of its approved roadmap (v2).

Most are on track; traceability, household income and seedlings are at risk (the seedlings' latest data is
overdue), agroforestry is off track; child labour (lower is better) falls quarter after quarter. The cooperative
unions of the demo's partners (kofi: GCFCU, awa: UCCS) report several indicators themselves.
"""

GCFCU = "Ghana Cocoa Farmers' Cooperative Union"
UCCS = "Union des Coopératives Cacaoyères de Soubré"
IMPACT = "Cocoa farming households earn a living income without deforestation"

PLAN = {
    "dimensions": {"Sex": ["Female", "Male"], "Region": ["Ashanti", "Western North", "Nawa"]},
    "first": -10,
    "last": 1,
    "locked_through": -2,
    "indicators": [
        dict(
            node=IMPACT,
            name="Share of farmers with a living income",
            definition="Share of the panel's cocoa-farming households whose net income from all sources reaches "
            "the Anker living-income reference value for their country.",
            measure="percentage",
            unit="% of households",
            baseline=18,
            final=40,
            digits=1,
            sdg=["1.2"],
            responsible="Chocolaterie Europa GmbH",
            verification="Household income panel of 600 farms, surveyed each quarter by an independent research "
            "institute.",
            path="green",
        ),
        dict(
            node=IMPACT,
            name="Children in child labour in participating communities",
            definition="Children aged 5-17 found in hazardous or age-inappropriate work on cocoa farms during "
            "household visits, in the communities of member cooperatives.",
            unit="children",
            direction="descending",
            baseline=1240,
            final=620,
            sdg=["8.7"],
            responsible=GCFCU,
            verification="Child Labour Monitoring and Remediation System (CLMRS) records of the member "
            "cooperatives, compiled by GCFCU; a 10 % sample re-visited by the Child Rights Coalition.",
            dims={"Sex": [0.41, 0.59], "Region": [0.34, 0.43, 0.23]},
            path="green",
            notes={
                0: "Remediation in 14 more communities: school kits and birth certificates. Western North includes "
                "three newly covered communities.",
                -1: "Fewer cases during the school term; the harvest months remain the hardest.",
            },
        ),
        dict(
            node=IMPACT,
            name="Community child protection committees functioning",
            definition="Whether the committees of the participating communities meet, follow up cases and refer "
            "them to social services.",
            measure="qualitative",
            baseline_text="No community committees",
            target_text="Committees in every participating community meet monthly and refer cases",
            sdg=["8.7", "16.2"],
            responsible=GCFCU,
            verification="Committee minutes and referral registers, checked by the cooperatives' field officers.",
            steps=[
                (
                    "Committees set up in 20 of 60 communities; few meet",
                    "red",
                    "Only a third of the committees exist, and their members are not trained yet.",
                ),
                (
                    "Committees in 35 of 60 communities meet; first referrals",
                    "amber",
                    "Referral pathways to social services work in Ashanti only.",
                ),
                (
                    "Committees in 48 of 60 communities meet monthly and refer cases",
                    "green",
                    "Close to target; the last twelve communities are trained next quarter.",
                ),
            ],
        ),
        dict(
            node="Cocoa is traceable to the farm",
            name="Share of cocoa volume traceable to the farm",
            definition="Tonnes sourced from member cooperatives that can be traced to a mapped farm, as a share of "
            "all tonnes they sell.",
            measure="percentage",
            unit="% of tonnes",
            baseline=35,
            final=100,
            digits=1,
            sdg=["12.2", "15.2"],
            responsible="Conseil Ivoirien de la Filière Cacao",
            verification="Traceability system exports of both regulators, reconciled with the cooperatives' sales.",
            path="amber",
            notes={
                0: "The Ivorian national system runs in two of five regions; sales through San Pédro are not yet "
                "covered."
            },
        ),
        dict(
            node="Farm incomes rise towards a living income",
            name="Average net cocoa income per household",
            definition="Net income from cocoa (sales and premiums minus costs of inputs and hired labour) of the "
            "panel households, annualised.",
            unit="EUR a year",
            baseline=2100,
            final=3200,
            sdg=["1.2"],
            responsible=UCCS,
            verification="Household income panel; cooperative sales records.",
            path="amber",
            notes={0: "Farm-gate prices rose, but input costs rose faster after the fertiliser subsidy ended."},
        ),
        dict(
            node="Forest cover in cocoa landscapes is kept and restored",
            name="Forest lost in cocoa landscapes",
            definition="Hectares of tree cover lost in the quarter within 5 km of member cooperatives' farms.",
            unit="hectares",
            direction="descending",
            baseline=850,
            final=200,
            sdg=["15.2"],
            responsible="Forest Futures Network",
            verification="Satellite deforestation alerts (GeoSat Analytics), checked on the ground for a sample.",
            path="green",
        ),
        dict(
            node="Every cooperative farm mapped with polygons",
            name="Farms mapped with polygons",
            definition="Farms of member cooperatives mapped with a GPS polygon and checked against the "
            "protected-area maps.",
            unit="farms",
            aggregation="cumulative",
            baseline=0,
            final=48000,
            sdg=["15.2"],
            responsible=UCCS,
            verification="Polygon files in the traceability system; 5 % re-walked by the regulators.",
            dims={"Region": [0.3, 0.35, 0.35]},
            path="green",
        ),
        dict(
            node="Living-income premium paid on every tonne sourced",
            name="Share of tonnes sourced with the living-income premium paid",
            measure="percentage",
            unit="% of tonnes",
            baseline=0,
            final=100,
            digits=1,
            sdg=["1.2", "12.2"],
            responsible="Chocolaterie Europa GmbH",
            verification="Premium payment receipts of the cooperatives, audited yearly.",
            path="green",
        ),
        dict(
            node="Agroforestry systems on 20,000 ha",
            name="Hectares under agroforestry",
            definition="Cocoa land planted with at least 16 shade trees a hectare of three or more species.",
            unit="hectares",
            aggregation="cumulative",
            baseline=1200,
            final=20000,
            sdg=["15.2"],
            responsible=UCCS,
            verification="Farm visits by cooperative field officers; tree counts on a sample of plots.",
            path="red",
            notes={
                0: "Seedling deliveries came late again: the Soubré nursery lost a third of its stock in the dry "
                "season.",
                -1: "Planting moved to the next rains for 2,000 farms.",
            },
        ),
        dict(
            node="Agroforestry systems on 20,000 ha",
            name="Farmers trained in good agricultural practice",
            definition="Farmers who completed the six farmer field school sessions on pruning, shade trees and "
            "safe use of inputs.",
            unit="farmers",
            aggregation="cumulative",
            baseline=0,
            final=24000,
            sdg=["1.2", "2.4"],
            responsible=GCFCU,
            verification="Attendance sheets of the field schools, signed by the trainers.",
            dims={"Sex": [0.38, 0.62], "Region": [0.4, 0.35, 0.25]},
            path="green",
            notes={0: "Women's sessions held in the afternoon doubled women's attendance in Western North."},
        ),
        dict(
            node="Train cooperative staff as farm mappers",
            name="Cooperative staff trained as farm mappers",
            unit="people",
            aggregation="cumulative",
            baseline=0,
            final=240,
            sdg=["15.2"],
            responsible=UCCS,
            verification="Training certificates; first ten polygons of each mapper checked.",
            dims={"Sex": [0.3, 0.7]},
            path="green",
        ),
        dict(
            node="Distribute shade-tree seedlings",
            name="Shade-tree seedlings distributed",
            unit="seedlings",
            aggregation="cumulative",
            baseline=0,
            final=1200000,
            sdg=["15.2"],
            responsible="Forest Futures Network",
            verification="Nursery delivery notes countersigned by the cooperatives.",
            path="amber",
            overdue=True,
        ),
    ],
}

LEARNING = {
    "lessons": [
        dict(
            title="Seedlings must be in the nursery a season ahead",
            what_happened="Agroforestry planting fell behind for three quarters: seedlings were ordered when the "
            "rains began, and a third of the Soubré nursery's stock died in the dry season.",
            source="failure",
            action="Order seedlings a year ahead and split them across two irrigated nurseries.",
            owner=UCCS,
            days_ago=40,
            indicator="Hectares under agroforestry",
        ),
        dict(
            title="Afternoon sessions bring women to the field schools",
            what_happened="Women's attendance doubled in Western North once sessions moved to the afternoon, after "
            "the morning's water and market runs.",
            source="success",
            action="Schedule every field school with the women's groups of the community.",
            owner=GCFCU,
            days_ago=75,
            indicator="Farmers trained in good agricultural practice",
        ),
        dict(
            title="Farm data leaves the cooperative only with the farmers' consent",
            what_happened="Buyers asked for farm-level data before the cooperatives had asked their farmers; two "
            "cooperatives stopped uploading polygons until the compromise limited sharing to aggregated data.",
            source="failure",
            action="Consent forms in Twi and French before any mapping; only aggregated data goes to buyers.",
            owner="Conseil Ivoirien de la Filière Cacao",
            days_ago=230,
            decision="Share traceability data with buyers",
        ),
        dict(
            title="Joint field visits settled the traceability dispute",
            what_happened="Both regulators walked the same farms together and agreed on one polygon standard in a "
            "day, after months of letters.",
            source="success",
            action="A joint field visit before any technical standard goes to the steering committee.",
            owner="Ghana Cocoa Sector Regulatory Authority",
            days_ago=320,
        ),
    ],
    "gaps": [
        dict(
            level="individual",
            organisation=GCFCU,
            description="Community facilitators are not trained to interview children safely about their work.",
            status="open",
            reviewed_days_ago=30,
        ),
        dict(
            level="organisational",
            organisation=UCCS,
            description="No staff could run the mapping software or check the polygons of the field teams.",
            measure="Two staff trained by the Ghanaian regulator's mapping unit; licence paid from the traceability "
            "budget line.",
            status="closed",
            reviewed_days_ago=150,
        ),
        dict(
            level="organisational",
            organisation="Forest Futures Network",
            description="The secretariat has no French-speaking finance officer for the Ivorian members' claims.",
            measure="A part-time officer shared with the Soubré landscape programme from next quarter.",
            status="addressing",
            reviewed_days_ago=45,
        ),
    ],
    "context": [
        dict(
            summary="Cocoa prices at record highs, with smuggling across the border; both governments announced "
            "traceability laws in answer to the EU deforestation regulation.",
            days_ago=420,
        ),
        dict(
            summary="Prices have fallen back, and the EU deforestation regulation applies from the end of the "
            "year: buyers now ask for polygons of every farm. Four related initiatives work in the same "
            "landscapes; one overlaps on agroforestry in Nawa, one competes for the cooperatives' certification.",
            days_ago=60,
        ),
    ],
    "initiatives": [
        dict(
            name="West Africa Cocoa Sustainability Platform",
            kind="meta_platform",
            description="Regional platform of cocoa programmes that agrees common reporting formats.",
            alignment_action="Report our traceability and child-labour figures in the platform's common format.",
            exchange_days_ago=20,
        ),
        dict(
            name="Soubré Landscape Programme",
            kind="overlapping",
            description="A donor-funded agroforestry programme working with the same cooperatives in Nawa.",
            alignment_action="One seedling plan and one farm register; each programme counts only its own hectares.",
            exchange_days_ago=70,
        ),
        dict(
            name="National Cocoa Rehabilitation Programme",
            kind="complementary",
            description="Replants farms infected with swollen shoot; our agroforestry training follows its replanting.",
            exchange_days_ago=150,
        ),
        dict(
            name="Premium Beans Certification",
            kind="competing",
            description="A private label with a smaller premium and lighter traceability; some cooperatives weigh "
            "switching.",
            alignment_action="Offer mutual recognition of farm maps; explain the living-income premium at "
            "cooperative meetings.",
            exchange_days_ago=110,
        ),
    ],
    "risks": [
        dict(
            title="Farm-gate price cut by a regulator",
            likelihood=3,
            impact=5,
            owner="Ghana Cocoa Sector Regulatory Authority",
            mitigation="Living-income premium paid on top of the farm-gate price, whatever it is.",
        ),
        dict(
            title="Seedling losses in the dry season",
            likelihood=4,
            impact=3,
            owner=UCCS,
            mitigation="A second, irrigated nursery; seedlings ordered a year ahead.",
            status="materialised",
            materialised_days_ago=100,
        ),
        dict(
            title="Côte d'Ivoire's regulator does not join",
            description="Without it, traceability stops at the border.",
            likelihood=3,
            impact=4,
            owner="Forest Futures Network",
            mitigation="Roadmap reopened with the regulator's sustainability directorate.",
            status="closed",
        ),
        dict(
            title="Leak of farm polygons and household data",
            likelihood=2,
            impact=4,
            owner="Conseil Ivoirien de la Filière Cacao",
            mitigation="Data stays with the cooperatives; buyers receive aggregated figures only.",
        ),
        dict(
            title="Unrest around the elections",
            likelihood=2,
            impact=3,
            owner="Forest Futures Network",
            mitigation="Field work planned around the election weeks; remote check-ins with the cooperatives.",
        ),
    ],
}
