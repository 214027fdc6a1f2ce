"""The Learning tab's risks: the list by score (likelihood × impact) with the 5 × 5 matrix of open risks and a
status filter, and the secretariat's form."""

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_filters.views import FilterView

from ..learning_forms import RiskFilter, RiskForm
from ..models import Risk
from ..selectors import learning as selectors
from ..services import context as services
from .learning import LearningFormView, LearningMixin, delete_record


class RiskListView(LearningMixin, FilterView):
    section = "risks"
    template_name = "monitoring/learning/risks.html"
    filterset_class = RiskFilter

    def get_filterset(self, filterset_class):
        return RiskFilter(self.request.GET or None, selectors.risks_for(self.partnership))

    def get_context_data(self, **kwargs):
        return super().get_context_data(matrix=selectors.risk_matrix(self.partnership), **kwargs)


class RiskFormView(LearningFormView):
    section = "risks"
    form_class = RiskForm
    model = Risk

    @property
    def title(self):
        return _("Edit the risk “%(title)s”") % {"title": self.object.title} if self.object else _("Record a risk")

    def save(self, form):
        kwargs = form.service_kwargs()
        risk = services.risk_save(partnership=self.partnership, by=self.request.user, risk=self.object, **kwargs)
        text = _("The risk “%(title)s” is saved.") if self.object else _("The risk “%(title)s” is recorded.")
        return text % {"title": risk.title}


@login_required
@require_POST
def risk_delete(request, partnership_pk, pk):
    return delete_record(
        request,
        partnership_pk,
        pk,
        model=Risk,
        service=lambda risk, by: services.risk_delete(risk=risk, by=by),
        section="risks",
        message=_("The risk “%(name)s” is deleted."),
    )
