"""Forms of the checklist pages: the filters, a judgement, the partnership's parameters."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from msp.models import Phase

from .catalogue import ITEMS, Result


class ChecklistFilterForm(forms.Form):
    phase = forms.TypedChoiceField(
        label=_("Phase"), required=False, coerce=int, empty_value=None,
        choices=[("", _("All phases"))] + [(p.value, f"{p.value}. {p.label}") for p in Phase],
    )  # fmt: skip
    result = forms.ChoiceField(
        label=_("Result"), required=False, choices=[("", pgettext_lazy("checklist results", "All"))] + Result.choices
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select form-select-sm"

    def apply(self, rows):
        """The rows the filters keep (all of them when the filters are not valid)."""
        if not self.is_valid():
            return rows
        phase, result = self.cleaned_data["phase"], self.cleaned_data["result"]
        return [r for r in rows if (not phase or phase in r.item.phases) and (not result or r.result == result)]


class JudgeForm(forms.Form):
    result = forms.ChoiceField(
        label=_("Your verdict"),
        choices=[
            (Result.PASS, _("Confirm: it is met")),
            (Result.WARN, _("Warn: partly met")),
            (Result.FAIL, _("Reject: it is not met")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Why: what you looked at, who you asked."),
        error_messages={"required": _("Say why in a note: the others read it beside your verdict.")},
    )
    evidence_url = forms.URLField(
        label=_("Evidence link"), required=False, max_length=500, assume_scheme="https",
        help_text=_("Optional: a link to a document or page that shows it."),
    )  # fmt: skip


def _limits(name):
    """(lowest, highest, decimal places) a parameter may take, by what it counts."""
    if name.endswith(("percent", "share")):
        return 0, 100, 2
    if "months" in name or "days" in name:
        return 1, 120, 0
    if name == "min_influence":
        return 1, 5, 0
    return 1, 50, 0


def field_name(item_id, name):
    return f"{item_id}__{name}"


class ParametersForm(forms.Form):
    """One field per parameter of every item: blank keeps the installation default."""

    def __init__(self, *args, values=None, **kwargs):
        super().__init__(*args, **kwargs)
        values = values or {}
        self.parameters = []
        for item in ITEMS:
            for name, default in item.params.items():
                low, high, places = _limits(name)
                key = field_name(item.id, name)
                self.fields[key] = forms.DecimalField(
                    label=f"{item.id} {name}", required=False, min_value=Decimal(low), max_value=Decimal(high),
                    decimal_places=places, max_digits=12, initial=values.get(item.id, {}).get(name),
                    help_text=_("Default: %(value)s") % {"value": default},
                )  # fmt: skip
                self.parameters.append((item, name, default, key))

    def values(self):
        """{(item id, name): Decimal or None} from the cleaned data."""
        return {(item.id, name): self.cleaned_data[key] for item, name, _default, key in self.parameters}

    def rows(self):
        """[(item, parameter name, default, bound field)] in catalogue order, for the table."""
        return [(item, name, default, self[key]) for item, name, default, key in self.parameters]


def judge_form(item_id, data=None):
    """The judgement form of one item: its own ids, since the page shows one per item."""
    return JudgeForm(data, auto_id=f"id_{item_id}_%s")
