"""The portfolio report's request: a period (by default the last full quarter) and a language (by default the
person's interface language). The rules (the period's order, a language offered) are the service's too
(monitoring.services.reports.portfolio_ask)."""

import datetime as dt

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .indicator_forms import DATE, helper


def last_quarter(today=None) -> tuple[dt.date, dt.date]:
    """The last calendar quarter that has ended: on 30 November 2026, 1 July to 30 September 2026."""
    today = today or timezone.localdate()
    this_start = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    end = this_start - dt.timedelta(days=1)
    return dt.date(end.year, end.month - 2, 1), end


class PortfolioRequestForm(forms.Form):
    period_start = forms.DateField(label=_("Period from"), widget=DATE)
    period_end = forms.DateField(label=_("Period to"), widget=DATE)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)

    def __init__(self, *args, **kwargs):
        start, end = last_quarter()
        language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        kwargs.setdefault("initial", {}).update(period_start=start, period_end=end, language=language)
        super().__init__(*args, **kwargs)
        self.helper = helper()

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and start > end:
            self.add_error("period_end", _("The period must end on or after the day it starts."))
        return data
