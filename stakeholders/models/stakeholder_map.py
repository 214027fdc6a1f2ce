"""A partnership's stakeholder map: power, interest and engagement of each organisation on it."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from msp.models import Country, Partnership

from .limits import date_out_of_range
from .registry import Organisation


class EngagementLevel(models.TextChoices):
    """How far a stakeholder is engaged, in order (exited: engaged once, no longer)."""

    IDENTIFIED = "identified", _("Identified")
    INFORMED = "informed", _("Informed")
    CONSULTED = "consulted", _("Consulted")
    INVOLVED = "involved", _("Involved")
    PARTNER = "partner", _("Partner")
    EXITED = "exited", _("Exited")

    @classmethod
    def at_least(cls, level) -> list[str]:
        """The levels at or above `level` (exited is never 'at least' anything): for rules such as CM-2's
        'engaged below consulted', `engagement__in=EngagementLevel.at_least("consulted")`."""
        order = [cls.IDENTIFIED, cls.INFORMED, cls.CONSULTED, cls.INVOLVED, cls.PARTNER]
        return [str(v) for v in order[order.index(cls(level)) :]]


SCORE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]
SCORE_CHOICES = [
    (1, _("1 – very low")),
    (2, _("2 – low")),
    (3, _("3 – medium")),
    (4, _("4 – high")),
    (5, _("5 – very high")),
]
# A score of 4 or 5 counts as high: the quadrant "Manage closely" is then exactly the success-factor rule CM-2
# ("power ≥ 4 and interest ≥ 4").
HIGH = 4


class Quadrant(models.TextChoices):
    MANAGE_CLOSELY = "manage_closely", _("Manage closely")
    KEEP_SATISFIED = "keep_satisfied", _("Keep satisfied")
    KEEP_INFORMED = "keep_informed", _("Keep informed")
    MONITOR = "monitor", _("Monitor")

    @classmethod
    def of(cls, power, interest):
        if power >= HIGH:
            return cls.MANAGE_CLOSELY if interest >= HIGH else cls.KEEP_SATISFIED
        return cls.KEEP_INFORMED if interest >= HIGH else cls.MONITOR

    def q(self):
        """The queryset filter for entries in this quadrant."""
        power = Q(power__gte=HIGH) if self in (self.MANAGE_CLOSELY, self.KEEP_SATISFIED) else Q(power__lt=HIGH)
        interest = Q(interest__gte=HIGH) if self in (self.MANAGE_CLOSELY, self.KEEP_INFORMED) else Q(interest__lt=HIGH)
        return power & interest


class StakeholderMapEntry(models.Model):
    """One organisation on a partnership's stakeholder map, member or not (yet).

    `country` is where the stakeholder is active for this partnership (a target group lives in a partner country,
    whatever the registry says about its head office); `last_engaged_on` dates the most recent exchange, so
    "engaged in the last six months" can be checked.
    """

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="map_entries")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="map_entries")
    power = models.PositiveSmallIntegerField(_("power"), choices=SCORE_CHOICES, validators=SCORE_VALIDATORS)
    interest = models.PositiveSmallIntegerField(_("interest"), choices=SCORE_CHOICES, validators=SCORE_VALIDATORS)
    influence = models.PositiveSmallIntegerField(
        _("influence"), choices=SCORE_CHOICES, validators=SCORE_VALIDATORS, default=3
    )
    engagement = models.CharField(
        _("engagement level"), max_length=20, choices=EngagementLevel.choices, default=EngagementLevel.IDENTIFIED
    )
    is_target_group = models.BooleanField(
        _("target group"), default=False, help_text=_("People the partnership wants to reach, or who represent them.")
    )
    is_key = models.BooleanField(
        _("key stakeholder"), default=False, help_text=_("The partnership cannot succeed without them.")
    )
    is_champion = models.BooleanField(
        _("champion"), default=False, help_text=_("Supports the partnership at a high level and speaks for it.")
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("country"), related_name="+"
    )
    last_engaged_on = models.DateField(_("last engaged"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["organisation__name", "pk"]
        verbose_name = _("stakeholder map entry")
        verbose_name_plural = _("stakeholder map entries")
        constraints = [
            models.UniqueConstraint(fields=["partnership", "organisation"], name="one_map_entry_per_organisation"),
            models.CheckConstraint(condition=Q(power__gte=1, power__lte=5), name="map_power_1_to_5"),
            models.CheckConstraint(condition=Q(interest__gte=1, interest__lte=5), name="map_interest_1_to_5"),
            models.CheckConstraint(condition=Q(influence__gte=1, influence__lte=5), name="map_influence_1_to_5"),
        ]

    def __str__(self):
        return f"{self.organisation} on the map of {self.partnership}"

    def get_additional_data(self):
        return {"partnership": self.partnership_id}

    def clean(self):
        problem = date_out_of_range(self.last_engaged_on)
        if problem:
            raise ValidationError({"last_engaged_on": problem})

    @property
    def quadrant(self):
        return Quadrant.of(self.power, self.interest)

    @property
    def is_key_stakeholder(self):
        """Flagged key, or power and interest both high (rule CM-2; see selectors.not_engaged_key_stakeholders)."""
        return self.is_key or (self.power >= HIGH and self.interest >= HIGH)

    @property
    def is_engaged(self):
        """Consulted or further (CM-2, CM-3)."""
        return self.engagement in EngagementLevel.at_least(EngagementLevel.CONSULTED)
