"""Resources: what each member brings (commitments), in money or in kind, with an amount per year.

A commitment is one organisation's (a member of the partnership, active or former: checked by the service), of a
type (cash or in kind), with an optional value in a currency (required for cash), a period and a status. Its value
is held per calendar year (`CommitmentYear`, in the commitment's currency), so later figures (planned vs committed
per year, coverage, concentration) read one row per year; the years always add up to the value (the service
spreads a total pro rata by days and refuses amounts that do not add up). Amounts are Decimal, never negative.

Cash states the funder's expectations in writing, or explicitly none (`no_expectations`), with the date they were
recorded (SR-8 compares it with `committed_on`). A withdrawn commitment is kept (and listed, struck out), never
deleted: it is history, not an error.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from msp.codelists import Currency
from msp.models import Partnership
from stakeholders.models import Organisation

AMOUNT = {"max_digits": 18, "decimal_places": 4}


class CommitmentType(models.TextChoices):
    CASH = "cash", _("Cash")
    STAFF_TIME = "staff_time", _("Staff time")
    GOODS = "goods", _("Goods")
    EXPERTISE = "expertise", _("Expertise")
    NETWORK = "network", _("Network access")
    FACILITIES = "facilities", _("Facilities")
    OTHER = "other", pgettext_lazy("commitment type", "Other")


class CommitmentStatus(models.TextChoices):
    PLEDGED = "pledged", _("Pledged")
    COMMITTED = "committed", _("Committed")
    PARTIALLY_FULFILLED = "partially_fulfilled", _("Partially fulfilled")
    FULFILLED = "fulfilled", _("Fulfilled")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Commitment(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="commitments")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="commitments", verbose_name=_("organisation")
    )
    type = models.CharField(_("type"), max_length=12, choices=CommitmentType.choices)
    description = models.TextField(_("description"))
    quantity = models.DecimalField(_("quantity"), **AMOUNT, null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=60, blank=True, help_text=_("For example person-days, laptops."))
    value = models.DecimalField(_("value"), **AMOUNT, null=True, blank=True)
    currency = models.ForeignKey(
        Currency, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("currency")
    )
    starts_on = models.DateField(_("period start"))
    ends_on = models.DateField(_("period end"))
    status = models.CharField(
        _("status"), max_length=20, choices=CommitmentStatus.choices, default=CommitmentStatus.COMMITTED
    )
    committed_on = models.DateField(
        _("date committed"), default=timezone.localdate, help_text=_("When the organisation pledged or committed it.")
    )
    funder_expectations = models.TextField(_("funder's expectations"), blank=True)
    no_expectations = models.BooleanField(_("the funder states no expectations"), default=False)
    expectations_recorded_on = models.DateField(_("expectations recorded on"), null=True, blank=True)
    created_at = models.DateTimeField(pgettext_lazy("date of a record", "created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["organisation__name", "starts_on", "pk"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        constraints = [
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=0),
                name="commitment_value_not_negative",
                violation_error_message=_("A value cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(quantity__isnull=True) | Q(quantity__gte=0),
                name="commitment_quantity_not_negative",
                violation_error_message=_("A quantity cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(currency__isnull=False),
                name="commitment_value_has_currency",
                violation_error_message=_("Give the currency of the value."),
            ),
            models.CheckConstraint(
                condition=~Q(type="cash") | Q(value__isnull=False),
                name="commitment_cash_has_value",
                violation_error_message=_("A cash commitment needs its value."),
            ),
            models.CheckConstraint(
                condition=~Q(type="cash") | Q(no_expectations=True) | ~Q(funder_expectations=""),
                name="commitment_cash_states_expectations",
                violation_error_message=_(
                    "For cash, write down the funder's expectations, or tick that the funder states none."
                ),
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="commitment_ends_after_start",
                violation_error_message=_("The period cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.organisation}: {self.get_type_display()}"

    def get_additional_data(self):
        return {"partnership": self.partnership_id}

    @property
    def is_cash(self):
        return self.type == CommitmentType.CASH

    @property
    def is_withdrawn(self):
        return self.status == CommitmentStatus.WITHDRAWN


class CommitmentYear(models.Model):
    """The part of a commitment's value that falls in one calendar year, in the commitment's currency."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="years")
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(_("amount"), **AMOUNT)

    class Meta:
        ordering = ["commitment", "year"]
        verbose_name = _("amount of a year")
        verbose_name_plural = _("amounts per year")
        constraints = [
            models.UniqueConstraint(fields=["commitment", "year"], name="one_amount_per_commitment_year"),
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="commitment_year_not_negative",
                violation_error_message=_("An amount cannot be negative."),
            ),
        ]

    def __str__(self):
        return f"{self.year}: {self.amount}"

    def get_additional_data(self):
        commitment = type(self)._meta.get_field("commitment")
        if commitment.is_cached(self):
            return {"partnership": self.commitment.partnership_id}
        return {
            "partnership": Commitment.objects.filter(pk=self.commitment_id)
            .values_list("partnership_id", flat=True)
            .first()
        }
