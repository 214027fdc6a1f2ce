"""Writes of the budget and the transactions: save, revise and delete a budget line, record a budget review, save
and delete a transaction.

The secretariat keeps them ("change" in msp.access). Every refusal is a ValidationError in words, on the field it
is about: a negative or malformed amount, an unknown currency, a line or decision of another partnership, money
spent booked against a line of another partnership, a transaction dated in the future (IATI forbids it), deleting a
line that has expenditure against it or a newer revision. Rows that are read and then written are locked
(`select_for_update`), so a line cannot be revised twice or deleted while a transaction is booked against it.
"""

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction as db
from django.utils import timezone
from django.utils.translation import gettext as _

from msp import access
from msp.codelists import Currency

from ..models import (
    AGAINST_A_LINE,
    BudgetLine,
    BudgetReview,
    BudgetType,
    ResultNode,
    Transaction,
    TransactionType,
)

MIN_YEAR, MAX_YEAR = 1990, 2100
KEEP = object()  # a revision keeps the revised line's results-chain node
LINE_FIELDS = ("category", "description", "year", "amount", "currency", "result_node_key")
TRANSACTION_FIELDS = (
    "type",
    "date",
    "amount",
    "currency",
    "counterpart",
    "counterpart_name",
    "budget_line",
    "reference",
    "description",
)


def parse_amount(value) -> Decimal:
    """A non-negative Decimal from a number or text ("1250.50"), or a ValidationError on `amount` that says why."""
    if isinstance(value, float):
        value = str(value)
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError(
            {"amount": _("“%(value)s” is not an amount: write a number such as 1250.50.") % {"value": value}}
        ) from None
    if not amount.is_finite():
        raise ValidationError(
            {"amount": _("“%(value)s” is not an amount: write a number such as 1250.50.") % {"value": value}}
        )
    if amount < 0:
        raise ValidationError({"amount": _("An amount cannot be negative: the type says which way the money goes.")})
    return amount


def parse_currency(value) -> Currency:
    """The Currency for a Currency or an ISO 4217 code, or a ValidationError on `currency`."""
    if isinstance(value, Currency):
        return value
    code = str(value or "").strip().upper()
    currency = Currency.objects.filter(code=code).first() if code else None
    if currency is None:
        raise ValidationError(
            {"currency": _("Unknown currency “%(code)s”: use an ISO 4217 code such as EUR or USD.") % {"code": value}}
        )
    return currency


def _check_node(partnership, key):
    if key and not ResultNode.objects.filter(version__partnership=partnership, key=key).exists():
        raise ValidationError({"result_node_key": _("Choose a node of this partnership's results chain.")})


def _check_year(year):
    if year is None or not MIN_YEAR <= int(year) <= MAX_YEAR:
        raise ValidationError(
            {"year": _("Give a year between %(first)d and %(last)d.") % {"first": MIN_YEAR, "last": MAX_YEAR}}
        )


def _lock_line(line):
    return BudgetLine.objects.select_for_update().get(pk=line.pk)


def budget_line_save(*, partnership, by, line=None, **fields) -> BudgetLine:
    """Add an original line to `partnership`'s budget, or change `line`. The category and year of a line that is
    part of a chain of revisions stay (they are what the revisions share)."""
    access.require(by, "change", partnership)
    unknown = set(fields) - set(LINE_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")
    fields["amount"] = parse_amount(fields.get("amount"))
    fields["currency"] = parse_currency(fields.get("currency"))
    fields["description"] = (fields.get("description") or "").strip()
    _check_year(fields.get("year"))
    _check_node(partnership, fields.get("result_node_key"))
    with db.atomic():
        if line is None:
            line = BudgetLine(partnership=partnership, created_by=by, budget_type=BudgetType.ORIGINAL)
        else:
            line = _lock_line(line)
            if line.partnership_id != partnership.pk:
                raise ValidationError(_("This budget line belongs to another partnership."))
            in_chain = line.revises_id is not None or BudgetLine.objects.filter(revises=line).exists()
            moved = (fields.get("category", line.category), int(fields.get("year", line.year))) != (
                line.category,
                line.year,
            )
            if in_chain and moved:
                raise ValidationError(
                    _("The category and year of a line that has revisions stay as they are: add a new line instead.")
                )
        for name, value in fields.items():
            setattr(line, name, value)
        line.full_clean()
        line.save()
        return line


def budget_line_revise(*, line, by, amount, currency=None, description=None, result_node_key=KEEP) -> BudgetLine:
    """A revised line that replaces `line` in the plan (same partnership, category and year). A line is revised
    once: to change a revised plan again, revise the newest revision. Description, currency and node are the
    line's unless given (a node of None: the revision serves none)."""
    access.require(by, "change", line.partnership)
    amount = parse_amount(amount)
    with db.atomic():
        locked = _lock_line(line)
        if BudgetLine.objects.filter(revises=locked).exists():
            raise ValidationError(_("This line has already been revised: revise its newest revision instead."))
        currency = parse_currency(currency) if currency else locked.currency
        if result_node_key is not KEEP:
            _check_node(locked.partnership, result_node_key)
        revised = BudgetLine(
            partnership=locked.partnership,
            category=locked.category,
            year=locked.year,
            description=(description or "").strip() or locked.description,
            amount=amount,
            currency=currency,
            budget_type=BudgetType.REVISED,
            revises=locked,
            result_node_key=locked.result_node_key if result_node_key is KEEP else result_node_key,
            created_by=by,
        )
        revised.full_clean()
        revised.save()
        return revised


def budget_line_delete(*, line, by):
    """Delete a line nothing depends on: not one with money booked against it, nor one a newer line revises."""
    access.require(by, "change", line.partnership)
    with db.atomic():
        locked = _lock_line(line)
        if Transaction.objects.filter(budget_line=locked).exists():
            raise ValidationError(
                _("Expenditure is booked against this line, so it cannot be deleted. Revise it instead.")
            )
        if BudgetLine.objects.filter(revises=locked).exists():
            raise ValidationError(_("This line has a revision: delete the revision first."))
        locked.delete()


def budget_review_save(*, partnership, by, date, note="", decision=None, review=None) -> BudgetReview:
    """Record a review of the budget (or correct one), optionally with the decision that came out of it."""
    access.require(by, "change", partnership)
    if decision is not None and decision.partnership_id != partnership.pk:
        raise ValidationError({"decision": _("Choose a decision of this partnership.")})
    if date is None:
        raise ValidationError({"date": _("When was the budget reviewed? Give the date.")})
    if date > timezone.localdate():
        raise ValidationError({"date": _("A review cannot be dated in the future.")})
    with db.atomic():
        if review is None:
            review = BudgetReview(partnership=partnership, created_by=by)
        elif review.partnership_id != partnership.pk:
            raise ValidationError(_("This review belongs to another partnership."))
        review.date, review.note, review.decision = date, (note or "").strip(), decision
        review.full_clean()
        review.save()
        return review


def _check_transaction(partnership, fields):
    errors = {}
    when = fields.get("date")
    if not isinstance(when, dt.date):
        errors["date"] = _("Give the date of the transaction.")
    elif when > timezone.localdate():
        errors["date"] = _(
            "A transaction cannot be dated in the future (IATI does not allow it): record it when it happens."
        )
    if fields.get("type") not in TransactionType.values:
        errors["type"] = _("Choose the type of the transaction.")
    line = fields.get("budget_line")
    if line is not None:
        if line.partnership_id != partnership.pk:
            errors["budget_line"] = _("This budget line belongs to another partnership: choose one of this budget.")
        elif fields.get("type") not in AGAINST_A_LINE:
            errors["budget_line"] = _("Only disbursements and expenditure are booked against a budget line.")
    if errors:
        raise ValidationError(errors)


def transaction_save(*, partnership, by, transaction=None, **fields) -> Transaction:
    """Record a transaction of `partnership`, or change `transaction`."""
    access.require(by, "change", partnership)
    unknown = set(fields) - set(TRANSACTION_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")
    fields["amount"] = parse_amount(fields.get("amount"))
    fields["currency"] = parse_currency(fields.get("currency"))
    for name in ("counterpart_name", "reference", "description"):
        fields[name] = (fields.get(name) or "").strip()
    _check_transaction(partnership, fields)
    with db.atomic():
        if fields.get("budget_line") is not None:
            fields["budget_line"] = _lock_line(fields["budget_line"])  # not deleted under our feet
        if transaction is None:
            transaction = Transaction(partnership=partnership, created_by=by)
        else:
            transaction = Transaction.objects.select_for_update().get(pk=transaction.pk)
            if transaction.partnership_id != partnership.pk:
                raise ValidationError(_("This transaction belongs to another partnership."))
        for name, value in fields.items():
            setattr(transaction, name, value)
        transaction.full_clean()
        transaction.save()
        return transaction


def transaction_delete(*, transaction, by):
    access.require(by, "change", transaction.partnership)
    Transaction.objects.filter(pk=transaction.pk, partnership=transaction.partnership_id).delete()
