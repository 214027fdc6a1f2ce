"""Writes to the membership of organisations in a partnership; a membership that ends stays as history."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Membership
from .common import _lock


def _check_membership_dates(membership):
    if membership.left_on and membership.joined_on and membership.left_on < membership.joined_on:
        raise ValidationError({"left_on": _("An organisation cannot leave before it joined.")})


def membership_add(*, partnership, organisation, by, **fields) -> Membership:
    """Make the organisation a member. Refused while it is a current member already (one membership at a time;
    past memberships stay as history)."""
    with transaction.atomic():
        locked = _lock(partnership, by, "change")
        membership = Membership(partnership=locked, organisation=organisation, **fields)
        _check_membership_dates(membership)
        if membership.left_on is None and (
            Membership.objects.filter(partnership=locked, organisation=organisation, left_on__isnull=True).exists()
        ):
            raise ValidationError(
                {"organisation": _("%(org)s is already a member of this partnership.") % {"org": organisation.name}}
            )
        membership.full_clean(validate_constraints=False)
        membership.save()
    return membership


def membership_update(*, membership, by, **fields) -> Membership:
    """Change a membership; setting `left_on` ends it (it stays in the history)."""
    with transaction.atomic():
        _lock(membership.partnership, by, "change")
        for name, value in fields.items():
            setattr(membership, name, value)
        _check_membership_dates(membership)
        if (
            membership.left_on is None
            and Membership.objects.filter(
                partnership_id=membership.partnership_id,
                organisation_id=membership.organisation_id,
                left_on__isnull=True,
            )
            .exclude(pk=membership.pk)
            .exists()
        ):
            raise ValidationError(
                {"left_on": _("The organisation has a newer current membership; this one must keep its end date.")}
            )
        membership.full_clean(validate_constraints=False)
        membership.save()
    return membership
