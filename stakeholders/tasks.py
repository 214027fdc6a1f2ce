import logging
import smtplib

from celery import shared_task

from . import services

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=services.MAX_SEND_ATTEMPTS)
def send_invitation(self, invitation_id):
    """Send one invitation e-mail. Safe to run twice: the row is claimed before sending."""
    try:
        services.invitation_send(invitation_id=invitation_id)
    except (smtplib.SMTPException, OSError) as exc:
        if self.request.is_eager:
            # In-process mode: do not hold the request hostage to a flaky mail server; the sweep retries.
            logger.warning("Invitation %s not sent (%r); it stays pending.", invitation_id, exc)
            return
        raise self.retry(exc=exc, countdown=min(30 * 2**self.request.retries, 3600)) from exc


@shared_task
def send_pending_invitations():
    """The sweep (celery beat, every 10 minutes): sends the invitations the broker or the mail server let drop."""
    sent = 0
    for pk in services.pending_invitation_ids():
        try:
            sent += services.invitation_send(invitation_id=pk)
        except Exception:
            logger.exception("Invitation %s failed again; it stays pending.", pk)
    return sent


@shared_task
def purge_expired_imports():
    """The clean-up (celery beat, hourly): checked files nobody imported within the hour, and their rows."""
    return services.pending_imports_purge()
