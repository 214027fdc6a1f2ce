"""Demo budgets and transactions of the three partnerships: budget lines for two years across the categories
(secretariat, management and monitoring and evaluation costed everywhere; capacity development in cocoa only), one
line revised, one budget review linked to a decision, and 10-20 transactions each (incoming funds from the funders,
disbursements to members, expenditure against the lines), mostly in the reporting currency, some in another.

Cocoa's money comes mostly from one funder (Chocolaterie Europa, as its commitments say); water's from several, none dominant.
Cocoa's lines serve nodes of its approved roadmap. Idempotent: a partnership that has budget lines is left alone.
"""

import datetime as dt

from auditlog.context import set_actor
from django.utils import timezone

from stakeholders.models import Organisation

from .. import services
from ..models import BudgetLine, Decision
from ..selectors.budget import nodes_by_key

# partnership: [(category, description, {year: amount}, currency or None for the reporting one)]
LINES = {
    "cocoa": [
        ("secretariat", "Coordinator and officer", {2025: 96000, 2026: 99000}, None),
        ("management", "Steering committee meetings and audit", {2025: 18000, 2026: 18500}, None),
        ("monitoring", "Deforestation monitoring and annual survey", {2025: 22000, 2026: 26000}, None),
        ("communication", "Website, newsletter and partner events", {2025: 8000, 2026: 8000}, None),
        ("capacity", "Cooperative leadership training", {2025: 30000, 2026: 35000}, None),
        ("activities", "Agroforestry pilots with 40 cooperatives", {2025: 150000, 2026: 180000}, None),
        ("other", "Contingency", {2025: 5000, 2026: 5000}, None),
        ("activities", "Traceability system licences", {2026: 12000}, "USD"),
    ],
    "water": [
        ("secretariat", "Basin coordinator", {2025: 60000, 2026: 62000}, None),
        ("management", "Partnership forum and audit", {2025: 12000, 2026: 12000}, None),
        ("monitoring", "River gauges and water quality sampling", {2025: 25000, 2026: 27000}, None),
        ("communication", "County radio programmes", {2025: 6000, 2026: 6500}, None),
        ("activities", "Water pans and drip irrigation for farmer groups", {2025: 120000, 2026: 140000}, None),
        ("other", "Contingency", {2025: 4000, 2026: 4000}, None),
        ("activities", "Catchment restoration (EU co-funding)", {2026: 30000}, "EUR"),
    ],
    "textile": [
        ("secretariat", "Part-time coordinator", {2026: 36000, 2027: 40000}, None),
        ("management", "Dialogue forum meetings", {2026: 9000, 2027: 9000}, None),
        ("monitoring", "Wage gap analysis in ten factories", {2026: 20000, 2027: 15000}, None),
        ("communication", "Reporting to brands and unions", {2026: 3000, 2027: 3000}, None),
        ("activities", "Worker-management committees", {2026: 25000, 2027: 40000}, None),
        ("other", "Translation and interpretation", {2026: 4000, 2027: 4000}, None),
        ("activities", "Factory visits by brand staff", {2026: 6000}, "USD"),
    ],
}
# The line revised (its description and first year) and its revised amount.
REVISED = {
    "cocoa": ("Deforestation monitoring and annual survey", 2026, 31000),
    "water": ("Water pans and drip irrigation for farmer groups", 2026, 125000),
    "textile": ("Wage gap analysis in ten factories", 2026, 24000),
}
# partnership: [(IATI type, date, amount, currency or None, counterpart organisation or name, line description,
# reference)]; a counterpart in the registry is named as there, any other is a name as on a bank statement.
FUND = "Fund for Partnerships"
TRANSACTIONS = {
    "cocoa": [
        ("1", "2025-01-20", 250000, None, "Chocolaterie Europa GmbH", "", "CE-2025-01"),
        ("1", "2025-07-15", 70000, None, FUND, "", "FFP-2025"),
        ("1", "2026-01-15", 260000, None, "Chocolaterie Europa GmbH", "", "CE-2026-01"),
        ("1", "2026-02-10", 15000, "USD", FUND, "", "FFP-2026"),
        ("3", "2025-04-01", 60000, None, "Ghana Cocoa Farmers' Cooperative Union", "", "D-2025-01"),
        ("3", "2025-04-01", 45000, None, "Union des Coopératives Cacaoyères de Soubré", "", "D-2025-02"),
        ("4", "2025-06-30", 48000, None, "Forest Futures Network", "Coordinator and officer", "INV-0625"),
        ("4", "2025-12-31", 48000, None, "Forest Futures Network", "Coordinator and officer", "INV-1225"),
        ("4", "2025-09-12", 9000, None, "Hotel Accra Conference Centre", "Steering committee meetings and audit", ""),
        ("4", "2025-11-20", 21000, None, "GeoSat Analytics", "Deforestation monitoring and annual survey", "GS-118"),
        ("4", "2025-10-02", 14000, None, "Kumasi Leadership Institute", "Cooperative leadership training", "KLI-7"),
        ("4", "2026-03-15", 5200, "USD", "TraceChain Ltd", "Traceability system licences", "TC-2026-1"),
        ("4", "2026-06-30", 49500, None, "Forest Futures Network", "Coordinator and officer", "INV-0626"),
        ("3", "2026-04-02", 70000, None, "Ghana Cocoa Farmers' Cooperative Union", "", "D-2026-01"),
    ],
    "water": [
        ("1", "2025-02-01", 60000, None, FUND, "", "FFP-W-2025"),
        ("1", "2025-02-15", 50000, None, "Nairobi Metropolitan Water Utility", "", "NMWU-25"),
        ("1", "2025-03-01", 45000, None, "Tana Hydropower Company", "", "THC-25"),
        ("1", "2025-03-20", 40000, None, "Water Resources Authority – Tana Basin", "", "WRA-25"),
        ("1", "2026-02-01", 15000, None, "Nairobi Metropolitan Water Utility", "", "NMWU-26"),
        ("1", "2026-02-12", 20000, None, "Tana Hydropower Company", "", "THC-26"),
        ("1", "2026-02-20", 20000, None, "Water Resources Authority – Tana Basin", "", "WRA-26"),
        ("1", "2026-03-10", 27000, "EUR", "European Union Delegation to Kenya", "", "EU-CR-1"),
        ("3", "2025-05-05", 40000, None, "Upper Tana Farmers' Union", "", "D-W-01"),
        ("4", "2025-06-30", 30000, None, "Basin coordinator (payroll)", "Basin coordinator", "PAY-H1"),
        ("4", "2025-12-31", 30000, None, "Basin coordinator (payroll)", "Basin coordinator", "PAY-H2"),
        ("4", "2025-08-18", 11000, None, "HydroMet Instruments", "River gauges and water quality sampling", "HM-33"),
        (
            "4",
            "2025-09-01",
            52000,
            None,
            "Murang'a County Department of Agriculture",
            "Water pans and drip irrigation for farmer groups",
            "MC-PO-9",
        ),
        ("4", "2026-04-20", 9500, "EUR", "Green Belt Nurseries", "Catchment restoration (EU co-funding)", "GBN-4"),
    ],
    "textile": [
        ("1", "2026-01-10", 40000, None, "Nordic Fashion Brands Alliance", "", "NFBA-26"),
        ("1", "2026-01-25", 35000, None, FUND, "", "FFP-T-26"),
        ("1", "2026-02-05", 10000, "USD", "Bangladesh Garment Manufacturers' Forum", "", "BGMF-26"),
        ("11", "2026-02-20", 30000, None, "Nordic Fashion Brands Alliance", "", "NFBA-PLEDGE-27"),
        ("3", "2026-03-01", 8000, None, "United Garment Workers' Union of Bangladesh", "", "D-T-01"),
        ("4", "2026-03-31", 9000, None, "Coordinator (payroll)", "Part-time coordinator", "PAY-Q1"),
        ("4", "2026-06-30", 9000, None, "Coordinator (payroll)", "Part-time coordinator", "PAY-Q2"),
        ("4", "2026-05-14", 7500, None, "Dhaka Labour Research Centre", "Wage gap analysis in ten factories", "DLRC-1"),
        ("4", "2026-04-22", 2500, None, "Hotel Ascott Dhaka", "Dialogue forum meetings", ""),
        ("4", "2026-07-08", 3100, "USD", "Brand staff travel", "Factory visits by brand staff", "TRV-7"),
    ],
}
# The review and the decision it is linked to: an existing adopted decision (cocoa's work plan) or one proposed
# at the review and opened for positions.
REVIEWS = {
    "cocoa": (
        "2026-07-10",
        "Budget 2026 checked against the work plan adopted at the kick-off; the monitoring line is revised.",
        "Adopt the work plan",
    ),
    "water": (
        "2026-03-12",
        "Monitoring costs run above plan; proposal to move funds from the water pans to the gauges.",
        "Move 15,000 USD from the water pans to monitoring",
    ),
    "textile": (
        "2026-04-15",
        "First quarter reviewed: the wage gap analysis needs more factories than budgeted.",
        "Raise the wage gap analysis budget for 2026",
    ),
}


def load(ctx):
    secretariat = ctx["users"]["amina"]
    with set_actor(secretariat):
        for key, partnership in ctx["partnerships"].items():
            if key in LINES and not BudgetLine.objects.filter(partnership=partnership).exists():
                _partnership(key, partnership, secretariat)


def _partnership(key, partnership, by):
    nodes = [n for n in nodes_by_key(partnership).values() if n.level in ("outcome", "output")]
    lines = {}
    for i, (category, description, years, currency) in enumerate(LINES[key]):
        for year, amount in years.items():
            node = nodes[i % len(nodes)].key if nodes and category in ("capacity", "activities", "monitoring") else None
            lines[description, year] = services.budget_line_save(
                partnership=partnership,
                by=by,
                category=category,
                description=description,
                year=year,
                amount=amount,
                currency=currency or partnership.currency_id,
                result_node_key=node,
            )
    description, year, amount = REVISED[key]
    revised = services.budget_line_revise(line=lines[description, year], by=by, amount=amount)
    lines[description, year] = revised
    _transactions(key, partnership, by, lines)
    _review(key, partnership, by)


def _transactions(key, partnership, by, lines):
    today = timezone.localdate()
    for type_, day, amount, currency, counterpart, line, reference in TRANSACTIONS[key]:
        date = min(dt.date.fromisoformat(day), today)
        organisation = Organisation.objects.filter(name=counterpart).first()
        services.transaction_save(
            partnership=partnership,
            by=by,
            type=type_,
            date=date,
            amount=amount,
            currency=currency or partnership.currency_id,
            counterpart=organisation,
            counterpart_name="" if organisation else counterpart,
            budget_line=lines.get((line, date.year)) or lines.get((line, date.year - 1)) if line else None,
            reference=reference,
        )


def _review(key, partnership, by):
    day, note, title = REVIEWS[key]
    decision = Decision.objects.filter(partnership=partnership, title=title).first()
    if decision is None:
        decision = services.decision_save(partnership=partnership, by=by, title=title, text=note, method="consensus")
        decision = services.decision_open(decision=decision, by=by)
    services.budget_review_save(
        partnership=partnership,
        by=by,
        date=min(dt.date.fromisoformat(day), timezone.localdate()),
        note=note,
        decision=decision,
    )
