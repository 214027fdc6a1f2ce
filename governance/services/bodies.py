"""Writes of governance bodies, their seats, and the secretariat's staff.

Every service takes the acting user as `by=` and asks msp.access ("change": the secretariat; an archived
partnership refuses). Creating or changing a body locks the partnership's row, and a seat or staff change locks
the body's row (`select_for_update`), so two people giving the chair, or creating the secretariat, at the same time
cannot both succeed; the database's constraints (one secretariat and one primary body per partnership, one chair
per body, one seat per organisation) stand behind the checks, which are there to say what is wrong in words.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from msp import access
from msp.models import Partnership
from stakeholders.models import Membership

from ..models import Body, BodyType, Seat, SecretariatStaff


def _lock_partnership(partnership):
    return Partnership.objects.select_for_update().get(pk=partnership.pk)


def _lock_body(body):
    return (
        Body.objects.select_for_update(of=("self",)).select_related("partnership", "host_organisation").get(pk=body.pk)
    )


def _save(obj, message):
    """full_clean, then save; a constraint the checks could not see (a race on SQLite) is said as `message`."""
    obj.full_clean()
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError:
        raise ValidationError(message) from None
    return obj


def _body_refusals(partnership, body, fields):
    """Why the body cannot be saved with `fields`, as {field: message}."""
    errors = {}
    others = Body.objects.filter(partnership=partnership).exclude(pk=body.pk)
    name = fields["name"]
    if others.filter(name__iexact=name).exists():
        errors["name"] = _("There is already a body named “%(name)s” in this partnership.") % {"name": name}
    if fields["type"] == BodyType.SECRETARIAT:
        secretariat = others.filter(type=BodyType.SECRETARIAT).first()
        if secretariat is not None:
            errors["type"] = _("This partnership already has its secretariat, “%(name)s”: edit that one.") % {
                "name": secretariat.name
            }
        if fields["host_organisation"] is None:
            errors["host_organisation"] = _("Name the organisation that hosts the secretariat.")
        if fields["is_primary"]:
            errors["is_primary"] = _(
                "The secretariat records decisions and does not take them, so it cannot be the primary "
                "decision-making body."
            )
    if fields["is_primary"] and "is_primary" not in errors:
        primary = others.filter(is_primary=True).first()
        if primary is not None:
            errors["is_primary"] = _(
                "“%(name)s” is already the primary decision-making body. Unmark it there first."
            ) % {"name": primary.name}
    if body.pk:
        errors.update(_type_change_refusals(body, fields))
    return errors


def _type_change_refusals(body, fields):
    errors = {}
    becomes_secretariat = fields["type"] == BodyType.SECRETARIAT
    if becomes_secretariat and not body.is_secretariat and body.seats.exists():
        errors["type"] = _("The secretariat has staff, not seats: remove the seats of “%(name)s” first.") % {
            "name": body.name
        }
    if body.is_secretariat and not becomes_secretariat and body.staff.exists():
        errors["type"] = _("“%(name)s” has staff: remove them before it becomes another kind of body.") % {
            "name": body.name
        }
    host = fields["host_organisation"]
    if becomes_secretariat and host is not None and body.staff.exclude(contact__organisation=host).exists():
        errors["host_organisation"] = _(
            "Its staff are contact persons of %(host)s: remove them before another organisation hosts the secretariat."
        ) % {"host": body.host_organisation}
    return errors


def body_save(
    *,
    partnership,
    by,
    body=None,
    type,
    name,
    is_primary=False,
    cadence=None,
    majority_threshold,
    host_organisation=None,
) -> Body:
    """Create a body of `partnership`, or change `body`. Only the secretariat has a host organisation (ignored for
    other types); it cannot be the primary decision-making body."""
    access.require(by, "change", partnership)
    with transaction.atomic():
        partnership = _lock_partnership(partnership)
        if body is None:
            body = Body(partnership=partnership, created_by=by)
        else:
            body = _lock_body(body)
            if body.partnership_id != partnership.pk:
                raise ValidationError(_("This body belongs to another partnership."))
        fields = {
            "type": type,
            "name": (name or "").strip(),
            "is_primary": bool(is_primary),
            "cadence": cadence,
            "majority_threshold": majority_threshold,
            "host_organisation": host_organisation if type == BodyType.SECRETARIAT else None,
        }
        if errors := _body_refusals(partnership, body, fields):
            raise ValidationError(errors)
        for field, value in fields.items():
            setattr(body, field, value)
        return _save(body, _("Someone changed the bodies of this partnership at the same time. Try again."))


def body_delete(*, body, by) -> None:
    """Delete a body with its seats (or, for the secretariat, its staff assignments; the people stay contacts)."""
    access.require(by, "change", body.partnership)
    with transaction.atomic():
        body = _lock_body(body)
        try:
            body.delete()
        except ProtectedError:
            raise ValidationError(
                _("“%(name)s” has meetings or decisions recorded, so it is kept.") % {"name": body.name}
            ) from None


def seat_save(*, body, by, organisation, is_voting=True, is_chair=False, seat=None) -> Seat:
    """Give `organisation` a seat on `body`, or change `seat`. Only organisations that are active members of the
    partnership hold seats (a seat of a member that left stays until removed, and can still be changed); one seat
    per organisation; at most one chair."""
    access.require(by, "change", body.partnership)
    with transaction.atomic():
        body = _lock_body(body)
        if body.is_secretariat:
            raise ValidationError(_("The secretariat records and does not take part: it has staff, not seats."))
        if seat is None:
            seat = Seat(body=body)
        else:
            seat = Seat.objects.filter(pk=seat.pk, body=body).first()
            if seat is None:
                raise ValidationError(_("This seat belongs to another body."))
        errors = {}
        if seat.organisation_id != organisation.pk:
            if not Membership.objects.active().filter(partnership=body.partnership, organisation=organisation).exists():
                errors["organisation"] = _(
                    "%(org)s is not an active member of this partnership, and only member organisations hold seats. "
                    "Add it as a member first (Stakeholders, Members)."
                ) % {"org": organisation}
            elif body.seats.exclude(pk=seat.pk).filter(organisation=organisation).exists():
                errors["organisation"] = _("%(org)s already has a seat on %(body)s.") % {
                    "org": organisation,
                    "body": body,
                }
        if is_chair:
            chair = body.seats.exclude(pk=seat.pk).filter(is_chair=True).select_related("organisation").first()
            if chair is not None:
                errors["is_chair"] = _(
                    "%(org)s already chairs %(body)s. Take the chair from its seat first, then give it to another."
                ) % {"org": chair.organisation, "body": body}
        if errors:
            raise ValidationError(errors)
        seat.organisation, seat.is_voting, seat.is_chair = organisation, bool(is_voting), bool(is_chair)
        return _save(seat, _("Someone changed the seats of this body at the same time. Try again."))


def seat_remove(*, seat, by) -> None:
    access.require(by, "change", seat.body.partnership)
    with transaction.atomic():
        _lock_body(seat.body)
        Seat.objects.filter(pk=seat.pk).delete()


def staff_save(*, body, by, contact, role, time_share, starts_on, ends_on=None, staff=None) -> SecretariatStaff:
    """Record a contact person of the secretariat's host as its staff (coordinator or officer, with the share of
    their working time and the dates), or change `staff`."""
    access.require(by, "change", body.partnership)
    with transaction.atomic():
        body = _lock_body(body)
        if not body.is_secretariat:
            raise ValidationError(_("Only the secretariat has staff; other bodies have seats."))
        if staff is None:
            staff = SecretariatStaff(body=body)
        else:  # as stored, not as a form may have left the object
            staff = SecretariatStaff.objects.filter(pk=staff.pk, body=body).first()
            if staff is None:
                raise ValidationError(_("This person is not on the staff of this secretariat."))
        errors = {}
        if contact.organisation_id != body.host_organisation_id:
            errors["contact"] = _(
                "%(person)s is a contact person of %(org)s, not of the secretariat's host, %(host)s."
            ) % {"person": contact.name, "org": contact.organisation, "host": body.host_organisation}
        elif not contact.is_active and staff.contact_id != contact.pk:
            errors["contact"] = _("%(person)s is marked inactive in the registry.") % {"person": contact.name}
        if starts_on and ends_on and ends_on < starts_on:
            errors["ends_on"] = _("The end date is before the start date.")
        if errors:
            raise ValidationError(errors)
        staff.contact, staff.role, staff.time_share = contact, role, time_share
        staff.starts_on, staff.ends_on = starts_on, ends_on
        return _save(staff, _("Someone changed the secretariat's staff at the same time. Try again."))


def staff_remove(*, staff, by) -> None:
    """Remove a staff assignment recorded by mistake (one that ended gets its end date instead)."""
    access.require(by, "change", staff.body.partnership)
    with transaction.atomic():
        _lock_body(staff.body)
        SecretariatStaff.objects.filter(pk=staff.pk).delete()
