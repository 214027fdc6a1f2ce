"""A database made before the outbox keeps its e-mails: sent stay sent, pending ones are sent by the sweep."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from msp import tasks
from msp.models import Notification
from msp.models import NotificationStatus as Status

BEFORE = [("msp", "0002_iati_codelists"), ("stakeholders", "0003_map_entries_and_invitations")]
AFTER = None  # every app's latest migration: the outbox's, and whatever came after it


def empty_database():
    """The database as before its first migration: no table (nor, on PostgreSQL, function or trigger) left.

    Migrating forward from there to BEFORE takes a fraction of the time unapplying every later migration of every
    app takes (Django re-renders the models' states for each one), and it is what an old installation went through.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
            return
        cursor.execute("PRAGMA foreign_keys = OFF")
        try:
            for table in connection.introspection.table_names(cursor):
                cursor.execute(f"DROP TABLE {connection.ops.quote_name(table)}")
        finally:
            cursor.execute("PRAGMA foreign_keys = ON")


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_notifications_and_unsent_invitations_move_into_the_outbox(reference_data):
    empty_database()
    old = migrate(BEFORE)
    User = old.get_model("auth", "User")
    Partnership = old.get_model("msp", "Partnership")
    OldNotification = old.get_model("msp", "Notification")
    Organisation = old.get_model("stakeholders", "Organisation")
    Contact = old.get_model("stakeholders", "ContactPerson")
    OldInvitation = old.get_model("stakeholders", "Invitation")
    now = timezone.now()
    try:
        ama = User.objects.create(username="ama", email="ama@example.org")
        partnership = Partnership.objects.create(name="Cocoa", currency_id="EUR")
        OldNotification.objects.create(recipient=ama, partnership=partnership, subject="Sent", body="B", sent_at=now)
        OldNotification.objects.create(recipient=ama, partnership=partnership, subject="Waiting", body="B")
        OldNotification.objects.create(recipient=ama, partnership=partnership, subject="Gave up", body="B", attempts=8)
        contact = Contact.objects.create(
            organisation=Organisation.objects.create(name="Union"), name="Kofi", email="kofi@example.org"
        )
        later = now + timezone.timedelta(days=3)
        unsent = OldInvitation.objects.create(
            partnership=partnership,
            contact=contact,
            role="partner",
            email=contact.email,
            expires_at=later,
            last_error="SMTPServerDisconnected()",
        )
        OldInvitation.objects.create(
            partnership=partnership,
            contact=contact,
            role="partner",
            email=contact.email,
            expires_at=later,
            sent_at=now,
            send_count=1,
        )
        OldInvitation.objects.create(
            partnership=partnership,
            contact=contact,
            role="partner",
            email=contact.email,
            expires_at=later,
            revoked_at=now,
        )
    finally:
        migrate(AFTER)
        ContentType.objects.clear_cache()  # their table was made again: the ids the cache holds are gone

    assert {(n.subject, n.status, n.email) for n in Notification.objects.filter(kind="")} == {
        ("Sent", Status.SENT, "ama@example.org"),
        ("Waiting", Status.PENDING, "ama@example.org"),
        ("Gave up", Status.FAILED, "ama@example.org"),
    }
    [invitation_email] = Notification.objects.filter(kind="stakeholders.invitation")
    assert (invitation_email.object_id, invitation_email.email) == (unsent.pk, "kofi@example.org")
    assert invitation_email.last_error == "SMTPServerDisconnected()"

    assert tasks.send_pending_notifications.apply().get() == 2
    assert sorted(m.subject for m in mail.outbox) == ["Invitation to Cocoa", "Waiting"]
