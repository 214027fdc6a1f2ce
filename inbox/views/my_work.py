from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.views.generic import TemplateView

from .. import selectors


class MyWorkView(LoginRequiredMixin, TemplateView):
    """What awaits the signed-in person across all their partnerships, each entry linking to where to act: the
    first entries of each kind, and a link to the kind's own page when there are more."""

    template_name = "inbox/my_work.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(groups=selectors.my_work(self.request.user), **kwargs)


class MyWorkKindView(LoginRequiredMixin, TemplateView):
    """All the work of one kind awaiting the signed-in person, most urgent first, paged."""

    template_name = "inbox/my_work_kind.html"

    def get_context_data(self, **kwargs):
        if kwargs["kind"] not in selectors.KINDS:
            raise Http404
        group, page = selectors.kind_page(self.request.user, kwargs["kind"], self.request.GET.get("page"))
        return super().get_context_data(group=group, page_obj=page, **kwargs)
