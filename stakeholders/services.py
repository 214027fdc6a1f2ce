"""Writes about who is who. Every service checks its caller's right through msp.access and validates with
full_clean(); those touching a partnership lock its row, so two secretariat members cannot interleave."""

import hashlib
import logging

from auditlog.context import set_actor
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from msp import access, outbox
from msp.models import Partnership, PartnershipRole, Role, person_name
from msp.services import email_address, notify

from . import emails, selectors, spreadsheets
from .models import (
    AUTHORITY_FIELDS,
    MAX_INVITATION_DAYS,
    ContactPerson,
    Invitation,
    Membership,
    Organisation,
    StakeholderMapEntry,
    authority_refusal,
)
from .pending_imports import FOLDER, PendingImport, private_storage

logger = logging.getLogger(__name__)


def _require_registry(by):
    if not access.can_manage_registry(by):
        raise PermissionDenied(_("Only secretariat staff keep the organisation registry."))


def _lock(partnership, by, action):
    """Lock the partnership row for the rest of the transaction and check `by` may do `action` on it."""
    locked = Partnership.objects.select_for_update().get(pk=partnership.pk)
    access.require(by, action, locked)
    return locked


# --- the registry ------------------------------------------------------------------------------------------------


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
        locked.delete()


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


# --- membership --------------------------------------------------------------------------------------------------


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


# --- the stakeholder map -----------------------------------------------------------------------------------------


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


# --- invitations -------------------------------------------------------------------------------------------------


class InvitationClosed(ValidationError):
    """The link no longer works: accepted, revoked or expired. Carries the invitation's status."""

    def __init__(self, message, status):
        super().__init__(message)
        self.status = status


def _valid_days(days):
    """The validity a person chose (1 to 30 days), or the site's default (its operator's choice)."""
    if days is None:
        return settings.INVITATION_VALID_DAYS
    if not 1 <= days <= MAX_INVITATION_DAYS:
        raise ValidationError(
            {"valid_days": _("A link is valid for 1 to %(max)d days.") % {"max": MAX_INVITATION_DAYS}}
        )
    return days


def invitation_create(*, partnership, contact, role, by, valid_days=None, send=True) -> Invitation:
    """Invite a contact person to the partnership as a partner or donor user, and queue the e-mail.

    Refused while the contact has an open invitation to the partnership (resend that one instead), already holds
    a role on it, or has no e-mail address.
    """
    if role not in (Role.PARTNER, Role.DONOR):
        raise ValidationError({"role": _("Invite people as partners or donors.")})
    valid_days = _valid_days(valid_days)
    with transaction.atomic():
        locked = _lock(partnership, by, "manage_roles")
        contact = ContactPerson.objects.select_related("organisation", "user").get(pk=contact.pk)
        if not contact.email:
            raise ValidationError(
                {"contact": _("%(name)s has no e-mail address; add one first.") % {"name": contact.name}}
            )
        if not contact.is_active:
            raise ValidationError({"contact": _("%(name)s is marked inactive.") % {"name": contact.name}})
        if contact.user_id and PartnershipRole.objects.filter(partnership=locked, user_id=contact.user_id).exists():
            raise ValidationError(
                {"contact": _("%(name)s already has a role on this partnership.") % {"name": contact.name}}
            )
        if Invitation.objects.open().filter(partnership=locked, contact=contact).exists():
            raise ValidationError(
                {
                    "contact": _(
                        "%(name)s already has an open invitation to this partnership; resend it from the list."
                    )
                    % {"name": contact.name}
                }
            )
        invitation = Invitation(
            partnership=locked,
            contact=contact,
            role=role,
            email=contact.email,
            created_by=by,
            expires_at=timezone.now() + timezone.timedelta(days=valid_days),
        )
        invitation.full_clean()
        invitation.save()
        if send:
            _queue_email(invitation)
    return invitation


def invitation_resend(*, invitation, by, valid_days=None) -> Invitation:
    """Send a pending or expired invitation again with a new link, valid from now; the old link stops working."""
    valid_days = _valid_days(valid_days)
    with transaction.atomic():
        _lock(invitation.partnership, by, "manage_roles")
        locked = Invitation.objects.select_for_update().select_related("contact").get(pk=invitation.pk)
        if locked.accepted_at:
            raise ValidationError(_("This invitation was accepted; there is nothing to resend."))
        if locked.revoked_at:
            raise ValidationError(_("This invitation was revoked; invite the person again instead."))
        if not locked.contact.email:
            raise ValidationError(_("%(name)s has no e-mail address any more.") % {"name": locked.contact.name})
        locked.nonce = Invitation._meta.get_field("nonce").get_default()
        locked.email = locked.contact.email
        locked.expires_at = timezone.now() + timezone.timedelta(days=valid_days)
        locked.sent_at = None
        locked.save()
        # The pending e-mail would now carry the new link too; one e-mail per resend is enough.
        outbox.cancel(kind=emails.INVITATION_EMAIL, object_id=locked.pk)
        _queue_email(locked)
    return locked


def invitation_revoke(*, invitation, by) -> Invitation:
    with transaction.atomic():
        _lock(invitation.partnership, by, "manage_roles")
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.accepted_at:
            raise ValidationError(
                _("This invitation was accepted already; remove the person's role under People & roles instead.")
            )
        if locked.revoked_at:
            return locked
        locked.revoked_at, locked.revoked_by = timezone.now(), by
        locked.save(update_fields=["revoked_at", "revoked_by"])
        outbox.cancel(kind=emails.INVITATION_EMAIL, object_id=locked.pk)
    return locked


def invitation_problem(invitation):
    """Why the invitation's link grants nothing (a sentence), or None while it is open."""
    status = invitation.status()
    if status == "accepted":
        return _("This invitation has been accepted already; each link works once. Sign in with your account.")
    if status == "revoked":
        return _(
            "This invitation was withdrawn by the partnership's secretariat. Ask them if you think it should not have been."
        )
    if status == "expired":
        return _("This invitation expired on %(date)s. Ask the partnership's secretariat to send it again.") % {
            "date": date_format(timezone.localtime(invitation.expires_at), "j F Y")
        }
    return None


def invitation_accept(*, invitation, user=None, username="", password="") -> tuple:
    """Accept the invitation once: with a new account (`username`, `password`) for a contact without one, or as
    `user`, the account already linked to the contact. Grants the role, links the account to the contact person
    (and so to the organisation) and tells the inviter. Returns (user, partnership).

    Single use even under a double submit: the invitation is claimed by a conditional UPDATE inside the
    transaction, so of two concurrent acceptances exactly one finds it open; the other raises InvitationClosed.
    """
    with transaction.atomic():
        now = timezone.now()
        claimed = Invitation.objects.open(now).filter(pk=invitation.pk).update(accepted_at=now)
        current = Invitation.objects.select_related("partnership", "contact", "created_by").get(pk=invitation.pk)
        if not claimed:
            raise InvitationClosed(
                invitation_problem(current) or _("This invitation no longer works."), current.status()
            )
        contact = (
            ContactPerson.objects.select_for_update(of=("self",))
            .select_related("user", "organisation")
            .get(pk=current.contact_id)
        )
        if contact.user_id:
            if user is None or user.pk != contact.user_id:
                raise ValidationError(
                    _("%(name)s already has an account: sign in as %(username)s to accept.")
                    % {"name": contact.name, "username": contact.user.get_username()}
                )
            account = contact.user
        else:
            account = _create_account(contact, username, password)
            contact.user = account
            contact.save(update_fields=["user"])
        role = PartnershipRole.objects.filter(partnership=current.partnership, user=account).first()
        if role is None:
            PartnershipRole.objects.create(
                partnership=current.partnership, user=account, role=current.role, granted_by=current.created_by
            )
        elif role.role != Role.SECRETARIAT and role.role != current.role:
            role.role = current.role  # never take the secretariat role away through an invitation
            role.save(update_fields=["role"])
        # Saved (not updated) so that the acceptance shows in the partnership's activity feed, by the new user.
        current.accepted_by = account
        with set_actor(account):
            current.save(update_fields=["accepted_by"])
        if current.created_by:
            notify(
                partnership=current.partnership,
                recipients=[current.created_by],
                subject=_("%(name)s accepted your invitation to %(partnership)s")
                % {"name": contact.name, "partnership": current.partnership.name},
                body=_("%(name)s (%(org)s) now has access to %(partnership)s as %(role)s.")
                % {
                    "name": contact.name,
                    "org": contact.organisation.name,
                    "partnership": current.partnership.name,
                    "role": current.get_role_display().lower(),
                },
                link=reverse("stakeholders:invitations", kwargs={"partnership_pk": current.partnership_id}),
            )
    return account, current.partnership


def _create_account(contact, username, password):
    User = get_user_model()
    first, _sep, last = contact.name.strip().rpartition(" ")
    if not first:
        first, last = last, ""
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("This username is taken; choose another.")})
    try:
        with transaction.atomic():
            return User.objects.create_user(
                username=username, password=password, email=contact.email, first_name=first, last_name=last
            )
    except IntegrityError:
        raise ValidationError({"username": _("This username is taken; choose another.")}) from None


def _queue_email(invitation):
    """The e-mail goes through the outbox, written at send time from the invitation (stakeholders.emails)."""
    email_address(
        email=invitation.email,
        subject=emails.invitation_subject(invitation),
        partnership=invitation.partnership,
        kind=emails.INVITATION_EMAIL,
        object_id=invitation.pk,
    )


# --- import ------------------------------------------------------------------------------------------------------


def pending_import_create(*, partnership, by, kind, filename, content) -> PendingImport:
    """Keep a checked file in private storage until its "Import all rows" button (see `pending_imports`)."""
    access.require(by, "change", partnership)
    pending = PendingImport(
        partnership=partnership,
        uploaded_by=by,
        kind=kind,
        filename=filename[-255:],
        sha256=hashlib.sha256(content).hexdigest(),
    )
    # The file first: if the row is not written, the clean-up removes the file it finds without one.
    pending.file.save("upload", ContentFile(content), save=False)
    pending.full_clean()
    pending.save()
    return pending


def pending_import_take(*, pk, partnership, by) -> tuple[PendingImport, bytes] | None:
    """The waiting file `pk` and its bytes, removed from storage: used once. None when there is no such file for
    this user and partnership (another user's, another partnership's, expired, already taken, a made-up id) or
    its bytes are not the ones checked; the answer does not tell which."""
    try:
        pending = PendingImport.objects.usable(by=by, partnership=partnership).get(pk=pk)
    except (PendingImport.DoesNotExist, ValidationError):  # ValidationError: not a UUID at all
        return None
    # The claim: of two presses of the button (or two tabs), only one deletes the row.
    if not PendingImport.objects.filter(pk=pending.pk).delete()[0]:
        return None
    content = _read_and_remove(pending.file.storage, pending.file.name)
    if content is None or hashlib.sha256(content).hexdigest() != pending.sha256:
        logger.warning("Pending import %s: its file is missing or changed in storage; not imported.", pending.pk)
        return None
    return pending, content


def _read_and_remove(storage, name) -> bytes | None:
    try:
        with storage.open(name, "rb") as stored:
            content = stored.read()
    except FileNotFoundError:
        return None
    storage.delete(name)
    return content


def pending_imports_purge(*, now=None) -> int:
    """Remove the pending imports nobody confirmed in time, with their files, and files left without a row (its
    partnership or user deleted, or a crash between writing the file and the row). Returns how many rows went."""
    now = now or timezone.now()
    storage = private_storage()
    removed = 0
    for pk, name in PendingImport.objects.expired(now).values_list("pk", "file")[:1000]:
        if PendingImport.objects.filter(pk=pk).delete()[0]:  # not taken meanwhile by a late confirm
            storage.delete(name)
            removed += 1
    known = set(PendingImport.objects.values_list("file", flat=True))
    try:
        _folders, names = storage.listdir(FOLDER)
    except FileNotFoundError:
        return removed
    for filename in names:
        name = f"{FOLDER}/{filename}"
        # Only old ones: a young file may belong to an upload whose row is being written right now.
        if name not in known and storage.get_modified_time(name) < now - PendingImport.VALID_FOR:
            storage.delete(name)
    return removed


class ImportRefused(ValidationError):
    """The file has errors; nothing was written. Carries the preview with every row's errors."""

    def __init__(self, preview):
        super().__init__(_("Nothing was imported: the file has errors."))
        self.preview = preview


def stakeholders_import(*, partnership, by, kind, filename, content) -> spreadsheets.Preview:
    """Import a whole file, or nothing: the file is checked again inside the transaction (the registry may have
    changed since the preview) and written only if every row is valid. Rows already present are skipped."""
    with transaction.atomic():
        locked = _lock(partnership, by, "change")
        if not access.can_manage_registry(by):
            raise PermissionDenied(_("Only secretariat staff keep the organisation registry."))
        preview = spreadsheets.preview(partnership=locked, kind=kind, filename=filename, content=content, by=by)
        if not preview.valid:
            raise ImportRefused(preview)
        existing = Organisation.objects.in_bulk([r.organisation.pk for r in preview.rows if r.organisation])
        organisations = {}
        for row in preview.rows:
            if row.new_organisation is not None:
                org = Organisation(**row.new_organisation)
                org.full_clean()
                org.save()
                organisations[row.org_key] = org
            elif row.organisation is not None:
                organisations[row.org_key] = existing[row.organisation.pk]
            org = organisations[row.org_key]
            if row.skip or row.record is None:
                continue
            if kind == spreadsheets.ImportKind.CONTACTS:
                record = ContactPerson(organisation=org, **row.record)
            elif kind == spreadsheets.ImportKind.MEMBERS:
                record = Membership(partnership=locked, organisation=org, **row.record)
            else:
                fields = dict(row.record)
                if fields["country_id"] is None:
                    fields["country_id"] = org.country_id
                record = StakeholderMapEntry(partnership=locked, organisation=org, **fields)
            try:
                record.full_clean(validate_constraints=False)
            except ValidationError as exc:  # the check above should have caught it; never write half a file
                row.errors.extend(exc.messages)
                raise ImportRefused(preview) from exc
            record.save()
    return preview
