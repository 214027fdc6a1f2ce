from django.conf import settings
from django.db import migrations
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone


def fill_outbox_fields(apps, schema_editor):
    """Existing notifications become outbox rows: addressed to their recipient's current address, with the
    status their columns imply (8 attempts was the old limit), pending ones due at once for the sweep."""
    Notification = apps.get_model("msp", "Notification")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    Notification.objects.update(
        email=Coalesce(Subquery(User.objects.filter(pk=OuterRef("recipient_id")).values("email")[:1]), Value(""))
    )
    Notification.objects.filter(sent_at__isnull=False).update(status="sent")
    Notification.objects.filter(sent_at__isnull=True, attempts__gte=8).update(status="failed")
    Notification.objects.filter(status="pending", email="").update(status="cancelled")
    Notification.objects.filter(status="pending").update(next_attempt_at=timezone.now())


class Migration(migrations.Migration):
    # Separate from the schema change: PostgreSQL refuses the deferred index creation of 0003 in a transaction
    # that has updated the table.
    dependencies = [("msp", "0003_outbox")]

    operations = [migrations.RunPython(fill_outbox_fields, migrations.RunPython.noop)]
