"""The indicator table (every indicator with its latest progress and light, grouped by results level, with its
filters and a summary) and its export with all periods, as CSV or XLSX.

Everyone with a role reads both; donors see progress from locked periods only, in the page and in the file alike
(selectors.indicators.periods_prefetch): a donor may take away what they may read, nothing more. The export
follows the filters set on the page."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.views.generic import TemplateView

from governance.selectors.budget import nodes_by_key
from msp import access
from stakeholders.views.transfer import CONTENT_TYPES

from ..filters import IndicatorFilter
from ..indicator_export import indicators_dataset, render
from ..selectors import table as selectors
from .common import ResultsMixin


def _filtered(request, partnership, *, breakdown=False):
    """(every row, the filter, the rows it lets through) for the request's filters."""
    nodes = nodes_by_key(partnership)
    rows = selectors.indicator_rows(request.user, partnership, nodes=nodes, breakdown=breakdown)
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
            filter=indicators if self._results_only() else indicators.with_listed_choices(),
            groups=selectors.by_level(shown),
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
