"""The search results page: the header's search box sends its query here."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.views.generic import TemplateView

from . import selectors


class SearchView(LoginRequiredMixin, TemplateView):
    template_name = "search/results.html"
    paginate_by = 20

    def get_context_data(self, **kwargs):
        query = " ".join(self.request.GET.get("q", "").split())[: selectors.MAX_LENGTH]
        too_short = len(query) < selectors.MIN_LENGTH
        hits = [] if too_short else selectors.search(self.request.user, query)
        page = Paginator(hits, self.paginate_by).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            query=query,
            too_short=too_short,
            hits=page.object_list,
            page_obj=page,
            total=len(hits),
            limit=selectors.PER_KIND,
            min_length=selectors.MIN_LENGTH,
            **kwargs,
        )
