from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from msp.models import BackwardReason, Partnership, Phase
from msp.records import AppendOnlyError, AppendOnlyModel  # noqa: F401 (AppendOnlyError: re-exported)


class PhaseTransition(AppendOnlyModel):
    """One move of a partnership between phases. Append-only: never changed or deleted once written.

    `gate_snapshot` holds every gate item's result when moving forward (with the justification of each overridden
    item and the note acknowledging each warning); `override_justification` says the same in words.
    """

    # PROTECT: a partnership with history is archived, never deleted (msp.services.partnership_archive).
    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="transitions")
    from_phase = models.PositiveSmallIntegerField(pgettext_lazy("phase transition", "from"), choices=Phase.choices)
    to_phase = models.PositiveSmallIntegerField(pgettext_lazy("phase transition", "to"), choices=Phase.choices)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    reason = models.CharField(_("reason"), max_length=30, choices=BackwardReason.choices, blank=True)
    note = models.TextField(_("note"), blank=True)
    gate_snapshot = models.JSONField(_("gate checklist at the time"), null=True, blank=True)
    override_justification = models.TextField(_("override justification"), blank=True)
    # {name: data} of what the apps registered with phases.snapshots, as it stood at the move.
    snapshots = models.JSONField(_("snapshots at the time"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("phase transition")
        verbose_name_plural = _("phase transitions")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(from_phase=models.F("to_phase")), name="transition_changes_phase"
            ),
        ]

    def __str__(self):
        return f"{self.partnership}: {self.from_phase} → {self.to_phase}"

    @property
    def is_forward(self):
        return self.to_phase > self.from_phase

    def get_additional_data(self):
        return {"partnership": self.partnership_id}
