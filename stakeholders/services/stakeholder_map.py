"""Writes to a partnership's stakeholder map."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import StakeholderMapEntry
from .common import _lock


def map_entry_create(*, partnership, organisation, by, **fields) -> StakeholderMapEntry:
    with transaction.atomic():
        locked = _lock(partnership, by, "change")
        if StakeholderMapEntry.objects.filter(partnership=locked, organisation=organisation).exists():
            raise ValidationError(
                {"organisation": _("%(org)s is already on the stakeholder map.") % {"org": organisation.name}}
            )
        if fields.get("country") is None:  # where the organisation is, unless said otherwise
            fields.pop("country", None)
            fields["country_id"] = organisation.country_id
        entry = StakeholderMapEntry(partnership=locked, organisation=organisation, **fields)
        entry.full_clean(validate_constraints=False)
        entry.save()
    return entry


def map_entry_update(*, entry, by, **fields) -> StakeholderMapEntry:
    with transaction.atomic():
        _lock(entry.partnership, by, "change")
        if "country" in fields and fields["country"] is None:
            fields.pop("country")
            fields["country_id"] = entry.organisation.country_id
        for name, value in fields.items():
            setattr(entry, name, value)
        entry.full_clean(validate_constraints=False)
        entry.save()
    return entry


def map_entry_delete(*, entry, by) -> None:
    with transaction.atomic():
        _lock(entry.partnership, by, "change")
        entry.delete()
