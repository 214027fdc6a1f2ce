"""Writes of the learning records: lessons learned and capacity gaps (DESIGN capability 9).

Every service takes the acting user as `by=` and asks msp.access ("change": the secretariat; an archived
partnership refuses). The links a record makes (owner or organisation concerned, indicator, decision) must be
the partnership's own: a member organisation (active or former), one of its indicators, one of its decisions;
the forms offer only those, the services hold the rule for any other caller. Each write checks the row with
`full_clean()` and raises ValidationError with the message on its field.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from msp import access
from stakeholders.models import Membership

from ..models import CapacityGap, GapStatus, Lesson

LESSON_FIELDS = ("title", "what_happened", "source", "action", "owner", "learned_on", "indicator", "decision")
GAP_FIELDS = ("level", "organisation", "description", "measure", "decision", "status", "last_reviewed_on")


def member_refusal(partnership, organisation):
    """Why `organisation` cannot be named on a record of `partnership` (it never was a member), or None."""
    if organisation is None:
        return None
    if Membership.objects.filter(partnership=partnership, organisation=organisation).exists():
        return None
    return _("%(org)s is not a member of this partnership: choose one of its member organisations.") % {
        "org": organisation
    }


def _link_refusals(partnership, fields, organisation_field):
    """{field: message} for links to another partnership's records."""
    errors = {}
    if refusal := member_refusal(partnership, fields.get(organisation_field)):
        errors[organisation_field] = refusal
    indicator = fields.get("indicator")
    if indicator is not None and indicator.partnership_id != partnership.pk:
        errors["indicator"] = _("This indicator belongs to another partnership: choose one of this partnership's.")
    decision = fields.get("decision")
    if decision is not None and decision.partnership_id != partnership.pk:
        errors["decision"] = _("This decision belongs to another partnership: choose one of this partnership's.")
    return errors


def _not_in_future(errors, field, value, message):
    if value is not None and value > timezone.localdate():
        errors[field] = message


def _locked(model, obj, partnership):
    """`obj` as stored, locked for the write, or a refusal when it is not (or no longer) the partnership's."""
    found = model.objects.select_for_update().filter(pk=obj.pk, partnership=partnership).first()
    if found is None:
        raise ValidationError(_("This record no longer exists in this partnership. Reload the page."))
    return found


def _write(obj, fields, errors):
    """Set `fields` on `obj` and save it, or raise every refusal at once: the service's own `errors` (in words
    the user can act on) and the model's, on their fields. Where the service already refused, the model's
    constraint messages (which repeat the same rule in database terms) are left out."""
    for name, value in fields.items():
        setattr(obj, name, value.strip() if isinstance(value, str) else value)
    try:
        obj.full_clean(validate_constraints=not errors)
    except ValidationError as exc:
        errors = {**exc.message_dict, **errors}
    if errors:
        raise ValidationError(errors)
    obj.save()
    return obj


def lesson_save(*, partnership, by, lesson=None, **fields) -> Lesson:
    """Record a lesson learned (from a success or a failure, with the action and its owner), or change `lesson`."""
    access.require(by, "change", partnership)
    fields = {name: fields.get(name) for name in LESSON_FIELDS}
    fields["action"] = fields["action"] or ""
    errors = _link_refusals(partnership, fields, "owner")
    _not_in_future(errors, "learned_on", fields["learned_on"], _("A lesson is learned from what already happened."))
    with transaction.atomic():
        if lesson is None:
            lesson = Lesson(partnership=partnership, created_by=by)
        else:
            lesson = _locked(Lesson, lesson, partnership)
        return _write(lesson, fields, errors)


def lesson_delete(*, lesson, by) -> None:
    access.require(by, "change", lesson.partnership)
    Lesson.objects.filter(pk=lesson.pk).delete()


def capacity_gap_save(*, partnership, by, gap=None, **fields) -> CapacityGap:
    """Record a capacity gap of a member organisation (or of its people), with the measure taken or the decision
    that addresses it, or change `gap`."""
    access.require(by, "change", partnership)
    fields = {name: fields.get(name) for name in GAP_FIELDS}
    fields["measure"] = fields["measure"] or ""
    fields["status"] = fields["status"] or GapStatus.OPEN
    errors = _link_refusals(partnership, fields, "organisation")
    _not_in_future(errors, "last_reviewed_on", fields["last_reviewed_on"], _("A review date cannot be in the future."))
    with transaction.atomic():
        gap = CapacityGap(partnership=partnership) if gap is None else _locked(CapacityGap, gap, partnership)
        return _write(gap, fields, errors)


def capacity_gap_mark_reviewed(*, gap, by) -> CapacityGap:
    """The secretariat looked at the gap today (ME-5 asks for a review every few months)."""
    access.require(by, "change", gap.partnership)
    with transaction.atomic():
        gap = _locked(CapacityGap, gap, gap.partnership)
        gap.last_reviewed_on = timezone.localdate()
        gap.save(update_fields=["last_reviewed_on"])
    return gap


def capacity_gap_delete(*, gap, by) -> None:
    access.require(by, "change", gap.partnership)
    CapacityGap.objects.filter(pk=gap.pk).delete()
