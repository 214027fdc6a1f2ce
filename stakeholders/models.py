"""Who is who: the organisation registry (shared by all partnerships), their contact persons, and membership of
organisations in partnerships.

A partner user belongs to one organisation through their ContactPerson (`ContactPerson.user`); that is the
organisation on whose behalf they approve and sign.
"""

import datetime as dt
import secrets

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext_lazy as _

from msp.models import Country, Partnership, Role

from .pending_imports import PendingImport  # noqa: F401 (a model of this app, kept in its own module)

# Plausible values. Dates before 1900 or far ahead are typing slips (9999-12-31, 0202-05-01), and a capacity of
# billions of person-days makes every sum of capacities meaningless; they are refused with the range that is kept.
EARLIEST_DATE = dt.date(1900, 1, 1)
JOIN_AHEAD = dt.timedelta(days=366)  # a membership agreed now may start next year
LEAVE_AHEAD = dt.timedelta(days=10 * 366)  # a planned exit, at the end of a long programme
MAX_CAPACITY = 100_000  # person-days a year: about 450 people full time
MAX_INVITATION_DAYS = 30


def latest_date(ahead=None):
    today = timezone.localdate()
    return today + ahead if ahead else today


def date_out_of_range(value, ahead=None) -> ValidationError | None:
    """An error saying which dates are kept, when `value` lies outside 1900 to today (+ `ahead`); else None."""
    latest = latest_date(ahead)
    if value is None or EARLIEST_DATE <= value <= latest:
        return None
    last = date_format(latest, "j F Y") if ahead else _("today")
    return ValidationError(
        _("Give a date between %(first)s and %(last)s."),
        code="implausible_date",
        params={"first": date_format(EARLIEST_DATE, "j F Y"), "last": last},
    )


def capacity_too_large() -> ValidationError:
    return ValidationError(
        _("Declare at most %(max)s person-days a year (about 450 people full time)."),
        code="implausible_capacity",
        params={"max": number_format(MAX_CAPACITY, force_grouping=True)},
    )


class Sector(models.TextChoices):
    PUBLIC = "public", _("Public sector")
    PRIVATE = "private", _("Private sector")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    ACADEMIA = "academia", _("Academia and research")
    FUNDER = "funder", _("Funder")
    MULTILATERAL = "multilateral", _("Multilateral")


class OrganisationType(models.Model):
    """IATI OrganisationType codelist (IATI Standard, http://iatistandard.org/, CC BY 4.0)."""

    code = models.CharField(_("code"), max_length=4, primary_key=True)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["code"]
        verbose_name = _("IATI organisation type")
        verbose_name_plural = _("IATI organisation types")

    def __str__(self):
        return f"{self.code} {self.name}"


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    iati_type = models.ForeignKey(
        OrganisationType,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("IATI organisation type"),
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("country"), related_name="+"
    )
    website = models.URLField(_("website"), blank=True)
    iati_identifier = models.CharField(
        _("IATI organisation identifier"), max_length=100, blank=True, help_text=_("For example GB-COH-123456.")
    )
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["iati_identifier"], condition=~Q(iati_identifier=""), name="unique_iati_identifier"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def label(self):
        return self.short_name or self.name


class Seniority(models.TextChoices):
    EXECUTIVE = "executive", _("Executive")
    SENIOR = "senior_management", _("Senior management")
    STAFF = "staff", _("Staff")


class ContactPerson(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=200)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    seniority = models.CharField(_("seniority"), max_length=20, choices=Seniority.choices, default=Seniority.STAFF)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    may_sign = models.BooleanField(
        _("may sign for the organisation"), default=False, help_text=_("Signs agreements such as the MoU.")
    )
    # The user account of this person, once invited; through it a user belongs to exactly one organisation.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact",
        verbose_name=_("user account"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "name", "pk"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self):
        return f"{self.name} ({self.organisation.label})"


# Who acts and signs for an organisation. The registry is shared, but these belong to the partnerships the
# organisation is a member of: only their secretariat changes them (msp.access.can_change_authority).
AUTHORITY_FIELDS = ("is_active", "may_sign", "email", "user")


def authority_refusal(organisation) -> str:
    return _(
        "Only the secretariat of every partnership %(org)s is a member of can change who acts and signs for it "
        "(active, may sign, e-mail, user account)."
    ) % {"org": organisation.name}


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


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")


INVITATION_VALIDITY = timezone.timedelta(days=7)


def _nonce():
    return secrets.token_urlsafe(24)


class InvitationQuerySet(models.QuerySet):
    def open(self, now=None):
        """Invitations whose link still works: not accepted, not revoked, not expired."""
        now = now or timezone.now()
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now)


class Invitation(models.Model):
    """A contact person invited to a partnership as a partner or donor user.

    The link carries the invitation's id and `nonce`, signed with the secret key (see `token()`): a leaked
    database alone cannot forge a link, and resending draws a new nonce, which kills the old link. The e-mail goes
    through the outbox (msp.outbox, written at send time by stakeholders.emails); `sent_at` and `send_count` record
    when the latest link went out and how many e-mails were sent.
    """

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="invitations")
    contact = models.ForeignKey(ContactPerson, on_delete=models.CASCADE, related_name="invitations")
    role = models.CharField(
        _("role"), max_length=20, choices=[(Role.PARTNER, Role.PARTNER.label), (Role.DONOR, Role.DONOR.label)]
    )
    email = models.EmailField(_("sent to"))
    nonce = models.CharField(max_length=64, default=_nonce, editable=False)
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    expires_at = models.DateTimeField(_("expires"))
    sent_at = models.DateTimeField(_("e-mail sent"), null=True, blank=True)
    send_count = models.PositiveSmallIntegerField(default=0)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted by"),
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        indexes = [models.Index(fields=["partnership", "-created_at"], name="invitation_partnership_time")]

    def __str__(self):
        return f"{self.contact.name} → {self.partnership} ({self.get_role_display()})"

    def get_additional_data(self):
        return {"partnership": self.partnership_id}

    def status(self, now=None) -> InvitationStatus:
        if self.accepted_at:
            return InvitationStatus.ACCEPTED
        if self.revoked_at:
            return InvitationStatus.REVOKED
        if self.expires_at <= (now or timezone.now()):
            return InvitationStatus.EXPIRED
        return InvitationStatus.PENDING

    @property
    def current_status(self):
        return self.status()

    @property
    def is_open(self):
        return self.status() == InvitationStatus.PENDING

    def token(self) -> str:
        return signing.Signer(salt=TOKEN_SALT).sign(f"{self.pk}.{self.nonce}")

    @classmethod
    def from_token(cls, token):
        """(invitation, superseded) for the link's token. The invitation is None for a malformed or forged
        link; `superseded` is True when the link was genuine but a resend replaced it (it then grants nothing)."""
        try:
            value = signing.Signer(salt=TOKEN_SALT).unsign(token)
            pk, nonce = value.split(".", 1)
            invitation = cls.objects.select_related("partnership", "contact__organisation", "contact__user").get(
                pk=int(pk)
            )
        except (signing.BadSignature, ValueError, cls.DoesNotExist):
            return None, False
        if not constant_time_compare(invitation.nonce, nonce):
            return None, True
        return invitation, False


TOKEN_SALT = "stakeholders.invitation"
