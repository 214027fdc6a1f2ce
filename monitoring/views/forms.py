"""What the secretariat's monitoring forms share: loading an indicator or a period of the partnership (404
otherwise), and the form view that calls one service, with a refusal back on the form (status 400)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView

from governance.views.common import _form_errors

from ..models import Indicator, Period
from .common import ResultsMixin


def indicator_or_404(partnership, pk):
    try:
        indicator = Indicator.objects.select_related("responsible").get(partnership=partnership, pk=pk)
    except Indicator.DoesNotExist:
        raise Http404(_("No such indicator.")) from None
    indicator.partnership = partnership  # the loaded one: its role cache answers the access questions
    return indicator


def period_or_404(indicator, pk):
    try:
        period = Period.objects.select_related("actual").get(indicator=indicator, pk=pk)
    except Period.DoesNotExist:
        raise Http404(_("No such period.")) from None
    period.indicator = indicator
    return period


def indicators_url(partnership):
    """The indicator table."""
    return reverse("monitoring:indicators", args=[partnership.pk])


def indicator_url(indicator):
    return reverse("monitoring:indicator", args=[indicator.partnership_id, indicator.pk])


class ServiceFormView(ResultsMixin, FormView):
    """A secretariat form that calls one service (`save(form)` returns the success message and where to go); a
    refusal comes back on the form, with what was typed, and answers 400."""

    action = "change"
    template_name = "monitoring/form.html"
    title = ""

    def form_valid(self, form):
        try:
            text, url = self.save(form)
        except ValidationError as exc:
            _form_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, text)
        return redirect(url)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)  # builds the form, which loads the page's objects
        return {**context, "title": self.title, "cancel_url": self.cancel_url()}

    def save(self, form):
        raise NotImplementedError

    def cancel_url(self):
        return indicators_url(self.partnership)
