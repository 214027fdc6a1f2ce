"""The invitation e-mail, written by the outbox at send time (registered in apps.py).

The link is never stored: it is signed from the invitation's current nonce when the e-mail is sent, so a leaked
outbox cannot be used to accept, and a link that was revoked or replaced by a resend never goes out.
"""

from django.conf import settings
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from msp.models import person_name
from msp.outbox import Rendered
from msp.text import in_sentence, one_line

from .models import Invitation

INVITATION_EMAIL = "stakeholders.invitation"


def invitation_link(invitation) -> str:
    return settings.SITE_URL + reverse("invitation_accept", kwargs={"token": invitation.token()})


def invitation_subject(invitation) -> str:
    return one_line(_("Invitation to %(partnership)s") % {"partnership": invitation.partnership.name})


def invitation_message(row) -> Rendered | None:
    """The e-mail for the outbox row, or None when the invitation's link no longer works (nothing to send)."""
    invitation = (
        Invitation.objects.select_related("partnership", "contact__organisation", "created_by")
        .filter(pk=row.object_id)
        .first()
    )
    if invitation is None or not invitation.is_open:
        return None
    body = _(
        "Dear %(name)s,\n\n"
        "%(who)s invites you to %(partnership)s on MSP Manager, as a %(role)s for %(org)s. There you see the "
        "partnership's members, plans and agreements, on equal terms with every partner.\n\n"
        "Follow this link to set your password and sign in:\n%(link)s\n\n"
        "The link works once and expires on %(date)s. If you did not expect this e-mail, ignore it."
    ) % {
        "name": invitation.contact.name,
        "who": person_name(invitation.created_by, default=_("The secretariat")),
        "partnership": invitation.partnership.name,
        "role": in_sentence(invitation.get_role_display()),
        "org": invitation.contact.organisation.name,
        "link": invitation_link(invitation),
        "date": date_format(timezone.localtime(invitation.expires_at), "DATE_FORMAT"),
    }
    return Rendered(subject=invitation_subject(invitation), body=body)


def invitation_sent(row) -> None:
    """Shown on the invitations list: when the (latest) link went out, and how many e-mails were sent."""
    Invitation.objects.filter(pk=row.object_id).update(sent_at=timezone.now(), send_count=F("send_count") + 1)
