"""The budget and the transactions as spreadsheets (CSV or XLSX), written formula-safe by the stakeholder exports'
helpers, with the IATI budget and transaction type codes. Amounts are numbers (an XLSX cell a spreadsheet adds up),
never text. The budget's workbook ends with its totals: the planned amount (the newest line of each chain of
revisions) per year and currency, then per currency over all years; amounts in different currencies are never
added together. The CSV has the lines only, one per row."""

from collections import defaultdict
from decimal import Decimal

import tablib
from django.utils.translation import gettext as _

from stakeholders.spreadsheets import render

__all__ = ["budget_dataset", "render", "transactions_dataset"]


def number(amount: Decimal) -> Decimal:
    """The amount with two decimals, or its four where it has them (a number, not text)."""
    cents = amount.quantize(Decimal("0.01"))
    return cents if cents == amount else amount


def budget_dataset(plans, nodes, *, with_totals) -> tablib.Dataset:
    """One row per line (selectors.budget.budget_by_year), original and revisions; totals rows for the XLSX."""
    headers = [
        _("Year"),
        _("Category"),
        _("Description"),
        _("IATI budget type"),
        _("Budget type"),
        _("Amount"),
        _("Currency"),
        _("Planned"),
        _("Results-chain node"),
    ]
    data = tablib.Dataset(headers=headers, title=_("Budget")[:31])
    overall = defaultdict(Decimal)
    for plan in plans:
        for group in plan.categories:
            for chain in group.chains:
                for line in chain.lines:
                    node = nodes.get(line.result_node_key) if line.result_node_key else None
                    data.append(
                        [
                            line.year,
                            group.label,
                            line.description,
                            line.budget_type,
                            line.get_budget_type_display(),
                            number(line.amount),
                            line.currency_id,
                            _("yes") if line is chain.planned else _("no"),
                            node.title if node else "",
                        ]
                    )
        for code, total in plan.totals:
            overall[code] += total
            if with_totals:
                data.append([plan.year, _("Total planned"), "", "", "", number(total), code, "", ""])
    if with_totals:
        for code in sorted(overall):
            data.append(["", _("Total planned, all years"), "", "", "", number(overall[code]), code, "", ""])
    return data


def transactions_dataset(transactions) -> tablib.Dataset:
    headers = [
        _("Date"),
        _("IATI transaction type"),
        _("Type"),
        _("Amount"),
        _("Currency"),
        _("Counterpart"),
        _("Budget line"),
        _("Reference"),
        _("Description"),
    ]
    data = tablib.Dataset(headers=headers, title=_("Transactions")[:31])
    for t in transactions:
        data.append(
            [
                t.date.isoformat(),
                t.type,
                t.get_type_display(),
                number(t.amount),
                t.currency_id,
                t.counterpart_label,
                str(t.budget_line) if t.budget_line_id else "",
                t.reference,
                t.description,
            ]
        )
    return data
