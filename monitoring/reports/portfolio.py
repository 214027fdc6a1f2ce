"""A person's portfolio as a report: every partnership they hold a role on, as the portfolio page shows it to them
(monitoring.selectors.portfolio), in a PDF (cover, one table per partnership, page numbers) and an XLSX with one
row per partnership, written formula-safe (stakeholders.spreadsheets.render: a name typed as "=cmd" stays text).

The figures are those of the day the report was asked for, read with the owner's rights at the time it is made.
"""

import tablib
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from msp.money import round_money
from stakeholders.spreadsheets import render

from ..indicator_export import number
from ..selectors.portfolio import MILESTONE_DAYS, portfolio_for
from .jobs import Output


def _amount(figure):
    """A number a spreadsheet adds up, rounded to the currency's minor unit; "" when unknown (a missing rate)."""
    if figure is None or figure.amount is None:
        return ""
    return number(round_money(figure.amount, figure.currency))


def _headers() -> list[str]:
    return [
        _("Partnership"),
        _("Phase"),
        _("Health (%)"),
        _("Indicators"),
        _("On track"),
        _("At risk"),
        _("Off track"),
        _("No data"),
        _("Overdue data"),
        _("Currency"),
        _("Committed"),
        _("Whose commitments"),
        _("Spent"),
        _("Milestones due in %(days)s days") % {"days": MILESTONE_DAYS},
        _("Latest reports"),
    ]


def _whose(row) -> str:
    if row.commitments == "all":
        return _("all organisations")
    if row.commitments == "own":
        return str(row.organisation)
    return ""


def dataset(rows) -> tablib.Dataset:
    data = tablib.Dataset(headers=_headers(), title=_("Portfolio")[:31])
    for row in rows:
        p, s = row.partnership, row.results
        data.append(
            [
                p.name, f"{p.phase}: {p.get_phase_display()}",
                "" if row.health_percent is None else row.health_percent,
                s.total, s.green, s.amber, s.red, s.none, s.overdue, p.currency_id,
                _amount(row.committed), _whose(row), _amount(row.spent),
                "; ".join(f"{m.due_on.isoformat()} {m.title}" for m in row.milestones),
                "; ".join(str(r) for r in row.reports),
            ]
        )  # fmt: skip
    return data


def build(report, step) -> Output:
    step("partnerships")
    as_of = timezone.localdate(report.requested_at)
    rows = portfolio_for(report.owner, today=as_of)
    html = render_to_string(
        "reports/portfolio/report.html",
        {"report": report, "language": report.language, "rows": rows, "as_of": as_of, "days": MILESTONE_DAYS},
    )
    return Output(html=html, xlsx=render(dataset(rows), "xlsx"))
