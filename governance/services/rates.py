"""Writes of exchange rates: recording one, correcting one, importing a checked file.

Rates are the installation's, so the check is msp.access.can_manage_rates (secretariat staff anywhere, superusers),
not a partnership action. A correction locks the row (`select_for_update`) and is saved through the model, so the
activity log (auditlog) keeps the old and the new rate and who changed it; an import writes only a file whose every
row is valid now, in one transaction (all rows or none). The unique constraint (one rate per pair and day) stands
behind the checks, which say in words what is wrong.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from msp import access

from .. import rate_import
from ..models import ExchangeRate


def _require_manager(by):
    if not access.can_manage_rates(by):
        raise PermissionDenied(_("Only secretariat staff record exchange rates."))


def _duplicate(base, quote, date) -> str:
    return _("A rate for %(base)s/%(quote)s on %(date)s is already recorded: correct that one instead.") % {
        "base": base,
        "quote": quote,
        "date": date.isoformat(),
    }


def rate_save(*, by, base, quote, date, rate, source="", exchange_rate=None) -> ExchangeRate:
    """Record a new rate (`exchange_rate` None) or correct one. `base` and `quote` are Currency rows."""
    _require_manager(by)
    with transaction.atomic():
        if exchange_rate is None:
            obj = ExchangeRate(recorded_by=by, recorded_at=timezone.now())
        else:
            obj = ExchangeRate.objects.select_for_update().get(pk=exchange_rate.pk)
        obj.base, obj.quote, obj.date, obj.rate, obj.source = base, quote, date, rate, source
        if base.pk == quote.pk:
            raise ValidationError({"quote": _("Choose a currency other than the base currency.")})
        if problem := rate_import.rate_problem(rate):
            raise ValidationError({"rate": problem})
        clash = ExchangeRate.objects.filter(base=base, quote=quote, date=date).exclude(pk=obj.pk)
        if clash.exists():
            raise ValidationError({"date": _duplicate(base.pk, quote.pk, date)})
        obj.full_clean(validate_constraints=False)
        try:
            with transaction.atomic():
                obj.save()
        except IntegrityError:
            raise ValidationError({"date": _duplicate(base.pk, quote.pk, date)}) from None
    return obj


def rates_import(*, by, filename, content, source="") -> rate_import.RatePreview:
    """Write the new rates of a file, checked again now: all or, if any row is invalid now (a rate recorded in
    the meantime), none; the preview then says which (ValidationError with it as `.preview`)."""
    _require_manager(by)
    with transaction.atomic():
        preview = rate_import.preview(filename, content)
        if not preview.valid:
            raise ImportRefused(preview)
        now = timezone.now()
        rows = [
            ExchangeRate(
                base_id=r.base,
                quote_id=r.quote,
                date=r.date,
                rate=r.rate,
                source=source,
                recorded_by=by,
                recorded_at=now,
            )
            for r in preview.new
        ]
        try:
            with transaction.atomic():
                # One by one, not bulk_create: the activity log records each rate as added, by whom.
                for row in rows:
                    row.save()
        except IntegrityError:
            raise ImportRefused(rate_import.preview(filename, content)) from None
    return preview


class ImportRefused(ValidationError):
    def __init__(self, preview):
        super().__init__(_("The file has rows that cannot be imported now; nothing was imported."))
        self.preview = preview
