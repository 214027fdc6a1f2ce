"""What the monitoring pages share: the Results tab (indicators, the SDG page) and its section navigation."""

from msp import access
from msp.views import PartnershipMixin


class ResultsMixin(PartnershipMixin):
    """A page of the Results tab; `section` picks the entry of its navigation (monitoring/results_nav.html)."""

    action = "view_indicators"
    tab = "results"
    section = ""

    def get_context_data(self, **kwargs):
        user, partnership = self.request.user, self.partnership
        return super().get_context_data(
            section=self.section,
            can_change=access.can(user, "change", partnership),
            sees_open_periods=access.can(user, "view_open_periods", partnership),
            **kwargs,
        )
