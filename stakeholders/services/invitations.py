"""Invitations of contact persons to a partnership: created, resent, revoked and accepted once. The e-mail goes
through the outbox (stakeholders.emails writes it at send time)."""

from auditlog.context import set_actor
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from msp import outbox
from msp.models import PartnershipRole, Role
from msp.profiles import user_language
from msp.services import email_address, notify
from msp.text import in_sentence

from .. import emails
from ..models import MAX_INVITATION_DAYS, ContactPerson, Invitation
from .common import _lock


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
            "date": date_format(timezone.localtime(invitation.expires_at), "DATE_FORMAT")
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
                subject=lambda: (
                    _("%(name)s accepted your invitation to %(partnership)s")
                    % {"name": contact.name, "partnership": current.partnership.name}
                ),
                body=lambda: (
                    _("%(name)s (%(org)s) now has access to %(partnership)s as %(role)s.")
                    % {
                        "name": contact.name,
                        "org": contact.organisation.name,
                        "partnership": current.partnership.name,
                        "role": in_sentence(current.get_role_display()),
                    }
                ),
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
    # In the invitee's language when they already have an account and chose one, else in the partnership's
    # working language (email_address's default).
    email_address(
        language=user_language(invitation.contact.user),
        email=invitation.email,
        subject=lambda: emails.invitation_subject(invitation),
        partnership=invitation.partnership,
        kind=emails.INVITATION_EMAIL,
        object_id=invitation.pk,
    )
