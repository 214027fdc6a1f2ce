"""The secretariat's reporting periods of an indicator: add, edit, delete, generate many at once, lock and
unlock (one, or every period that has ended). Each form view calls one service (services.periods); the actions
are POST only and come back to the indicator page with what happened."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from governance.views.common import _messages_of
from msp import access

from ..models import Period
from ..period_forms import GenerateForm, PeriodForm, TargetsForm
from ..services import periods as services
from .forms import ServiceFormView, indicator_or_404, indicator_url, period_or_404


class IndicatorFormMixin:
    """A form about one indicator of the partnership; Cancel goes back to its page."""

    section = "indicators"

    def get_form_kwargs(self):
        self.indicator = indicator_or_404(self.partnership, self.kwargs["pk"])
        return {**super().get_form_kwargs(), "indicator": self.indicator}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)  # builds the form, which loads the indicator
        return {**context, "indicator": self.indicator}

    def cancel_url(self):
        return indicator_url(self.indicator) + "#periods-heading"


class PeriodFormView(IndicatorFormMixin, ServiceFormView):
    """Add a period (no `period_pk`) or change one."""

    form_class = PeriodForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        self.period = period_or_404(self.indicator, self.kwargs["period_pk"]) if "period_pk" in self.kwargs else None
        return {**kwargs, "period": self.period}

    @property
    def title(self):
        if self.period:
            return _("Edit the period %(period)s") % {"period": services.span(self.period.start, self.period.end)}
        return _("Add a reporting period")

    def save(self, form):
        period = services.period_save(
            indicator=self.indicator, by=self.request.user, period=self.period, **form.service_kwargs()
        )
        text = _("The period %(period)s is saved.") % {"period": services.span(period.start, period.end)}
        return text, self.cancel_url()


class GenerateView(IndicatorFormMixin, ServiceFormView):
    form_class = GenerateForm
    title = gettext_lazy("Generate reporting periods")

    def save(self, form):
        periods = services.periods_generate(indicator=self.indicator, by=self.request.user, **form.service_kwargs())
        text = ngettext("%(n)s period is added.", "%(n)s periods are added.", len(periods)) % {"n": len(periods)}
        return text, self.cancel_url()


class TargetsView(IndicatorFormMixin, ServiceFormView):
    """The targets of every period on one page; locked periods are shown with theirs, not offered."""

    form_class = TargetsForm
    template_name = "monitoring/periods/targets.html"
    title = gettext_lazy("Targets of every period")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        return {**kwargs, "periods": list(Period.objects.filter(indicator=self.indicator).order_by("start", "pk"))}

    def save(self, form):
        count = services.targets_save(indicator=self.indicator, by=self.request.user, targets=form.targets())
        text = ngettext("%(n)s target is saved.", "%(n)s targets are saved.", count) % {"n": count}
        return text, self.cancel_url()


def _period_action(request, partnership_pk, pk, period_pk, act):
    """Load the indicator and period for the secretariat, run `act(period)` (which returns the success message),
    and go back to the indicator page with the message or the refusal."""
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    indicator = indicator_or_404(partnership, pk)
    period = period_or_404(indicator, period_pk) if period_pk is not None else None
    try:
        messages.success(request, act(indicator, period))
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
    return redirect(indicator_url(indicator) + "#periods-heading")


@login_required
@require_POST
def period_delete(request, partnership_pk, pk, period_pk):
    def act(indicator, period):
        services.period_delete(period=period, by=request.user)
        return _("The period %(period)s is deleted.") % {"period": services.span(period.start, period.end)}

    return _period_action(request, partnership_pk, pk, period_pk, act)


@login_required
@require_POST
def period_lock(request, partnership_pk, pk, period_pk):
    def act(indicator, period):
        services.period_lock(period=period, by=request.user)
        return _("The period %(period)s is locked.") % {"period": services.span(period.start, period.end)}

    return _period_action(request, partnership_pk, pk, period_pk, act)


@login_required
@require_POST
def period_unlock(request, partnership_pk, pk, period_pk):
    def act(indicator, period):
        services.period_unlock(period=period, by=request.user)
        return _("The period %(period)s is unlocked.") % {"period": services.span(period.start, period.end)}

    return _period_action(request, partnership_pk, pk, period_pk, act)


@login_required
@require_POST
def periods_lock_ended(request, partnership_pk, pk):
    def act(indicator, period):
        count = services.periods_lock_ended(indicator=indicator, by=request.user)
        if not count:
            return _("No open period has ended: nothing was locked.")
        return ngettext("%(n)s period is locked.", "%(n)s periods are locked.", count) % {"n": count}

    return _period_action(request, partnership_pk, pk, None, act)
