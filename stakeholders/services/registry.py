"""Writes to the organisation registry and its contact persons, shared by all partnerships. Who acts and signs
for an organisation (its authority) is changed only by the secretariat of every partnership it is a member of."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from msp import access
from msp.models import person_name

from .. import selectors
from ..models import AUTHORITY_FIELDS, ContactPerson, Invitation, Organisation, authority_refusal
from .common import _lock, _require_registry


def organisation_create(*, by, **fields) -> Organisation:
    _require_registry(by)
    organisation = Organisation(**fields)
    organisation.full_clean()
    organisation.save()
    return organisation


def organisation_update(*, organisation, by, **fields) -> Organisation:
    _require_registry(by)
    for name, value in fields.items():
        setattr(organisation, name, value)
    organisation.full_clean()
    organisation.save()
    return organisation


def organisation_delete(*, organisation, by) -> None:
    """Remove an organisation from the registry, with its contact persons. Refused while any partnership records it
    (as a member, now or in the past, on its stakeholder map, or through an invitation): that history stays. The
    refusal names the partnerships the user may know of and counts the others."""
    _require_registry(by)
    with transaction.atomic():
        locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
        visible, hidden = selectors.where_used(locked, by)
        invited = Invitation.objects.filter(contact__organisation=locked).exists()
        if visible or hidden:
            places = [f"“{name}”" for name in visible]
            if hidden:
                places.append(
                    ngettext(
                        "%(n)d other partnership you have no access to",
                        "%(n)d other partnerships you have no access to",
                        hidden,
                    )
                    % {"n": hidden}
                )
            raise ValidationError(
                _(
                    "%(org)s cannot be removed: it is a member (now or in the past) or on the stakeholder map of "
                    "%(places)s. That history is kept; to end a membership, set the date the organisation left."
                )
                % {"org": locked.name, "places": ", ".join(places)}
            )
        if invited:
            raise ValidationError(
                _("%(org)s cannot be removed: its contact persons have been invited to a partnership.")
                % {"org": locked.name}
            )
        try:
            locked.delete()
        except ProtectedError:  # another app's record names it or its people (a partnership's secretariat host)
            raise ValidationError(
                _(
                    "%(org)s cannot be removed: a partnership's records name it or its contact persons, such as a secretariat it hosts."
                )
                % {"org": locked.name}
            ) from None


def may_change_authority(by, organisation) -> bool:
    return access.can_change_authority(by, selectors.member_partnership_ids(organisation))


def _require_authority(by, organisation, changed):
    """Refuse changes to the authority fields named in `changed` unless `by` keeps them (see AUTHORITY_FIELDS)."""
    if changed and not may_change_authority(by, organisation):
        message = authority_refusal(organisation)
        raise ValidationError(dict.fromkeys(changed, message))


def contact_create(*, organisation, by, **fields) -> ContactPerson:
    _require_registry(by)
    # A new contact who may sign, or comes with a user account, is a new authority; one who does not is not.
    _require_authority(by, organisation, [name for name in ("may_sign", "user") if fields.get(name)])
    contact = ContactPerson(organisation=organisation, **fields)
    contact.full_clean()
    contact.save()
    return contact


def contact_update(*, contact, by, **fields) -> ContactPerson:
    _require_registry(by)
    # Compared with the stored row: a ModelForm has already copied the new values onto `contact`.
    stored = ContactPerson.objects.select_related("organisation").get(pk=contact.pk)
    changed = [name for name in AUTHORITY_FIELDS if name in fields and fields[name] != getattr(stored, name)]
    _require_authority(by, stored.organisation, changed)
    for name, value in fields.items():
        setattr(contact, name, value)
    contact.full_clean()
    contact.save()
    return contact


def contact_link_user(*, contact_id, user, partnership, by) -> ContactPerson:
    """Link a user account to a contact person of a current member of the partnership: the user then acts for
    that organisation. Needs the right to manage the partnership's roles and the organisation's authority (the
    account will act and sign for it); an account acts for one organisation only."""
    with transaction.atomic():
        locked = _lock(partnership, by, "manage_roles")
        contact = (
            ContactPerson.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=contact_id)
        )
        members = selectors.active_memberships(locked).values_list("organisation_id", flat=True)
        if contact.organisation_id not in set(members):
            raise ValidationError(
                {"contact": _("%(org)s is not a member of this partnership.") % {"org": contact.organisation.name}}
            )
        if contact.user_id and contact.user_id != user.pk:
            raise ValidationError({"contact": _("%(name)s is linked to another account.") % {"name": contact.name}})
        other = ContactPerson.objects.filter(user=user).exclude(pk=contact.pk).select_related("organisation").first()
        if other:
            raise ValidationError(
                {
                    "contact": _("%(user)s already acts for %(org)s; an account acts for one organisation only.")
                    % {"user": person_name(user), "org": other.organisation.name}
                }
            )
        _require_authority(by, contact.organisation, ["contact"] if contact.user_id != user.pk else [])
        contact.user = user
        contact.save(update_fields=["user"])
    return contact
