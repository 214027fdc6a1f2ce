"""The secretariat's definitions: the partnership's disaggregation dimensions (one page, with add, edit and
delete) and indicators (add, edit, delete). Each form view authorises (msp.access "change", through the mixin),
validates (indicator_forms) and calls one service; a refusal comes back on the form, with what was typed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from governance.views.common import _messages_of
from msp import access

from ..indicator_forms import DimensionForm, IndicatorForm
from ..models import Dimension
from ..selectors import definitions as selectors
from ..services import indicators as services
from .common import ResultsMixin
from .forms import ServiceFormView, indicator_or_404, indicator_url, indicators_url


def dimension_or_404(partnership, pk):
    dimension = Dimension.objects.filter(partnership=partnership, pk=pk).first()
    if dimension is None:
        raise Http404(_("No such dimension."))
    dimension.partnership = partnership
    return dimension


class DimensionListView(ResultsMixin, TemplateView):
    action = "change"
    section = "dimensions"
    template_name = "monitoring/dimensions/list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(dimensions=selectors.dimensions_for(self.partnership), **kwargs)


class DimensionFormView(ServiceFormView):
    """Add a dimension (no `pk`) or change one."""

    form_class = DimensionForm
    section = "dimensions"

    def get_form_kwargs(self):
        self.dimension = dimension_or_404(self.partnership, self.kwargs["pk"]) if "pk" in self.kwargs else None
        return {**super().get_form_kwargs(), "dimension": self.dimension}

    @property
    def title(self):
        if self.dimension:
            return _("Edit the dimension “%(name)s”") % {"name": self.dimension.name}
        return _("Add a disaggregation dimension")

    def save(self, form):
        dimension = services.dimension_save(
            partnership=self.partnership, by=self.request.user, dimension=self.dimension, **form.service_kwargs()
        )
        return _("The dimension “%(name)s” is saved.") % {"name": dimension.name}, self.cancel_url()

    def cancel_url(self):
        return reverse("monitoring:dimensions", args=[self.partnership.pk])


@login_required
@require_POST
def dimension_delete(request, partnership_pk, pk):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    dimension = dimension_or_404(partnership, pk)
    try:
        services.dimension_delete(dimension=dimension, by=request.user)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
    else:
        messages.success(request, _("The dimension “%(name)s” is deleted.") % {"name": dimension.name})
    return redirect("monitoring:dimensions", partnership_pk=partnership.pk)


class IndicatorFormView(ServiceFormView):
    """Define an indicator (no `pk`) or change one. Without a results chain there is nothing to measure: the page
    says so and points to the roadmap."""

    form_class = IndicatorForm
    section = "indicators"
    template_name = "monitoring/indicators/form.html"

    def get_form_kwargs(self):
        self.indicator = indicator_or_404(self.partnership, self.kwargs["pk"]) if "pk" in self.kwargs else None
        kwargs = {**super().get_form_kwargs(), "partnership": self.partnership}
        if self.indicator is not None:
            kwargs["instance"] = self.indicator
        return kwargs

    @property
    def title(self):
        if self.indicator:
            return _("Edit the indicator “%(name)s”") % {"name": self.indicator.name}
        return _("Define an indicator")

    def save(self, form):
        indicator = services.indicator_save(
            partnership=self.partnership, by=self.request.user, indicator=self.indicator, **form.service_kwargs()
        )
        text = _("The indicator “%(name)s” is saved.") if self.indicator else _("The indicator “%(name)s” is added.")
        return text % {"name": indicator.name}, indicator_url(indicator)

    def cancel_url(self):
        return indicator_url(self.indicator) if self.indicator else super().cancel_url()


@login_required
@require_POST
def indicator_delete(request, partnership_pk, pk):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    indicator = indicator_or_404(partnership, pk)
    try:
        services.indicator_delete(indicator=indicator, by=request.user)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
        return redirect(indicator_url(indicator))
    messages.success(request, _("The indicator “%(name)s” is deleted.") % {"name": indicator.name})
    return redirect(indicators_url(partnership))
