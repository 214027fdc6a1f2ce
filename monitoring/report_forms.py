"""The secretariat's form asking for a report version: kind, period and language. It validates what was typed; the
service (services.reports.report_ask) checks the right and the rules again."""

import datetime as dt

from crispy_forms.helper import FormHelper
from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import ReportKind

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
EARLIEST = dt.date(1990, 1, 1)
# A report is about what happened: a period ending this far ahead is a typing slip (a year 2206 for 2026).
AHEAD = dt.timedelta(days=366)


def last_full_quarter(today: dt.date) -> tuple[dt.date, dt.date]:
    """The calendar quarter before the one `today` is in: (first day, last day)."""
    first_month = (today.month - 1) // 3 * 3 + 1
    this_quarter = dt.date(today.year, first_month, 1)
    end = this_quarter - dt.timedelta(days=1)
    return dt.date(end.year, end.month - 2, 1), end


class ReportRequestForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Report"),
        choices=[(ReportKind.DONOR, ReportKind.DONOR.label), (ReportKind.PUBLIC, ReportKind.PUBLIC.label)],
        widget=forms.RadioSelect,
        initial=ReportKind.DONOR,
        error_messages={"invalid_choice": _("Choose a donor report or a public report.")},
    )
    period_start = forms.DateField(
        label=_("Period from"), widget=DATE, error_messages={"invalid": _("Enter a date, e.g. 2026-01-01.")}
    )
    period_end = forms.DateField(
        label=_("Period to"), widget=DATE, error_messages={"invalid": _("Enter a date, e.g. 2026-03-31.")}
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=settings.LANGUAGES,
        help_text=_("The partnership's working language unless you choose another."),
        error_messages={"invalid_choice": _("Choose one of the languages offered.")},
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        start, end = last_full_quarter(timezone.localdate())
        self.initial.setdefault("period_start", start)
        self.initial.setdefault("period_end", end)
        language = partnership.language if partnership.language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        self.initial.setdefault("language", language)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_period_start(self):
        start = self.cleaned_data["period_start"]
        if start < EARLIEST:
            raise forms.ValidationError(_("Enter a date from 1990 on."))
        return start

    def clean_period_end(self):
        end = self.cleaned_data["period_end"]
        if end > timezone.localdate() + AHEAD:
            raise forms.ValidationError(_("The period cannot end more than a year from today."))
        return end

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period must end on or after the day it starts."))
        return cleaned
