"""Drafting the MoU: a new version, its title and clauses."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from msp import access
from msp.models import Partnership
from msp.services import StaleEdit

from .. import selectors
from ..models import Clause, MouVersion
from .common import MS, _lock, _next_number


def mou_version_create(*, partnership, by) -> MouVersion:
    """Start a new draft as a copy of the latest version's clauses (an empty draft for the first one)."""
    with transaction.atomic():
        locked = Partnership.objects.select_for_update().get(pk=partnership.pk)
        access.require(by, "change", locked)
        draft = MouVersion.objects.filter(partnership=locked, status=MS.DRAFT).first()
        if draft:
            raise ValidationError(
                _("Version %(n)d is still a draft: continue editing it, or send it first.") % {"n": draft.number}
            )
        last = selectors.latest_mou(locked)
        version = MouVersion(partnership=locked, number=_next_number(MouVersion, locked), created_by=by)
        if last:
            version.title = last.title
        version.full_clean()
        version.save()
        if last:
            Clause.objects.bulk_create(
                [
                    Clause(version=version, key=c.key, position=c.position, type=c.type, title=c.title, text=c.text)
                    for c in last.clauses.all()
                ]
            )
    return version


def mou_version_update(*, version, by, title, change_note="") -> MouVersion:
    with transaction.atomic():
        locked = _lock(MouVersion, version)
        access.require(by, "change", locked.partnership)
        locked.require_draft()
        locked.title, locked.change_note = title, change_note
        locked.full_clean()
        locked.save()
    return locked


def clause_save(*, version, by, clause=None, seen=None, **fields) -> Clause:
    """Add a clause to a draft, or change one. `seen` as for roadmap_version_update: a clause someone else saved
    since the form was loaded is not overwritten (StaleEdit)."""
    with transaction.atomic():
        locked = _lock(MouVersion, version)
        access.require(by, "change", locked.partnership)
        locked.require_draft()
        if clause is not None and seen:
            current = Clause.objects.select_for_update().filter(pk=clause.pk, version=locked).first()
            if current is None or current.content_hash != seen:
                raise StaleEdit(
                    _(
                        "Someone else changed this clause while you were editing it. Your text is still in the "
                        "form: compare it with the current text shown beside it, then save again."
                    )
                )
        if clause is None:
            last = locked.clauses.aggregate(p=Max("position"))["p"]
            clause = Clause(version=locked, position=(last or 0) + 1)
        elif clause.version_id != locked.pk:
            raise ValidationError(_("This clause belongs to another version."))
        for name, value in fields.items():
            setattr(clause, name, value)
        clause.full_clean()
        clause.save()
    return clause


def clause_delete(*, clause, by) -> None:
    with transaction.atomic():
        locked = _lock(MouVersion, clause.version)
        access.require(by, "change", locked.partnership)
        locked.require_draft()
        clause.delete()


def clause_move(*, clause, by, up) -> None:
    """Swap a clause with the one before (up) or after it."""
    with transaction.atomic():
        locked = _lock(MouVersion, clause.version)
        access.require(by, "change", locked.partnership)
        locked.require_draft()
        clauses = list(locked.clauses.order_by("position", "pk"))
        index = next(i for i, c in enumerate(clauses) if c.pk == clause.pk)
        other = index - 1 if up else index + 1
        if not 0 <= other < len(clauses):
            return
        clauses[index], clauses[other] = clauses[other], clauses[index]
        for position, row in enumerate(clauses, start=1):
            if row.position != position:
                row.position = position
                row.save(update_fields=["position"])


def mou_version_discard(*, version, by) -> None:
    with transaction.atomic():
        locked = _lock(MouVersion, version)
        access.require(by, "change", locked.partnership)
        locked.require_draft()
        locked.clauses.all().delete()
        locked.delete()
