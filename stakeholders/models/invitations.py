"""Invitations of contact persons to a partnership, and the signed links that accept them."""

import secrets

from django.conf import settings
from django.core import signing
from django.db import models
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext_lazy as _

from msp.models import Partnership, Role

from .registry import ContactPerson


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")


INVITATION_VALIDITY = timezone.timedelta(days=7)


def _nonce():
    return secrets.token_urlsafe(24)


class InvitationQuerySet(models.QuerySet):
    def open(self, now=None):
        """Invitations whose link still works: not accepted, not revoked, not expired."""
        now = now or timezone.now()
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now)


class Invitation(models.Model):
    """A contact person invited to a partnership as a partner or donor user.

    The link carries the invitation's id and `nonce`, signed with the secret key (see `token()`): a leaked
    database alone cannot forge a link, and resending draws a new nonce, which kills the old link. The e-mail goes
    through the outbox (msp.outbox, written at send time by stakeholders.emails); `sent_at` and `send_count` record
    when the latest link went out and how many e-mails were sent.
    """

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="invitations")
    contact = models.ForeignKey(ContactPerson, on_delete=models.CASCADE, related_name="invitations")
    role = models.CharField(
        _("role"), max_length=20, choices=[(Role.PARTNER, Role.PARTNER.label), (Role.DONOR, Role.DONOR.label)]
    )
    email = models.EmailField(_("sent to"))
    nonce = models.CharField(max_length=64, default=_nonce, editable=False)
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    expires_at = models.DateTimeField(_("expires"))
    sent_at = models.DateTimeField(_("e-mail sent"), null=True, blank=True)
    send_count = models.PositiveSmallIntegerField(default=0)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted by"),
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        indexes = [models.Index(fields=["partnership", "-created_at"], name="invitation_partnership_time")]

    def __str__(self):
        return f"{self.contact.name} → {self.partnership} ({self.get_role_display()})"

    def get_additional_data(self):
        return {"partnership": self.partnership_id}

    def status(self, now=None) -> InvitationStatus:
        if self.accepted_at:
            return InvitationStatus.ACCEPTED
        if self.revoked_at:
            return InvitationStatus.REVOKED
        if self.expires_at <= (now or timezone.now()):
            return InvitationStatus.EXPIRED
        return InvitationStatus.PENDING

    @property
    def current_status(self):
        return self.status()

    @property
    def is_open(self):
        return self.status() == InvitationStatus.PENDING

    def token(self) -> str:
        return signing.Signer(salt=TOKEN_SALT).sign(f"{self.pk}.{self.nonce}")

    @classmethod
    def from_token(cls, token):
        """(invitation, superseded) for the link's token. The invitation is None for a malformed or forged
        link; `superseded` is True when the link was genuine but a resend replaced it (it then grants nothing)."""
        try:
            value = signing.Signer(salt=TOKEN_SALT).unsign(token)
            pk, nonce = value.split(".", 1)
            invitation = cls.objects.select_related("partnership", "contact__organisation", "contact__user").get(
                pk=int(pk)
            )
        except (signing.BadSignature, ValueError, cls.DoesNotExist):
            return None, False
        if not constant_time_compare(invitation.nonce, nonce):
            return None, True
        return invitation, False


TOKEN_SALT = "stakeholders.invitation"
