"""The partnering health check: a dated round in which every member organisation scores chosen manual or assisted
checklist items from 1 to 5, with a comment, for itself.

A round is open from its first day until the secretariat closes it or its closing date has passed (checked when
reading: `is_open`). One score per organisation, item and round (a constraint), changeable while the round is open.
When the secretariat closes a round, each item that was scored gets a checklist judgement from the scores
(phases.health_checks.services.health_check_close), so the next checklist run uses them.

Organisations live in a higher app (stakeholders), which phases does not know: a score keeps the organisation's id
and its name as it was when scored; the members are read through msp.affiliations.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from msp.models import Partnership

from ..catalogue import CATALOGUE

SCORES = range(1, 6)
LOW = 2  # a score of 2 or less is "low": the round page names (or counts) who gave it


class HealthCheck(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="health_checks")
    title = models.CharField(_("title"), max_length=200)
    opens_on = models.DateField(_("opens on"), default=timezone.localdate)
    closes_on = models.DateField(_("closes on"))
    item_ids = models.JSONField(_("items"), default=list)  # catalogue ids, in catalogue order
    anonymous = models.BooleanField(_("scores are anonymous to other partners"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-opens_on", "-pk"]
        verbose_name = _("health check")
        verbose_name_plural = _("health checks")
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=F("opens_on")), name="health_check_closes_after_open"),
        ]

    def __str__(self):
        return self.title

    def is_open(self, today=None) -> bool:
        """Scores are taken until the secretariat closes the round or its closing date has passed."""
        return self.closed_at is None and (today or timezone.localdate()) <= self.closes_on

    @property
    def items(self):
        return [CATALOGUE[item_id] for item_id in self.item_ids if item_id in CATALOGUE]

    def get_additional_data(self):
        return {"partnership": self.partnership_id}


class HealthCheckScore(models.Model):
    health_check = models.ForeignKey(HealthCheck, on_delete=models.PROTECT, related_name="scores")
    item_id = models.CharField(_("item"), max_length=8)
    organisation_id = models.PositiveBigIntegerField(_("organisation"))  # stakeholders.Organisation, not a key
    organisation_name = models.CharField(_("organisation"), max_length=300)
    score = models.PositiveSmallIntegerField(_("score"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    comment = models.TextField(_("comment"), blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    on_behalf = models.BooleanField(_("recorded by the secretariat"), default=False)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["health_check", "item_id", "organisation_name"]
        verbose_name = _("health check score")
        verbose_name_plural = _("health check scores")
        constraints = [
            models.UniqueConstraint(
                fields=["health_check", "item_id", "organisation_id"], name="one_score_per_organisation_and_item"
            ),
            models.CheckConstraint(condition=Q(score__gte=1, score__lte=5), name="health_check_score_1_to_5"),
        ]

    def __str__(self):
        return f"{self.item_id} {self.organisation_name}: {self.score}"
