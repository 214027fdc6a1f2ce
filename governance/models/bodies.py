"""Governance bodies of a partnership, their seats, and the secretariat with its staff.

A body (steering committee, assembly, working group, advisory board) has seats held by member organisations,
voting or not, one of them at most in the chair. The secretariat is the body of type `secretariat`, one per
partnership: it is hosted by an organisation (a member or a neutral one) and has staff, contact persons of the
host, instead of seats (it records and does not take part: the seed's neutral secretariat). The rules that need
other rows (a seat's organisation is an active member, a staff member belongs to the host) are checked by
governance.services.bodies; what the database can hold, it holds (the constraints below).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from msp.models import Partnership
from stakeholders.models import ContactPerson, Organisation

from ..decision_rules import Threshold

FULL_TIME = 100  # per cent of working time: the seed's "solely responsible for coordination"


class BodyType(models.TextChoices):
    STEERING_COMMITTEE = "steering_committee", _("Steering committee")
    ASSEMBLY = "assembly", _("Assembly")
    WORKING_GROUP = "working_group", _("Working group")
    ADVISORY = "advisory", _("Advisory board")
    SECRETARIAT = "secretariat", _("Secretariat")


# The threshold of majority decisions is the decision rules' (one set of choices for the body and the rules).
MajorityThreshold = Threshold


class StaffRole(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    OFFICER = "officer", _("Officer")


class Body(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="bodies")
    type = models.CharField(_("type"), max_length=20, choices=BodyType.choices, default=BodyType.STEERING_COMMITTEE)
    name = models.CharField(_("name"), max_length=200)
    is_primary = models.BooleanField(
        _("primary decision-making body"),
        default=False,
        help_text=_("The body that takes the partnership's main decisions. One per partnership."),
    )
    cadence = models.PositiveSmallIntegerField(
        _("intended meetings a year"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(366)],
        help_text=_("How often it means to meet; leave empty when it meets as needed."),
    )
    majority_threshold = models.CharField(
        _("majority threshold"),
        max_length=12,
        choices=MajorityThreshold.choices,
        default=MajorityThreshold.SIMPLE,
        help_text=_("What a decision taken by majority needs in this body (the MoU's governance clause may say)."),
    )
    host_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("host organisation"),
        help_text=_("Secretariat only: the organisation that hosts it and employs its staff."),
    )
    created_at = models.DateTimeField(pgettext_lazy("date of a record", "created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-is_primary", "name", "pk"]
        verbose_name = _("governance body")
        verbose_name_plural = _("governance bodies")
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="unique_body_name"),
            models.UniqueConstraint(
                fields=["partnership"], condition=Q(type="secretariat"), name="one_secretariat_per_partnership"
            ),
            models.UniqueConstraint(fields=["partnership"], condition=Q(is_primary=True), name="one_primary_body"),
            models.CheckConstraint(
                condition=Q(type="secretariat") | Q(host_organisation__isnull=True),
                name="only_secretariat_hosted",
                violation_error_message=_("Only the secretariat has a host organisation."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_additional_data(self):
        return {"partnership": self.partnership_id}

    @property
    def is_secretariat(self):
        return self.type == BodyType.SECRETARIAT


def _partnership_of_body(obj):
    """The partnership id of a seat or a staff member, for the activity feed: without a query when the body is
    loaded, and without failing while the body is being deleted."""
    field = type(obj)._meta.get_field("body")
    if field.is_cached(obj):
        return obj.body.partnership_id
    return Body.objects.filter(pk=obj.body_id).values_list("partnership_id", flat=True).first()


class Seat(models.Model):
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="seats", verbose_name=_("body"))
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    is_voting = models.BooleanField(_("voting"), default=True)
    is_chair = models.BooleanField(_("chair"), default=False)

    class Meta:
        ordering = ["-is_chair", "organisation__name", "pk"]
        verbose_name = _("seat")
        verbose_name_plural = _("seats")
        constraints = [
            models.UniqueConstraint(fields=["body", "organisation"], name="one_seat_per_organisation"),
            models.UniqueConstraint(fields=["body"], condition=Q(is_chair=True), name="one_chair_per_body"),
        ]

    def __str__(self):
        return f"{self.organisation} ({self.body})"

    def get_additional_data(self):
        return {"partnership": _partnership_of_body(self)}


class SecretariatStaff(models.Model):
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="staff", verbose_name=_("secretariat"))
    contact = models.ForeignKey(
        ContactPerson, on_delete=models.PROTECT, related_name="+", verbose_name=_("contact person")
    )
    role = models.CharField(_("role"), max_length=12, choices=StaffRole.choices, default=StaffRole.COORDINATOR)
    time_share = models.PositiveSmallIntegerField(
        _("share of working time (%)"),
        default=FULL_TIME,
        validators=[MinValueValidator(1), MaxValueValidator(FULL_TIME)],
        help_text=_("100 for someone who works for the secretariat only."),
    )
    starts_on = models.DateField(_("from"), default=timezone.localdate)
    ends_on = models.DateField(_("to"), null=True, blank=True, help_text=_("Leave empty while it lasts."))

    class Meta:
        ordering = ["role", "-time_share", "contact__name", "pk"]
        verbose_name = _("secretariat staff member")
        verbose_name_plural = _("secretariat staff")
        constraints = [
            models.CheckConstraint(
                condition=Q(time_share__gte=1) & Q(time_share__lte=FULL_TIME),
                name="staff_time_share_in_range",
                violation_error_message=_("The share of working time is between 1 and 100 per cent."),
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="staff_ends_after_start",
                violation_error_message=_("The end date is before the start date."),
            ),
        ]

    def __str__(self):
        return f"{self.contact.name} ({self.get_role_display()})"

    def get_additional_data(self):
        return {"partnership": _partnership_of_body(self)}

    def is_current(self, on=None):
        on = on or timezone.localdate()
        return self.starts_on <= on and (self.ends_on is None or self.ends_on >= on)

    @property
    def is_full_time(self):
        return self.time_share == FULL_TIME
