"""The Learning tab's context page: the current context analysis with its history, and the related initiatives
flagged where the partnership must act (CX-2: overlapping or competing without an alignment action; CX-4: a
meta-platform without an exchange in 12 months); the secretariat's forms to record an analysis and to keep the
initiatives."""

from django.contrib.auth.decorators import login_required
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from ..learning_forms import ContextAnalysisForm, InitiativeForm
from ..models import RelatedInitiative
from ..selectors import learning as selectors
from ..services import context as services
from .learning import LearningFormView, LearningMixin, delete_record


class ContextView(LearningMixin, TemplateView):
    section = "context"
    template_name = "monitoring/learning/context.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(context=selectors.context_for(self.partnership), **kwargs)


class ContextAnalysisFormView(LearningFormView):
    """Record a new analysis: it becomes the current one, the one before it joins the history."""

    section = "context"
    form_class = ContextAnalysisForm
    title = gettext_lazy("Record a context analysis")

    def save(self, form):
        services.context_analysis_record(partnership=self.partnership, by=self.request.user, **form.service_kwargs())
        return _("The context analysis is recorded.")


class InitiativeFormView(LearningFormView):
    section = "context"
    form_class = InitiativeForm
    model = RelatedInitiative

    @property
    def title(self):
        if self.object:
            return _("Edit the related initiative “%(name)s”") % {"name": self.object.name}
        return _("Add a related initiative")

    def save(self, form):
        kwargs = form.service_kwargs()
        initiative = services.initiative_save(
            partnership=self.partnership, by=self.request.user, initiative=self.object, **kwargs
        )
        text = _("“%(name)s” is saved.") if self.object else _("“%(name)s” is added to the related initiatives.")
        return text % {"name": initiative.name}

    def cancel_url(self):
        return reverse("monitoring:context", args=[self.partnership.pk]) + "#initiatives"


@login_required
@require_POST
def initiative_delete(request, partnership_pk, pk):
    return delete_record(
        request,
        partnership_pk,
        pk,
        model=RelatedInitiative,
        service=lambda initiative, by: services.initiative_delete(initiative=initiative, by=by),
        section="context",
        message=_("“%(name)s” is deleted from the related initiatives."),
    )
