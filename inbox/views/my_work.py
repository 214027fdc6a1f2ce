from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView

from .. import selectors


class MyWorkView(LoginRequiredMixin, TemplateView):
    """What awaits the signed-in person across all their partnerships, each entry linking to where to act."""

    template_name = "inbox/my_work.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(groups=selectors.my_work(self.request.user), **kwargs)
