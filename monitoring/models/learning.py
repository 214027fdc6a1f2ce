"""Learning and context (DESIGN capability 9): lessons learned from successes and failures, capacity gaps and how
they are addressed, the context analysis with related initiatives, and risks.

These are the members' working records (the secretariat keeps them; partners read them); the success-factor
checks read them (CX-1, CX-2, CX-4, ME-4, ME-5, ME-6, FD-3).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from governance.models import Decision
from msp.models import Partnership
from stakeholders.models import Organisation

from .indicators import Indicator

SCORE = [MinValueValidator(1), MaxValueValidator(5)]


class LessonSource(models.TextChoices):
    SUCCESS = "success", _("From a success")
    FAILURE = "failure", _("From a failure")


class Lesson(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="lessons")
    title = models.CharField(_("title"), max_length=200)
    what_happened = models.TextField(_("what happened"))
    source = models.CharField(_("learned from"), max_length=10, choices=LessonSource.choices)
    action = models.TextField(_("action"), blank=True, help_text=_("What the partnership will do differently."))
    owner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner organisation"),
    )
    learned_on = models.DateField(_("date"))
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lessons",
        verbose_name=_("indicator"),
    )
    decision = models.ForeignKey(
        Decision,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lessons",
        verbose_name=_("decision"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-learned_on", "-pk"]
        verbose_name = _("lesson learned")
        verbose_name_plural = _("lessons learned")

    def __str__(self):
        return self.title


class GapLevel(models.TextChoices):
    INDIVIDUAL = "individual", pgettext_lazy("capacity gap", "Individual")
    ORGANISATIONAL = "organisational", pgettext_lazy("capacity gap", "Organisational")


class GapStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("capacity gap", "Open")
    ADDRESSING = "addressing", pgettext_lazy("capacity gap", "Being addressed")
    CLOSED = "closed", pgettext_lazy("capacity gap", "Closed")


class CapacityGap(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="capacity_gaps")
    level = models.CharField(_("level"), max_length=15, choices=GapLevel.choices)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation concerned")
    )
    description = models.TextField(_("description"))
    measure = models.TextField(_("measure"), blank=True, help_text=_("What is done to close the gap."))
    decision = models.ForeignKey(
        Decision,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="capacity_gaps",
        verbose_name=_("decision"),
    )
    status = models.CharField(_("status"), max_length=12, choices=GapStatus.choices, default=GapStatus.OPEN)
    last_reviewed_on = models.DateField(_("last reviewed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["status", "-last_reviewed_on", "pk"]
        verbose_name = _("capacity gap")
        verbose_name_plural = _("capacity gaps")

    def __str__(self):
        return f"{self.organisation}: {self.description[:60]}"


class ContextAnalysis(models.Model):
    """A dated analysis of the partnership's context; the newest is the current one, the older ones its history.
    `no_related_initiatives` records that the analysis looked and found none (CX-1 accepts it). `handover_plan`
    is how responsibility passes to others and local partners are strengthened, as the context stands (FD-3)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="context_analyses")
    summary = models.TextField(_("summary"))
    analysed_on = models.DateField(_("date"))
    no_related_initiatives = models.BooleanField(_("no related initiatives found"), default=False)
    handover_plan = models.TextField(
        _("handover plan"),
        blank=True,
        help_text=_("Who takes over which responsibilities, and how local partners are strengthened (phase 4)."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-analysed_on", "-pk"]
        verbose_name = _("context analysis")
        verbose_name_plural = _("context analyses")

    def __str__(self):
        return f"{self.analysed_on:%Y-%m-%d}"


class InitiativeKind(models.TextChoices):
    COMPLEMENTARY = "complementary", pgettext_lazy("related initiative", "Complementary")
    OVERLAPPING = "overlapping", pgettext_lazy("related initiative", "Overlapping")
    COMPETING = "competing", pgettext_lazy("related initiative", "Competing")
    META_PLATFORM = "meta_platform", pgettext_lazy("related initiative", "Meta-platform")


# Kinds that call for an alignment action (CX-2: no duplication).
NEEDS_ALIGNMENT = frozenset({InitiativeKind.OVERLAPPING, InitiativeKind.COMPETING})


class RelatedInitiative(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="related_initiatives")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=15, choices=InitiativeKind.choices)
    description = models.TextField(_("description"), blank=True)
    alignment_action = models.TextField(_("alignment action"), blank=True)
    last_exchange_on = models.DateField(_("last exchange"), null=True, blank=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("related initiative")
        verbose_name_plural = _("related initiatives")

    def __str__(self):
        return self.name


class RiskStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("risk", "Open")
    MATERIALISED = "materialised", pgettext_lazy("risk", "Materialised")
    CLOSED = "closed", pgettext_lazy("risk", "Closed")


class Risk(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="risks")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    likelihood = models.PositiveSmallIntegerField(_("likelihood (1-5)"), validators=SCORE)
    impact = models.PositiveSmallIntegerField(_("impact (1-5)"), validators=SCORE)
    owner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner organisation"),
    )
    mitigation = models.TextField(_("mitigation"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=RiskStatus.choices, default=RiskStatus.OPEN)
    materialised_on = models.DateField(_("date materialised"), null=True, blank=True)

    class Meta:
        ordering = ["status", "-pk"]
        verbose_name = _("risk")
        verbose_name_plural = _("risks")
        constraints = [
            models.CheckConstraint(condition=Q(likelihood__gte=1, likelihood__lte=5), name="risk_likelihood_1_5"),
            models.CheckConstraint(condition=Q(impact__gte=1, impact__lte=5), name="risk_impact_1_5"),
            models.CheckConstraint(
                condition=~Q(status=RiskStatus.MATERIALISED) | Q(materialised_on__isnull=False),
                name="risk_materialised_has_date",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def score(self):
        return self.likelihood * self.impact
