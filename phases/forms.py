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
    form that went stale (someone else moved the partnership meanwhile) is refused with what happened.

    `gate` is the gate of the phase being left (phases.gate.run_gate): each failing hard item gets a required
    justification field, each failing soft item a required acknowledgement field (named by GateItem.field_name)."""

    to_phase = forms.TypedChoiceField(choices=Phase.choices, coerce=int, widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What made the partnership ready for the next phase."),
    )

    def __init__(self, *args, partnership, gate=(), **kwargs):
        kwargs.setdefault("auto_id", "id_advance_%s")  # the revert form on the same page has a note too
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        self.gate = list(gate)
        for entry in self.gate:
            if entry.blocks:
                self.fields[entry.field_name] = forms.CharField(
                    label=_("Justification for overriding %(id)s") % {"id": entry.item.id},
                    max_length=2000,
                    widget=forms.Textarea(attrs={"rows": 2}),
                    help_text=_(
                        "Why the partnership moves on although this item does not pass. Every partner is told."
                    ),
                    error_messages={"required": _("Write why the partnership moves on without this item, or fix it.")},
                )
            elif entry.warns:
                self.fields[entry.field_name] = forms.CharField(
                    label=_("Acknowledge the warning on %(id)s") % {"id": entry.item.id},
                    max_length=500,
                    help_text=_("A short note: what the partnership will do about it."),
                    error_messages={"required": _("Acknowledge this warning with a short note.")},
                )

    @property
    def gate_rows(self):
        """[(gate item, its bound field or None)] for the page, in catalogue order."""
        return [(entry, self[entry.field_name] if not entry.passes else None) for entry in self.gate]

    def answers(self, kind):
        """{item id: text} of the justifications (kind "justify") or acknowledgements ("acknowledge") typed."""
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        prefix = kind + "_"
        return {
            entry.item.id: data.get(entry.field_name, "") for entry in self.gate if entry.field_name.startswith(prefix)
        }

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
