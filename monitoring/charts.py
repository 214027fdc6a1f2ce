"""The indicator page's chart (msp.charts, SVG drawn on the server, with its table): targets and actual values per
reporting period, running totals for a cumulative indicator, with the baseline as a reference line. Numeric
indicators only: for words the page's table says it all."""

from decimal import Decimal

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from msp.charts import Line, LineChart, Reference

from .models import Aggregation, Direction
from .templatetags.monitoring_tags import measurement


def _number(value):
    return float(value) if value is not None else None


def _format(value):
    return measurement(Decimal(str(value)))


def indicator_chart(indicator, rows):
    """The chart of `indicator` from its progress.series `rows` (the periods the viewer sees), or None for an
    indicator whose values are words, or with no periods (the page says what to do)."""
    if not indicator.is_numeric or not rows:
        return None
    cumulative = indicator.aggregation == Aggregation.CUMULATIVE
    unit = f" ({indicator.unit_label})" if indicator.unit_label else ""
    if cumulative:
        lines = [Line(_("Target, running total"), []), Line(_("Actual, running total"), [])]
    else:
        lines = [Line(_("Target"), []), Line(_("Actual"), [])]
    target, actual = lines
    target.colour, target.dash, target.marker = "#4D5965", "7 4", "square"
    actual.colour, actual.dash, actual.marker = "#0072B2", "", "circle"
    labels, ticks = [], []
    for row in rows:
        start, end = row.period.start, row.period.end
        labels.append(f"{date_format(start, 'SHORT_DATE_FORMAT')} – {date_format(end, 'SHORT_DATE_FORMAT')}")
        ticks.append(date_format(end, "YEAR_MONTH_FORMAT"))
        target.values.append(_number(row.target))
        actual.values.append(_number(row.value))
    references = []
    if indicator.baseline_value is not None:
        references.append(Reference(_("Baseline"), float(indicator.baseline_value)))
    better = _("higher is better") if indicator.direction == Direction.ASCENDING else _("lower is better")
    if cumulative:
        description = _(
            "Running totals of the targets and of the actual values, from the baseline, at the end of each reporting "
            "period (%(better)s)."
        ) % {"better": better}
    else:
        description = _("The target and the actual value of each reporting period (%(better)s).") % {"better": better}
    return LineChart(
        labels=labels,
        tick_labels=ticks,
        lines=lines,
        references=references,
        label_header=_("Period"),
        formatter=_format,
        title=_("%(name)s over time%(unit)s") % {"name": indicator.name, "unit": unit},
        description=description,
        chart_id="indicator-chart",
        empty_text=_("No targets or actual values to draw yet."),
    )
