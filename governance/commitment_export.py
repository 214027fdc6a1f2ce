"""Commitments as a spreadsheet (CSV or XLSX): one row per commitment with a column per year, written
formula-safe by the stakeholder exports' helpers."""

import tablib
from django.utils.translation import gettext as _

from stakeholders.spreadsheets import render

__all__ = ["commitments_dataset", "render"]


def _date(value):
    return value.isoformat() if value else ""


def commitments_dataset(table) -> tablib.Dataset:
    """The rows of a selectors.commitments.Table (as filtered on the page); amounts are numbers, in the
    commitment's currency."""
    headers = [
        _("Organisation"),
        _("Type"),
        _("Description"),
        _("Quantity"),
        _("Unit"),
        _("Value"),
        _("Currency"),
        _("Period start"),
        _("Period end"),
        _("Status"),
        _("Date committed"),
        _("Funder's expectations"),
        _("Expectations recorded on"),
        *[str(year) for year in table.years],
    ]
    data = tablib.Dataset(headers=headers, title=_("Commitments")[:31])
    for c, amounts in table.rows:
        expectations = _("None (stated by the funder)") if c.no_expectations else c.funder_expectations
        data.append(
            [
                c.organisation.name,
                c.get_type_display(),
                c.description,
                c.quantity,
                c.unit,
                c.value,
                c.currency_id or "",
                _date(c.starts_on),
                _date(c.ends_on),
                c.get_status_display(),
                _date(c.committed_on),
                expectations,
                _date(c.expectations_recorded_on),
                *amounts,
            ]
        )
    return data
