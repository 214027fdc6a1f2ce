"""The SDG page: the goals and targets the partnership contributes to, through which indicators and results."""

from django.views.generic import TemplateView

from ..selectors import sdgs as selectors
from .common import ResultsMixin


class SdgView(ResultsMixin, TemplateView):
    section = "sdgs"
    template_name = "monitoring/sdgs.html"

    def get_context_data(self, **kwargs):
        goals = selectors.contributions(self.request.user, self.partnership)
        return super().get_context_data(goals=goals, **kwargs)
