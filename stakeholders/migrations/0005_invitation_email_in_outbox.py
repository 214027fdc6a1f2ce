from django.conf import settings
from django.db import migrations
from django.utils import timezone


def queue_unsent_invitations(apps, schema_editor):
    """The e-mails of open invitations not sent yet move into the outbox (due at once, for the sweep); the
    invitation keeps its own state. Their text is written at send time (stakeholders.emails)."""
    Invitation = apps.get_model("stakeholders", "Invitation")
    Notification = apps.get_model("msp", "Notification")
    now = timezone.now()
    unsent = Invitation.objects.filter(
        accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now, sent_at__isnull=True
    ).select_related("partnership")
    Notification.objects.bulk_create(
        [
            Notification(
                email=invitation.email,
                partnership_id=invitation.partnership_id,
                subject=f"Invitation to {invitation.partnership.name}"[:200],
                kind="stakeholders.invitation",
                object_id=invitation.pk,
                language=settings.LANGUAGE_CODE,
                next_attempt_at=now,
                last_error=invitation.last_error,
            )
            for invitation in unsent
        ]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("msp", "0004_outbox_fill"),
        ("stakeholders", "0004_pending_imports"),
    ]

    operations = [
        # Before the columns go: last_error travels with the e-mail.
        migrations.RunPython(queue_unsent_invitations, migrations.RunPython.noop),
        migrations.RemoveField(model_name="invitation", name="last_error"),
        migrations.RemoveField(model_name="invitation", name="send_claimed_at"),
    ]
