"""Indicators with all their periods as a spreadsheet (CSV or XLSX), written formula-safe by the stakeholder
exports' helpers (stakeholders.spreadsheets.render): a name typed as "=cmd" arrives as text.

One row per indicator and visible period (an indicator without periods gets one row, its period cells empty),
then one column per category of the partnership's disaggregation dimensions ("Sex: Female") with the actual's
value for it. Numbers (baseline, target, actual, progress, breakdown) are numbers, so a spreadsheet adds them up;
nominal, ordinal and qualitative indicators have words there instead. Target and actual are the period's own, as
entered; progress and light compare running totals for a cumulative indicator (monitoring.progress)."""

from decimal import Decimal

import tablib
from django.utils.translation import gettext as _

from stakeholders.spreadsheets import render

__all__ = ["indicators_dataset", "render"]

TENTH = Decimal("0.1")


def number(value):
    """A Decimal without trailing zeros and never in exponent notation ("1E+2"), or "" for None."""
    if value is None:
        return ""
    return Decimal(f"{value.normalize():f}")


def _yes(value) -> str:
    return _("yes") if value else _("no")


def _headers(categories) -> list[str]:
    return [
        _("Indicator"),
        _("Results level"),
        _("Result"),
        _("Measure"),
        _("Unit"),
        _("Direction"),
        _("Aggregation"),
        _("Baseline"),
        _("Baseline date"),
        _("SDG targets"),
        _("Responsible organisation"),
        _("Period start"),
        _("Period end"),
        _("Target"),
        _("Actual"),
        _("Progress (%)"),
        _("Light"),
        _("Locked"),
        _("Narrative"),
        *[f"{dimension.name}: {category.name}" for dimension, category in categories],
    ]


def _indicator_cells(row) -> list:
    indicator, node = row.indicator, row.node
    baseline = number(indicator.baseline_value) if indicator.is_numeric else indicator.baseline_text
    return [
        indicator.name,
        node.get_level_display() if node is not None else "",
        node.title if node is not None else "",
        indicator.get_measure_display(),
        indicator.unit_label,
        indicator.get_direction_display(),
        indicator.get_aggregation_display(),
        baseline,
        indicator.baseline_date.isoformat() if indicator.baseline_date else "",
        "; ".join(target.code for target in indicator.sdg_targets.all()),
        indicator.responsible.name,
    ]


def _period_cells(indicator, step, categories) -> list:
    period, actual = step.period, step.actual
    if indicator.is_numeric:
        target = number(period.target_value)
        value = number(actual.value) if actual is not None else ""
    else:
        target, value = period.target_text, actual.text if actual is not None else ""
    shares = {share.category_id: share.value for share in actual.breakdown.all()} if actual is not None else {}
    return [
        period.start.isoformat(),
        period.end.isoformat(),
        target,
        value,
        step.percent.quantize(TENTH) if step.percent is not None else "",
        str(step.light_label),
        _yes(period.is_locked),
        actual.narrative if actual is not None else "",
        *[number(shares.get(category.pk)) for _dimension, category in categories],
    ]


def indicators_dataset(rows, dimensions) -> tablib.Dataset:
    """`rows`: selectors.table.indicator_rows(..., breakdown=True); `dimensions`: the partnership's, with their
    categories prefetched."""
    categories = [(dimension, category) for dimension in dimensions for category in dimension.categories.all()]
    data = tablib.Dataset(headers=_headers(categories), title=_("Indicators")[:31])
    empty = [""] * (8 + len(categories))
    for row in rows:
        cells = _indicator_cells(row)
        if not row.series:
            data.append(cells + empty)
        for step in row.series:
            data.append(cells + _period_cells(row.indicator, step, categories))
    return data
