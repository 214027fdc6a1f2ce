"""The form of an actual value: a number written as the active language writes it (or words, a light and a note),
a narrative, the date measured, and one number per category of each of the indicator's dimensions.

The form only reads what was typed; the rules (a complete dimension, a breakdown adding up, no future date, a
locked period) are monitoring.services.actuals', whose refusals come back on the form.
"""

import re
from decimal import Decimal

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import get_format, number_format
from django.utils.translation import gettext_lazy as _

from .models import Light
from .models.indicators import VALUE

# What people type between groups of thousands besides the language's own separator (French writes a narrow or
# no-break space; a keyboard gives a plain one).
SPACES = (" ", "\xa0", "\u202f")


class NumberField(forms.DecimalField):
    """A decimal number as the active language writes it: "12.5" in English, "12,5" in French and German, with
    optional thousands separators in their places ("1,250.5", "1 250,5", "1.250,5"). "12,5" in English is refused
    rather than read as 125 or 12.5: a separator out of place is a typing mistake, not a number."""

    default_error_messages = {
        "invalid": _("Enter a number, written as in %(example)s."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", VALUE["max_digits"])
        kwargs.setdefault("decimal_places", VALUE["decimal_places"])
        super().__init__(localize=True, **kwargs)
        self.widget.attrs.setdefault("inputmode", "decimal")

    def to_python(self, value):
        try:
            if isinstance(value, str) and value.strip():
                value = self._ungrouped(value.strip())
            return super().to_python(value)
        except ValidationError as exc:
            raise self._invalid() from exc

    def validate(self, value):
        # Django refuses NaN and infinities here with our "invalid" message but not its example: say it in full.
        if isinstance(value, Decimal) and not value.is_finite():
            raise self._invalid()
        super().validate(value)

    def _ungrouped(self, value):
        thousands, decimal = get_format("THOUSAND_SEPARATOR"), get_format("DECIMAL_SEPARATOR")
        separators = {thousands} | (set(SPACES) if thousands.isspace() else set())
        whole, _sep, fraction = value.partition(decimal)
        if not any(sep in whole for sep in separators):
            return value
        grouping = "|".join(re.escape(sep) for sep in separators)
        if not re.fullmatch(rf"[+-]?\d{{1,3}}(?:(?:{grouping})\d{{3}})+", whole):
            raise self._invalid()
        for sep in separators:
            whole = whole.replace(sep, "")
        return whole + (decimal + fraction if _sep else "")

    def _invalid(self):
        example = number_format(1234.5, decimal_pos=1, use_l10n=True, force_grouping=True)
        return ValidationError(self.error_messages["invalid"], code="invalid", params={"example": example})


def category_field_name(category_pk):
    return f"category_{category_pk}"


class ActualForm(forms.Form):
    """An actual for a period of `indicator` (its dimensions and their categories loaded)."""

    value = NumberField(label=_("Actual value"), required=False)
    text = forms.CharField(label=_("Actual value (in words)"), max_length=300, required=False)
    light = forms.ChoiceField(label=_("Light"), choices=Light.choices, required=False, widget=forms.RadioSelect)
    light_note = forms.CharField(label=_("Why this light"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    narrative = forms.CharField(
        label=_("Narrative"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What happened in this period, and what explains the value."),
    )
    measured_on = forms.DateField(
        label=_("Date measured"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.fields["measured_on"].widget.attrs["max"] = timezone.localdate().isoformat()
        self.fields["measured_on"].widget.format = "%Y-%m-%d"
        if indicator.is_numeric:
            del self.fields["text"], self.fields["light"], self.fields["light_note"]
            if indicator.unit_label:
                self.fields["value"].help_text = indicator.unit_label
            main = ["value"]
        else:
            del self.fields["value"]
            main = ["text", "light", "light_note"]
        self.categories = {}
        fieldsets = []
        if indicator.is_numeric:
            for dimension in indicator.dimensions.all():
                names = []
                for category in dimension.categories.all():
                    name = category_field_name(category.pk)
                    self.fields[name] = NumberField(label=category.name, required=False)
                    self.categories[name] = category
                    names.append(name)
                if names:
                    fieldsets.append(Fieldset(_("By %(dimension)s") % {"dimension": dimension.name}, *names))
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(*main, "narrative", "measured_on", *fieldsets)

    def breakdown(self):
        """{Category: value or None} from the cleaned data."""
        return {category: self.cleaned_data.get(name) for name, category in self.categories.items()}

    def service_kwargs(self):
        data = self.cleaned_data
        return {
            "value": data.get("value"),
            "text": data.get("text", ""),
            "light": data.get("light", ""),
            "light_note": data.get("light_note", ""),
            "narrative": data.get("narrative", ""),
            "measured_on": data.get("measured_on"),
            "breakdown": self.breakdown(),
        }
