"""The water partnership's indicators: two and a half years of quarters on the nodes of its roadmap (v1, in
review: the monitoring network started before the roadmap was agreed).

Sediment (lower is better) falls; the gauging stations are off track (telemetry held at customs); the household
supply and the terraces are at risk; the farmers' training data of the last quarter is overdue. The Water
Resources Authority (wanjiru's organisation) reports the river data itself.
"""

WRA = "Water Resources Authority – Tana Basin"
UTFU = "Upper Tana Farmers' Union"
IMPACT = "Reliable, clean water supply for Nairobi and the Upper Tana"
SOIL = "Less soil erosion from smallholder farms"
TERRACES = "Terraces and grass strips on 50,000 farms"
STATIONS = "Flow and sediment monitoring network"

PLAN = {
    "dimensions": {"Sex": ["Female", "Male"], "County": ["Murang'a", "Nyeri", "Kirinyaga"]},
    "first": -8,
    "last": 1,
    "locked_through": -2,
    "indicators": [
        dict(
            node=IMPACT,
            name="Nairobi households with water every day",
            definition="Share of the utility's household connections supplied on every day of the quarter.",
            measure="percentage",
            unit="% of households",
            baseline=46,
            final=70,
            digits=1,
            sdg=["6.1"],
            responsible="Nairobi Metropolitan Water Utility",
            verification="Supply schedules and customer complaints register of the utility.",
            path="amber",
            notes={0: "Rationing in two districts during the dry spell; Masinga held more water than last year."},
        ),
        dict(
            node=IMPACT,
            name="Dry-season days with river flow above the ecological minimum",
            definition="Share of days from January to March and July to October on which the Tana at Sagana "
            "flows above the reserve flow set by the Authority.",
            measure="percentage",
            unit="% of days",
            baseline=62,
            final=90,
            digits=1,
            sdg=["6.4"],
            responsible=WRA,
            verification="Daily readings of gauging station 4BC02, published by the Authority.",
            path="green",
        ),
        dict(
            node=SOIL,
            name="Suspended sediment at the Masinga reservoir inflow",
            definition="Mean suspended sediment concentration of the quarter's samples at the reservoir inflow.",
            unit="mg/l",
            direction="descending",
            baseline=1850,
            final=1100,
            sdg=["6.3", "6.6"],
            responsible=WRA,
            verification="Weekly samples analysed by the Authority's laboratory in Embu.",
            path="green",
            notes={
                0: "Lowest reading since measurements began, despite heavy rains in the last weeks of the quarter.",
            },
        ),
        dict(
            node=SOIL,
            name="Topsoil loss on participating farms",
            definition="Estimated soil loss on the sample farms, in tonnes per hectare and year (RUSLE, with "
            "erosion pins on 40 plots).",
            unit="t/ha a year",
            direction="descending",
            baseline=42,
            final=20,
            digits=1,
            sdg=["15.3"],
            responsible=UTFU,
            verification="Erosion pins read each quarter by the union's extension workers; model by the Kenya "
            "Institute for Catchment Research.",
            path="green",
        ),
        dict(
            node=TERRACES,
            name="Farms with terraces and grass strips",
            definition="Farms where terraces or grass strips protect at least three quarters of the cropped "
            "slopes, counted in the quarter they were completed.",
            unit="farms",
            aggregation="cumulative",
            baseline=0,
            final=30000,
            sdg=["15.3", "6.6"],
            responsible=UTFU,
            verification="Farm checklists of the extension workers; a 5 % sample visited by the county.",
            dims={"Sex": [0.36, 0.64], "County": [0.45, 0.3, 0.25]},
            path="amber",
            notes={
                0: "Labour for digging is scarce at planting time; work groups paid from the water fund start "
                "next quarter."
            },
        ),
        dict(
            node=TERRACES,
            name="Farmers trained in soil and water conservation",
            unit="farmers",
            aggregation="cumulative",
            baseline=0,
            final=36000,
            sdg=["15.3"],
            responsible="Murang'a County Department of Agriculture",
            verification="Attendance registers of the county extension service.",
            dims={"Sex": [0.44, 0.56]},
            path="green",
            overdue=True,
        ),
        dict(
            node=STATIONS,
            name="River gauging stations reporting daily",
            definition="Stations of the network that sent readings on at least 85 of the quarter's days.",
            unit="stations",
            baseline=4,
            final=18,
            sdg=["6.4", "6.5"],
            responsible=WRA,
            verification="Telemetry log of the Authority's data centre.",
            path="red",
            notes={
                0: "Eight stations are installed, but five lack telemetry modems, held at customs since June.",
                -1: "Installation behind plan: two sites flooded.",
            },
        ),
        dict(
            node=STATIONS,
            name="Data sharing between the Authority and downstream water users",
            definition="How far flow and sediment data reach the utility, the power company and the counties in "
            "time to act on them.",
            measure="ordinal",
            baseline_text="1 – Yearly reports on request",
            target_text="4 – Daily data open to every member",
            sdg=["6.5"],
            responsible=WRA,
            verification="Data-sharing log of the Authority; users' feedback at the partnership forum.",
            steps=[
                ("2 – Quarterly reports to members", "amber", "Reports arrive six weeks after the quarter."),
                (
                    "3 – Monthly data to members",
                    "green",
                    "The utility now plans rationing with the monthly figures.",
                ),
            ],
        ),
    ],
}

LEARNING = {
    "lessons": [
        dict(
            title="Apply for the import exemption before ordering equipment",
            what_happened="The telemetry modems for five gauging stations have waited at customs since June: the "
            "exemption for public monitoring equipment was requested only when they arrived.",
            source="failure",
            action="Every equipment order goes with its exemption request; the Authority's procurement unit checks.",
            owner=WRA,
            days_ago=35,
            indicator="River gauging stations reporting daily",
            decision="Move 15,000 USD from the water pans to monitoring",
        ),
        dict(
            title="Paid work groups dig terraces where families cannot",
            what_happened="In the pilot villages, groups paid from the water fund terraced the farms of elderly and "
            "women-headed households, who had fallen behind.",
            source="success",
            action="Extend paid work groups to every ward of the three counties.",
            owner=UTFU,
            days_ago=90,
        ),
    ],
    "gaps": [
        dict(
            level="individual",
            organisation="Murang'a County Department of Agriculture",
            description="Extension officers have not been trained to design terraces on slopes over 30 %.",
            measure="Two-week course with the Kenya Institute for Catchment Research.",
            status="addressing",
            reviewed_days_ago=20,
        ),
        dict(
            level="organisational",
            organisation=UTFU,
            description="The union keeps farm checklists on paper; nobody can total them before the quarter ends.",
            status="open",
            reviewed_days_ago=60,
        ),
    ],
    "context": [
        dict(
            summary="Searched the county development plans, the Authority's register and donors' project lists: no "
            "other programme pays for soil conservation in the Upper Tana; the national water fund works in other "
            "basins.",
            days_ago=120,
            none_found=True,
        ),
    ],
    "initiatives": [],
    "risks": [
        dict(
            title="A drought year turns farmers away from terracing",
            likelihood=3,
            impact=4,
            owner=UTFU,
            mitigation="Water pans first in the driest wards; terraces sold as water harvesting.",
        ),
        dict(
            title="Equipment held at customs",
            likelihood=3,
            impact=3,
            owner=WRA,
            mitigation="Exemption requests with every order.",
            status="materialised",
            materialised_days_ago=150,
        ),
        dict(
            title="Downstream payers leave the water fund",
            likelihood=2,
            impact=5,
            owner="Nairobi Metropolitan Water Utility",
            mitigation="Sediment and flow figures reported to the payers every quarter.",
        ),
        dict(
            title="County budget cuts end the extension service",
            likelihood=2,
            impact=4,
            owner="Murang'a County Department of Agriculture",
            mitigation="Extension officers' allowances in the county's adopted budget.",
            status="closed",
        ),
    ],
}
