"""Forms of an indicator's reporting periods: one period, and a generation of many. A numeric indicator (unit,
percentage) shows a target number, the others a target in words. The rules (no overlap, not while locked) are
the services' (services.periods)."""

from decimal import Decimal

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from .indicator_forms import DATE, helper, value_field
from .services.periods import Frequency


def _target_fields(form, indicator):
    if indicator.is_numeric:
        help_text = _("A number; leave it empty to set it later.")
        if indicator.unit_label:
            help_text = _("A number of %(unit)s; leave it empty to set it later.") % {"unit": indicator.unit_label}
        form.fields["target_value"] = value_field(_("Target"), help_text=help_text)
    else:
        form.fields["target_text"] = forms.CharField(label=_("Target in words"), max_length=300, required=False)


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("Start"), widget=DATE)
    end = forms.DateField(label=_("End"), widget=DATE)

    def __init__(self, *args, indicator, period=None, **kwargs):
        if period is not None:
            kwargs.setdefault("initial", {}).update(
                start=period.start,
                end=period.end,
                target_value=_typed(period.target_value),
                target_text=period.target_text,
            )
        super().__init__(*args, **kwargs)
        _target_fields(self, indicator)
        self.helper = helper()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] < cleaned["start"]:
            self.add_error("end", _("The period ends before it starts."))
        return cleaned

    def service_kwargs(self):
        return dict(self.cleaned_data)


class GenerateForm(forms.Form):
    frequency = forms.ChoiceField(label=_("Every"), choices=Frequency.choices, initial=Frequency.QUARTERLY)
    first_start = forms.DateField(label=_("First period starts on"), widget=DATE)
    last_end = forms.DateField(
        label=_("Last period ends on"),
        widget=DATE,
        help_text=_("The last period is cut short here if the frequency does not fit."),
    )

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        _target_fields(self, indicator)
        name = "target_value" if indicator.is_numeric else "target_text"
        self.fields[name].label = _("Target of every period")
        self.fields[name].help_text = _("Leave it empty to fill in each period's target afterwards.")
        self.helper = helper()

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first_start"), cleaned.get("last_end")
        if first and last and last < first:
            self.add_error("last_end", _("The last period ends before the first one starts."))
        return cleaned

    def service_kwargs(self):
        return dict(self.cleaned_data)


def _typed(value):
    """A stored number as the person would type it in the active language ("120,5", "100"), or None."""
    return None if value is None else formats.localize_input(Decimal(f"{value.normalize():f}"))


class TargetsForm(forms.Form):
    """One target field per open period of the indicator (`target_<pk>`); locked periods are shown, not offered."""

    def __init__(self, *args, indicator, periods, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for period in periods:
            name = f"target_{period.pk}"
            if not period.is_locked:
                if indicator.is_numeric:
                    self.fields[name] = value_field(_("Target"), initial=_typed(period.target_value))
                else:
                    self.fields[name] = forms.CharField(
                        label=_("Target in words"), max_length=300, required=False, initial=period.target_text
                    )
            self.rows.append((period, self[name] if name in self.fields else None))

    def targets(self):
        """{period pk: target} of the open periods."""
        return {int(name.removeprefix("target_")): value for name, value in self.cleaned_data.items()}
