"""The partnership's budget (lines by category and year, original and revised, and the reviews of the budget) and
its transactions (money in and out), with the IATI budget and transaction type codes, so that an IATI export needs
no re-keying.

Amounts are Decimal and never negative (a database constraint): which way money goes is the transaction's type.
A revised line `revises` the line it replaces (the original, or an earlier revision): a chain, each line revised at
most once (a one-to-one link), all of one partnership, category and year; what counts as planned is the newest
line of each chain (governance.selectors.budget.planned_lines). A line may serve a node of the results chain: it
keeps the node's `key`, which every roadmap version copies, so the link survives new versions of the roadmap.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from msp.codelists import Currency
from msp.models import Partnership
from stakeholders.models import Organisation

from .decisions import Decision

AMOUNT = {"max_digits": 18, "decimal_places": 4}


class BudgetCategory(models.TextChoices):
    SECRETARIAT = "secretariat", pgettext_lazy("budget category", "Secretariat")
    MANAGEMENT = "management", pgettext_lazy("budget category", "Management")
    MONITORING = "monitoring", pgettext_lazy("budget category", "Monitoring and evaluation")
    COMMUNICATION = "communication", pgettext_lazy("budget category", "Communication")
    CAPACITY = "capacity", pgettext_lazy("budget category", "Capacity development")
    ACTIVITIES = "activities", pgettext_lazy("budget category", "Activities")
    OTHER = "other", pgettext_lazy("budget category", "Other")


class BudgetType(models.TextChoices):
    """IATI BudgetType codelist (IATI Standard, http://iatistandard.org/, CC BY 4.0): governance/data/iati."""

    ORIGINAL = "1", pgettext_lazy("IATI budget type", "Original")
    REVISED = "2", pgettext_lazy("IATI budget type", "Revised")


class TransactionType(models.TextChoices):
    """IATI TransactionType codelist (IATI Standard, http://iatistandard.org/, CC BY 4.0): governance/data/iati."""

    INCOMING_FUNDS = "1", pgettext_lazy("IATI transaction type", "Incoming Funds")
    OUTGOING_COMMITMENT = "2", pgettext_lazy("IATI transaction type", "Outgoing Commitment")
    DISBURSEMENT = "3", pgettext_lazy("IATI transaction type", "Disbursement")
    EXPENDITURE = "4", pgettext_lazy("IATI transaction type", "Expenditure")
    INTEREST_PAYMENT = "5", pgettext_lazy("IATI transaction type", "Interest Payment")
    LOAN_REPAYMENT = "6", pgettext_lazy("IATI transaction type", "Loan Repayment")
    REIMBURSEMENT = "7", pgettext_lazy("IATI transaction type", "Reimbursement")
    PURCHASE_OF_EQUITY = "8", pgettext_lazy("IATI transaction type", "Purchase of Equity")
    SALE_OF_EQUITY = "9", pgettext_lazy("IATI transaction type", "Sale of Equity")
    CREDIT_GUARANTEE = "10", pgettext_lazy("IATI transaction type", "Credit Guarantee")
    INCOMING_COMMITMENT = "11", pgettext_lazy("IATI transaction type", "Incoming Commitment")
    OUTGOING_PLEDGE = "12", pgettext_lazy("IATI transaction type", "Outgoing Pledge")
    INCOMING_PLEDGE = "13", pgettext_lazy("IATI transaction type", "Incoming Pledge")


T = TransactionType
# The types a partnership records by hand (the forms offer these); the rest of the codelist is there for imports
# and a later IATI export.
RECORDED_TYPES = (T.INCOMING_FUNDS, T.INCOMING_COMMITMENT, T.OUTGOING_COMMITMENT, T.DISBURSEMENT, T.EXPENDITURE)
# Money received (the resources overview's "received") and money spent ("spent"); commitments are neither.
RECEIVED_TYPES = frozenset({T.INCOMING_FUNDS, T.SALE_OF_EQUITY, T.LOAN_REPAYMENT, T.INTEREST_PAYMENT})
SPENT_TYPES = frozenset({T.DISBURSEMENT, T.EXPENDITURE})
# The types that may be booked against a budget line: money spent.
AGAINST_A_LINE = SPENT_TYPES


class BudgetLine(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="budget_lines")
    category = models.CharField(_("category"), max_length=20, choices=BudgetCategory.choices)
    description = models.CharField(_("description"), max_length=300)
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(_("amount"), **AMOUNT)
    currency = models.ForeignKey(Currency, on_delete=models.PROTECT, related_name="+", verbose_name=_("currency"))
    budget_type = models.CharField(
        _("budget type"), max_length=1, choices=BudgetType.choices, default=BudgetType.ORIGINAL
    )
    revises = models.OneToOneField(
        "self",
        # A line that has been revised stays (the history of the plan); delete its revision first.
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="revision",
        verbose_name=_("revises"),
    )
    result_node_key = models.UUIDField(
        _("results-chain node"),
        null=True,
        blank=True,
        help_text=_("The node's key, the same in every version of the roadmap."),
    )
    created_at = models.DateTimeField(pgettext_lazy("date of a record", "created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["year", "category", "pk"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="budget_line_amount_not_negative",
                violation_error_message=_("An amount cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(budget_type="1", revises__isnull=True) | Q(budget_type="2", revises__isnull=False),
                name="budget_line_revised_revises_one",
                violation_error_message=_("A revised line revises another line; an original one none."),
            ),
        ]

    def __str__(self):
        return f"{self.year} · {self.get_category_display()} · {self.description}"

    def get_additional_data(self):
        return {"partnership": self.partnership_id}

    def clean(self):
        if self.revises_id is None:
            return
        original = self.revises
        if (original.partnership_id, original.category, original.year) != (
            self.partnership_id,
            self.category,
            self.year,
        ):
            raise ValidationError(_("A revised line keeps the partnership, category and year of the line it revises."))


class BudgetReview(models.Model):
    """The partnership looked at its budget against its ambitions (SR-5 asks for one every few months)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="budget_reviews")
    date = models.DateField(_("date of the review"))
    note = models.TextField(_("note"), blank=True)
    decision = models.ForeignKey(
        Decision,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decision"),
        help_text=_("The decision that came out of the review, if any."),
    )
    created_at = models.DateTimeField(pgettext_lazy("date of a record", "created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("budget review")
        verbose_name_plural = _("budget reviews")

    def __str__(self):
        return str(_("Budget review of %(date)s") % {"date": self.date.isoformat()})

    def get_additional_data(self):
        return {"partnership": self.partnership_id}


class Transaction(models.Model):
    """Money in or out of the partnership. Never dated in the future (IATI forbids it)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="transactions")
    type = models.CharField(_("type"), max_length=2, choices=TransactionType.choices)
    date = models.DateField(_("date"))
    amount = models.DecimalField(_("amount"), **AMOUNT)
    currency = models.ForeignKey(Currency, on_delete=models.PROTECT, related_name="+", verbose_name=_("currency"))
    counterpart = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("counterpart organisation"),
        help_text=_("Who the money came from or went to."),
    )
    counterpart_name = models.CharField(
        _("counterpart name"),
        max_length=200,
        blank=True,
        help_text=_(
            "For a counterpart that is not in the organisation registry (a supplier, a name from a bank file)."
        ),
    )
    budget_line = models.ForeignKey(
        BudgetLine,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="transactions",
        verbose_name=_("budget line"),
    )
    reference = models.CharField(_("reference"), max_length=100, blank=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    # Stage 2's bank import: the batch a row came in with, and a fingerprint of the bank row to spot duplicates.
    import_batch = models.UUIDField(_("import batch"), null=True, blank=True, editable=False)
    fingerprint = models.CharField(_("fingerprint"), max_length=64, null=True, blank=True, editable=False)
    created_at = models.DateTimeField(pgettext_lazy("date of a record", "created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("transaction")
        verbose_name_plural = _("transactions")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="transaction_amount_not_negative",
                violation_error_message=_("An amount cannot be negative."),
            ),
        ]
        indexes = [models.Index(fields=["partnership", "fingerprint"], name="transaction_fingerprint")]

    def __str__(self):
        return f"{self.date.isoformat()} · {self.get_type_display()} · {self.currency_id} {self.amount}"

    def get_additional_data(self):
        return {"partnership": self.partnership_id}

    @property
    def counterpart_label(self):
        return self.counterpart.name if self.counterpart_id else self.counterpart_name
