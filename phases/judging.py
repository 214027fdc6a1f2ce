"""Writes of the checklist pages: a person's judgement of an item, and the partnership's own parameters."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from msp import access
from msp.models import Partnership

from . import services
from .catalogue import CATALOGUE
from .models import Judgement, ParameterOverride, Trigger
from .runs import JUDGED


def judgement_record(*, partnership, item_id, result, note, by, evidence_url="") -> Judgement:
    """Record `by`'s verdict on an assisted or manual item (append-only: the newest counts) and ask for a new
    evaluation, so the checklist shows it."""
    access.require(by, "change", partnership)
    item = CATALOGUE.get(item_id)
    if item is None or item.kind not in JUDGED:
        raise ValidationError(_("Only assisted and manual items are judged by a person."))
    judgement = Judgement(
        partnership=partnership,
        item_id=item_id,
        result=result,
        note=(note or "").strip(),
        evidence_url=evidence_url or "",
        by=by,
    )
    judgement.full_clean()
    with transaction.atomic():
        judgement.save()
        services.evaluation_request(partnership=partnership, trigger=Trigger.MANUAL, by=by)
    return judgement


def parameters_save(*, partnership, values, by) -> int:
    """Set the partnership's parameters: `values` is {(item id, name): number or None}; None goes back to the
    installation default. Returns how many values differ from the defaults afterwards."""
    access.require(by, "change", partnership)
    with transaction.atomic():
        Partnership.objects.select_for_update().get(pk=partnership.pk)
        for (item_id, name), value in values.items():
            if item_id not in CATALOGUE or name not in CATALOGUE[item_id].params:
                raise ValidationError(_("There is no such parameter."))
            rows = ParameterOverride.objects.filter(partnership=partnership, item_id=item_id, name=name)
            if value is None or value == CATALOGUE[item_id].params[name]:
                rows.delete()
            else:
                ParameterOverride.objects.update_or_create(
                    partnership=partnership, item_id=item_id, name=name, defaults={"value": value}
                )
        services.evaluation_request(partnership=partnership, trigger=Trigger.MANUAL, by=by)
        return ParameterOverride.objects.filter(partnership=partnership).count()
