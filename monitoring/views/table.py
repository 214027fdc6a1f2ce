"""The indicator table (every indicator with its latest progress and light, grouped by results level, with its
filters and a summary) and its export with all periods, as CSV or XLSX.

Everyone with a role reads both; donors see progress from locked periods only, in the page and in the file alike
(selectors.indicators.periods_prefetch): a donor may take away what they may read, nothing more. The export
follows the filters set on the page."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.views.generic import TemplateView

from governance.selectors.budget import nodes_by_key
from msp import access
from msp.listing import choice_labels, url_for_each
from stakeholders.views.transfer import CONTENT_TYPES

from ..filters import IndicatorFilter
from ..indicator_export import indicators_dataset, render
from ..models import Measure
from ..selectors import table as selectors
from .common import ResultsMixin


def prepare_rows(rows, partnership):
    """Set `table_url`, `measure_label` and `latest_dates` (its latest period's, "–" without one) on the indicator
    of each of `rows`: what each row of the table shows, worked out once for the list (a reverse(), a choice label
    and two dates cost as much as the rest of a row; the periods of a partnership's indicators share their dates)."""
    url = url_for_each("monitoring:indicator", partnership.pk)
    measures = choice_labels(Measure.choices)
    dates = {}

    def short(day):
        if day not in dates:
            dates[day] = date_format(day, "SHORT_DATE_FORMAT")
        return dates[day]

    for row in rows:
        indicator, latest = row.indicator, row.latest
        indicator.table_url = url(indicator.pk)
        indicator.measure_label = measures.get(indicator.measure, indicator.measure)
        indicator.latest_dates = f"{short(latest.period.start)} – {short(latest.period.end)}" if latest else "–"
    return rows


def _filtered(request, partnership, *, breakdown=False):
    """(every row, the filter, the rows it lets through) for the request's filters."""
    nodes = nodes_by_key(partnership)
    fields = None if breakdown else selectors.TABLE_PERIOD_FIELDS  # the export writes every column
    rows = selectors.indicator_rows(request.user, partnership, nodes=nodes, breakdown=breakdown, period_fields=fields)
    indicators = IndicatorFilter(
        request.GET or None, selectors.scoped(partnership), partnership=partnership, nodes=nodes
    )
    return rows, indicators, indicators.keep(rows)


class IndicatorTableView(ResultsMixin, TemplateView):
    section = "indicators"
    template_name = "monitoring/indicators/list.html"

    def _results_only(self):
        return self.request.htmx and self.request.htmx.target == "indicator-results"

    def get_template_names(self):
        return ["monitoring/indicators/results.html"] if self._results_only() else [self.template_name]

    def get_context_data(self, **kwargs):
        rows, indicators, shown = _filtered(self.request, self.partnership)
        return super().get_context_data(
            has_any=bool(rows),
            summary=selectors.summarise(rows),
            filter=indicators if self._results_only() else indicators.with_listed_choices(rows),
            groups=selectors.by_level(prepare_rows(shown, self.partnership)),
            shown_count=len(shown),
            **kwargs,
        )


@login_required
def indicators_export(request, partnership_pk):
    """The indicators as filtered on the page, one row per period: CSV (default) or XLSX (`?format=xlsx`)."""
    partnership = access.get_partnership(request.user, partnership_pk, "view_indicators")
    fmt = request.GET.get("format", "csv")
    fmt = fmt if fmt in CONTENT_TYPES else "csv"
    _rows, _filter, shown = _filtered(request, partnership, breakdown=True)
    dataset = indicators_dataset(shown, selectors.dimensions(partnership))
    response = HttpResponse(render(dataset, fmt), content_type=CONTENT_TYPES[fmt])
    day = timezone.localdate().isoformat()
    filename = f"{slugify(partnership.name, allow_unicode=True)[:50]}-indicators-{day}.{fmt}"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
