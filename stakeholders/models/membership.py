"""Membership of organisations in partnerships, with its history."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from msp.models import Partnership

from .limits import JOIN_AHEAD, LEAVE_AHEAD, MAX_CAPACITY, capacity_too_large, date_out_of_range
from .registry import Organisation


class MemberRole(models.TextChoices):
    INITIATOR = "initiator", _("Initiator")
    CORE_PARTNER = "core_partner", _("Core partner")
    PARTNER = "partner", _("Partner")
    FUNDER = "funder", _("Funder")
    IMPLEMENTING = "implementing", _("Implementing partner")
    OBSERVER = "observer", _("Observer")
    SECRETARIAT_HOST = "secretariat_host", _("Secretariat host")


class IatiRole(models.TextChoices):
    """IATI OrganisationRole codelist (IATI Standard, http://iatistandard.org/, CC BY 4.0)."""

    FUNDING = "1", _("Funding")
    ACCOUNTABLE = "2", _("Accountable")
    EXTENDING = "3", _("Extending")
    IMPLEMENTING = "4", _("Implementing")


class MembershipQuerySet(models.QuerySet):
    def active(self, on=None):
        """Members that have not left (on `on`, default today)."""
        on = on or timezone.localdate()
        return self.filter(joined_on__lte=on).filter(Q(left_on__isnull=True) | Q(left_on__gt=on))


class Membership(models.Model):
    """An organisation's membership in a partnership. A member that left keeps its row (the history)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=MemberRole.choices, default=MemberRole.PARTNER)
    iati_role = models.CharField(_("IATI role"), max_length=2, choices=IatiRole.choices, blank=True)
    is_core_group = models.BooleanField(_("core group"), default=False)
    joined_on = models.DateField(_("joined"), default=timezone.localdate)
    left_on = models.DateField(_("left"), null=True, blank=True)
    capacity_person_days = models.PositiveIntegerField(
        _("declared capacity (person-days a year)"), null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name", "pk"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            # One current membership per organisation and partnership; past ones stay as history.
            models.UniqueConstraint(
                fields=["partnership", "organisation"],
                condition=Q(left_on__isnull=True),
                name="one_current_membership",
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=models.F("joined_on")),
                name="membership_leaves_after_joining",
            ),
        ]

    def __str__(self):
        return f"{self.organisation} in {self.partnership}"

    def get_additional_data(self):
        return {"partnership": self.partnership_id}

    def clean(self):
        errors = {}
        for name, ahead in (("joined_on", JOIN_AHEAD), ("left_on", LEAVE_AHEAD)):
            problem = date_out_of_range(getattr(self, name), ahead)
            if problem:
                errors[name] = problem
        if self.capacity_person_days is not None and self.capacity_person_days > MAX_CAPACITY:
            errors["capacity_person_days"] = capacity_too_large()
        if errors:
            raise ValidationError(errors)

    @property
    def is_active(self):
        today = timezone.localdate()
        return self.joined_on <= today and (self.left_on is None or self.left_on > today)
