"""The indicator page: its definition, targets and actuals per period with progress and light."""

from django.utils import timezone
from django.views.generic import TemplateView

from msp import access

from ..charts import indicator_chart
from ..selectors import indicators as selectors
from .common import ResultsMixin


class IndicatorView(ResultsMixin, TemplateView):
    section = "indicators"
    template_name = "monitoring/indicators/detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        indicator, node, rows = selectors.indicator_detail(user, self.partnership, self.kwargs["pk"])
        return super().get_context_data(
            indicator=indicator,
            node=node,
            rows=rows,
            chart=indicator_chart(indicator, rows),
            can_enter=access.can_enter_actual(user, indicator),
            today=timezone.localdate(),
            **kwargs,
        )
