"""The decision log: proposals, the positions the entitled organisations record on them, and their outcome.

A decision is drafted by the secretariat, opened for positions, then decided (adopted, rejected or deferred). The
rules of adoption live in governance.decision_rules (pure functions); governance.services.decisions loads the rows
and asks them. A position is one organisation's, changed while the decision is open (auditlog keeps its history);
the secretariat records one on a member's behalf with evidence (a note and/or a file), as paper signatures are.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from msp.models import Partnership
from msp.storage import private_storage
from stakeholders.models import Organisation

from ..decision_rules import Method, Outcome, Position
from .bodies import Body
from .meetings import Meeting

DECISION_EVIDENCE_UPLOAD_TO = "decision-evidence/"


class DecisionStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("decision status", "Draft")
    OPEN = "open", pgettext_lazy("decision status", "Open for positions")
    DECIDED = "decided", pgettext_lazy("decision status", "Decided")


class DecisionTopic(models.TextChoices):
    """What a decision settles that the success-factor checklist looks for (FD-1, FD-2, CS-8); most settle none."""

    FUTURE_CONTINUE = "continue", pgettext_lazy("decision topic", "Future direction: continue")
    FUTURE_SCALE_UP = "scale_up", pgettext_lazy("decision topic", "Future direction: scale up")
    FUTURE_INTERNATIONALISE = "internationalise", pgettext_lazy("decision topic", "Future direction: internationalise")
    FUTURE_REFOCUS = "refocus", pgettext_lazy("decision topic", "Future direction: refocus")
    FUTURE_HAND_OVER = "hand_over", pgettext_lazy("decision topic", "Future direction: hand over")
    FUTURE_CLOSE = "close", pgettext_lazy("decision topic", "Future direction: close")
    NO_CAPACITY_BUDGET = (
        "no_capacity_budget",
        pgettext_lazy("decision topic", "No capacity-development budget is needed"),
    )


# The topics that settle the partnership's future direction (FD-1); all but closing are about continuing (FD-2).
FUTURE_DIRECTIONS = frozenset(
    {
        DecisionTopic.FUTURE_CONTINUE,
        DecisionTopic.FUTURE_SCALE_UP,
        DecisionTopic.FUTURE_INTERNATIONALISE,
        DecisionTopic.FUTURE_REFOCUS,
        DecisionTopic.FUTURE_HAND_OVER,
        DecisionTopic.FUTURE_CLOSE,
    }
)


class Decision(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="decisions")
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text of the proposal"), blank=True)
    body = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("deciding body"),
        help_text=_("Leave empty when all active members decide."),
    )
    topic = models.CharField(
        _("what it settles"),
        max_length=20,
        choices=DecisionTopic.choices,
        blank=True,
        help_text=_(
            "For the success-factor checklist: the partnership's future direction, or that no capacity-development "
            "budget is needed. Leave empty for any other decision."
        ),
    )
    method = models.CharField(_("decision method"), max_length=24, choices=Method.choices, default=Method.CONSENSUS)
    status = models.CharField(_("status"), max_length=8, choices=DecisionStatus.choices, default=DecisionStatus.DRAFT)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True)
    decided_on = models.DateField(_("date of the decision"), null=True, blank=True)
    delegated_by = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="delegations",
        verbose_name=_("delegated by"),
        help_text=_("Delegated decisions only: the earlier adopted decision that delegated it."),
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("meeting"),
        help_text=_("The formal meeting at which it is taken, if any."),
    )
    phase_transition = models.ForeignKey(
        "phases.PhaseTransition",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("phase transition"),
    )
    roadmap_version = models.ForeignKey(
        "governance.RoadmapVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("roadmap version"),
    )
    mou_version = models.ForeignKey(
        "governance.MouVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("MoU version"),
    )
    created_at = models.DateTimeField(pgettext_lazy("date of a record", "created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-decided_on", "-created_at", "-pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="decided", decided_on__isnull=False) & ~Q(outcome="")
                | ~Q(status="decided") & Q(outcome=""),
                name="decision_outcome_when_decided",
                violation_error_message=_("A decided decision has an outcome and a date; an undecided one neither."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_additional_data(self):
        return {"partnership": self.partnership_id}

    @property
    def is_adopted(self):
        return self.status == DecisionStatus.DECIDED and self.outcome == Outcome.ADOPTED


class DecisionPosition(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="positions")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    position = models.CharField(_("position"), max_length=20, choices=Position.choices)
    statement = models.TextField(_("statement"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    on_behalf = models.BooleanField(_("recorded by the secretariat on the member's behalf"), default=False)
    evidence_note = models.TextField(_("evidence"), blank=True)
    evidence = models.FileField(
        _("evidence file"), storage=private_storage, upload_to=DECISION_EVIDENCE_UPLOAD_TO, blank=True
    )
    host_in_own_right = models.BooleanField(_("the secretariat's host, in its own right"), default=False)

    class Meta:
        ordering = ["organisation__name", "pk"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        constraints = [
            models.UniqueConstraint(fields=["decision", "organisation"], name="one_position_per_organisation"),
        ]

    def __str__(self):
        return f"{self.organisation}: {self.get_position_display()}"

    def get_additional_data(self):
        decision = type(self)._meta.get_field("decision")
        if decision.is_cached(self):
            return {"partnership": self.decision.partnership_id}
        return {
            "partnership": Decision.objects.filter(pk=self.decision_id).values_list("partnership_id", flat=True).first()
        }
