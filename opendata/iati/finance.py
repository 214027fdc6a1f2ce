"""The money of an activity: one budget per calendar year, summed from the budget lines that count as planned, and
the transactions as recorded.

Budgets: IATI wants each budget period at most a year long and budgets of one type never overlapping, so a year
is one budget from 1 January to 31 December, whatever its lines' categories. Of a revised line only its newest
revision counts (governance.selectors.budget.planned_lines), and a year with a revised line is a Revised budget
(BudgetType 2), else Original (1). Lines in another currency are converted into the reporting currency with the
installation's rates on the budget's value date (its first day, as IATI defines value-date); a year that cannot be
converted is left out and said so, never published with a wrong sum.

Transactions: each as recorded, with its own currency and its date as value date. One dated in the future (IATI
forbids it) is left out and said so. The counterpart is named only when it is an organisation of the registry: a
free-text counterpart comes from a bank statement and may be a person (a consultant, a payroll line), and a
person's name is never published; nor is the free-text description, for the same reason.
"""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from lxml import etree

from governance.models import BudgetType
from msp.money import round_money

from .codes import COMMITTED, INCOMING_TYPES, INDICATIVE
from .elements import date_element, narrative, value_element, xml_text


def add_budgets(activity, data, left_out):
    by_year = defaultdict(list)
    for line in data.lines:
        by_year[line.year].append(line)
    for year in sorted(by_year):
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        total, missing = _sum(by_year[year], data, start)
        if missing:
            left_out.append(
                _("The budget of %(year)s is left out: it cannot be converted into %(currency)s (%(why)s).")
                % {"year": year, "currency": data.currency, "why": missing}
            )
            continue
        revised = any(line.budget_type == BudgetType.REVISED for line in by_year[year])
        budget = etree.SubElement(
            activity,
            "budget",
            type=BudgetType.REVISED if revised else BudgetType.ORIGINAL,
            status=COMMITTED if data.mou_in_force else INDICATIVE,
        )
        date_element(budget, "period-start", start)
        date_element(budget, "period-end", end)
        value_element(budget, round_money(total, data.currency), data.currency, start)


def _sum(lines, data, on):
    """(total in the reporting currency, "" ) or (None, why not)."""
    total = Decimal(0)
    for line in lines:
        if line.currency_id == data.currency:
            total += line.amount
            continue
        conversion = data.rates.convert(line.amount, line.currency_id, data.currency, on)
        if not conversion.ok:
            return None, conversion.missing
        total += conversion.amount
    return total, ""


def add_transactions(activity, data, left_out):
    future = [t for t in data.transactions if t.date > data.today]
    if future:
        message = ngettext(
            "%(count)d transaction dated in the future is left out (IATI allows none): %(dates)s.",
            "%(count)d transactions dated in the future are left out (IATI allows none): %(dates)s.",
            len(future),
        )
        left_out.append(
            message % {"count": len(future), "dates": ", ".join(sorted({t.date.isoformat() for t in future}))}
        )
    for record in data.transactions:
        if record.date > data.today:
            continue
        transaction = etree.SubElement(activity, "transaction")
        etree.SubElement(transaction, "transaction-type", code=record.type)
        date_element(transaction, "transaction-date", record.date)
        value_element(transaction, record.amount, record.currency_id, record.date)
        if record.counterpart_id:
            side = "provider-org" if record.type in INCOMING_TYPES else "receiver-org"
            organisation_element(transaction, side, record.counterpart)


def organisation_element(parent, tag, organisation, **attributes):
    """An organisation as IATI names it: its IATI identifier and type where the registry has them, its name."""
    if organisation.iati_identifier:
        attributes["ref"] = xml_text(organisation.iati_identifier)
    if organisation.iati_type_id:
        attributes["type"] = organisation.iati_type_id
    element = etree.SubElement(parent, tag, **attributes)
    narrative(element, organisation.name)
    return element
