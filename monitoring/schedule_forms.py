"""The reporting schedule's form: it validates what was typed; the service (services.schedules) saves it."""

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .models import ReportSchedule

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
FIELDS = ("frequency", "first_period_start", "donor", "public", "active")


class ScheduleForm(forms.ModelForm):
    class Meta:
        model = ReportSchedule
        fields = FIELDS
        widgets = {"first_period_start": DATE, "frequency": forms.RadioSelect}
        help_texts = {
            "first_period_start": _("Periods are counted from this day, e.g. 1 January for calendar quarters."),
            "active": _("While the schedule is on, drafts are made the day after each period ends."),
        }
        error_messages = {
            "first_period_start": {
                "required": _("Enter the day the first reporting period starts."),
                "invalid": _("Enter a date, e.g. 2026-01-01."),
            },
            "frequency": {"required": _("Choose how often reports are due.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = self.fields["frequency"].choices
        self.fields["frequency"].choices = [(value, capfirst(label)) for value, label in choices if value != ""]
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean(self):
        data = super().clean()
        if data.get("active") and not (data.get("donor") or data.get("public")):
            self.add_error("donor", _("Choose at least one kind of report, or switch the schedule off."))
        return data

    def _post_clean(self):
        """No model validation here: the service checks the schedule."""

    def service_kwargs(self):
        return {name: self.cleaned_data.get(name) for name in FIELDS}
