"""Entering and correcting actual values (the secretariat, and partners for their organisation's indicators), and
the data entry list of what a user may enter."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from governance.views.common import _form_errors

from .. import progress
from ..actual_forms import ActualForm, category_field_name
from ..selectors import actuals as selectors
from ..services import actuals as services
from .common import ResultsMixin


class DataEntryView(ResultsMixin, TemplateView):
    """The periods the user may enter data for (no actual yet, overdue first), then those they may correct."""

    action = "view"
    section = "data_entry"
    template_name = "monitoring/actuals/data_entry.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        missing, entered = selectors.data_entry(self.request.user, self.partnership, today)
        return super().get_context_data(missing=missing, entered=entered, today=today, **kwargs)


class ActualEditView(ResultsMixin, FormView):
    """Enter or correct the actual of one period: monitoring.services.actuals.actual_save. Who may is msp.access
    (another organisation's partner: 403 with the reason); a locked or future period shows why, with no form."""

    section = "indicators"
    form_class = ActualForm
    template_name = "monitoring/actuals/form.html"

    def setup_period(self):
        """Load the period, and say why no data can be entered: the person may not (403, with msp.access's reason,
        e.g. another organisation's indicator), or the period is locked or has not started (400 to a POST)."""
        self.indicator, self.period = selectors.period_for_entry(
            self.partnership, self.kwargs["pk"], self.kwargs["period_pk"]
        )
        self.actual = progress.actual_of(self.period)
        self.status = 403
        try:
            services.require_enter_actual(self.request.user, self.indicator)
        except PermissionDenied as exc:
            self.refusal = str(exc)
            return
        self.refusal, self.status = services.period_refusal(self.period), 400

    def get(self, request, *args, **kwargs):
        self.setup_period()
        if self.refusal and self.status == 403:
            return self.render_to_response(self.get_context_data(), status=403)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.setup_period()
        if self.refusal:
            return self.render_to_response(self.get_context_data(), status=self.status)
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "indicator": self.indicator}

    def get_initial(self):
        actual = self.actual
        if actual is None:
            return {"measured_on": timezone.localdate()}
        initial = {name: getattr(actual, name) for name in ("text", "light", "light_note", "narrative", "measured_on")}
        initial["value"] = actual.value.normalize() if actual.value is not None else None
        for row in actual.breakdown.all():
            initial[category_field_name(row.category_id)] = row.value.normalize()
        return initial

    def form_valid(self, form):
        try:
            services.actual_save(period=self.period, by=self.request.user, **form.service_kwargs())
        except ValidationError as exc:
            _form_errors(form, exc)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Saved the actual value of “%(indicator)s” for %(period)s.")
            % {"indicator": self.indicator.name, "period": period_label(self.period)},
        )
        return redirect("monitoring:indicator", partnership_pk=self.partnership.pk, pk=self.indicator.pk)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            indicator=self.indicator,
            period=self.period,
            actual=self.actual,
            refusal=self.refusal,
            period_text=period_label(self.period),
            **kwargs,
        )


def period_label(period):
    """ "1/1/2025 – 3/31/2025" as the active language writes short dates."""
    return f"{date_format(period.start, 'SHORT_DATE_FORMAT')} – {date_format(period.end, 'SHORT_DATE_FORMAT')}"
