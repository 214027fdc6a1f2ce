"""The reporting schedule page (secretariat): how often draft reports are made, from when, of which kinds; when the
next period ends, and the drafts made so far. Partners and donors 403, outsiders 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView

from governance.views.common import _form_errors
from msp.views import PartnershipMixin

from ..models import ReportSchedule
from ..schedule_forms import ScheduleForm
from ..services import schedules


class ScheduleView(PartnershipMixin, FormView):
    action = "change"
    tab = "reports"
    template_name = "monitoring/reports/schedule.html"
    form_class = ScheduleForm

    @cached_property
    def schedule(self):
        schedule = ReportSchedule.objects.filter(partnership=self.partnership).first()
        if schedule is not None:
            schedule.partnership = self.partnership  # already loaded
        return schedule

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.schedule}

    def get_initial(self):
        return {"frequency": 3, "donor": True, "active": True}

    def form_valid(self, form):
        try:
            schedules.schedule_save(partnership=self.partnership, by=self.request.user, **form.service_kwargs())
        except ValidationError as exc:
            _form_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("The reporting schedule is saved."))
        return redirect("monitoring:report_schedule", partnership_pk=self.partnership.pk)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_context_data(self, **kwargs):
        schedule = self.schedule
        return super().get_context_data(
            schedule=schedule,
            next_end=schedules.next_period_end(schedule) if schedule and schedule.active else None,
            due=schedules.due_period(schedule, timezone.localdate()) if schedule else None,
            drafts=schedules.schedule_drafts(schedule) if schedule else [],
            reports_url=schedules.reports_link(self.partnership),
            **kwargs,
        )
