"""The organisation registry, shared by all partnerships, and the contact persons of its organisations.

A partner user belongs to one organisation through their ContactPerson (`ContactPerson.user`); that is the
organisation on whose behalf they approve and sign.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from msp.codelists import in_language
from msp.models import Country


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
    name_fr = models.CharField(_("name in French"), max_length=120, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("IATI organisation type")
        verbose_name_plural = _("IATI organisation types")

    def __str__(self):
        return f"{self.code} {self.name}"  # English: see msp.codelists

    @property
    def display_name(self):
        """The name in the active language: French where IATI gives one, else English (see msp.codelists)."""
        return in_language(self.name, self.name_fr)

    @property
    def display(self):
        return f"{self.code} {self.display_name}"


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
        # The registry lists by name, a page at a time: the index gives a page without sorting the whole registry.
        indexes = [models.Index(fields=["name", "id"], name="organisation_by_name")]
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
