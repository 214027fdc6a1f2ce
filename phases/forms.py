from django import forms
from django.utils.translation import gettext_lazy as _

from msp.models import BackwardReason, Phase

BACKWARD_PHASES = (Phase.INITIATION, Phase.DESIGN)


def _stale(partnership):
    """Someone else moved the partnership while this user had the page open."""
    now = partnership.phase
    return forms.ValidationError(
        _(
            "Meanwhile the partnership has moved to phase %(n)d (%(phase)s). Look at its history below before "
            "moving it again."
        ),
        code="stale",
        params={"n": now, "phase": Phase(now).label},
    )


class AdvanceForm(forms.Form):
    """Move forward one phase. `to_phase` is the phase the user saw as next, so a double submit cannot skip, and a
    form that went stale (someone else moved the partnership meanwhile) is refused with what happened."""

    to_phase = forms.TypedChoiceField(choices=Phase.choices, coerce=int, widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What made the partnership ready for the next phase."),
    )

    def __init__(self, *args, partnership, **kwargs):
        kwargs.setdefault("auto_id", "id_advance_%s")  # the revert form on the same page has a note too
        super().__init__(*args, **kwargs)
        self.partnership = partnership

    def clean(self):
        cleaned = super().clean()
        to_phase = cleaned.get("to_phase")
        if to_phase is not None and to_phase <= self.partnership.phase:
            raise _stale(self.partnership)
        return cleaned


class RevertForm(forms.Form):
    to_phase = forms.TypedChoiceField(label=_("Back to"), coerce=int, choices=())
    reason = forms.ChoiceField(label=_("Reason"), choices=[("", _("Choose a reason…")), *BackwardReason.choices])
    note = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What happened, and what the partnership will revisit."),
    )

    def __init__(self, *args, partnership, **kwargs):
        kwargs.setdefault("auto_id", "id_revert_%s")
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        targets = partnership.backward_targets
        # The field accepts every phase one can ever go back to, so that a page left open while someone else moved
        # the partnership is answered with what happened (clean), not "Select a valid choice"; the list offers
        # only the phases before the current one.
        self.fields["to_phase"].choices = [(p.value, f"{p.value}. {p.label}") for p in BACKWARD_PHASES]
        self.fields["to_phase"].widget.choices = [(p.value, f"{p.value}. {p.label}") for p in targets]
        if targets:
            # The nearest earlier phase: going back further than needed is the bigger step, so it must be chosen.
            self.fields["to_phase"].initial = targets[-1].value

    def clean(self):
        cleaned = super().clean()
        to_phase = cleaned.get("to_phase")
        if to_phase is not None and to_phase >= self.partnership.phase:
            raise _stale(self.partnership)
        return cleaned
