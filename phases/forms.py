from django import forms
from django.utils.translation import gettext_lazy as _

from msp.models import BackwardReason, Phase


class AdvanceForm(forms.Form):
    """Move forward one phase. `to_phase` is the phase the user saw as next, so a double submit cannot skip."""

    to_phase = forms.TypedChoiceField(choices=Phase.choices, coerce=int, widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What made the partnership ready for the next phase."),
    )


class RevertForm(forms.Form):
    to_phase = forms.TypedChoiceField(label=_("Back to"), coerce=int, choices=())
    reason = forms.ChoiceField(label=_("Reason"), choices=[("", _("Choose a reason…")), *BackwardReason.choices])
    note = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What happened, and what the partnership will revisit."),
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_phase"].choices = [(p.value, f"{p.value}. {p.label}") for p in partnership.backward_targets]
