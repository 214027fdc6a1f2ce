"""Writes of the core that span several rows or have side effects."""

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from . import access
from .models import Notification, Partnership, PartnershipRole, Role, person_name
from .text import one_line

logger = logging.getLogger(__name__)

# A claim older than this is considered abandoned (the worker died mid-send) and may be taken again.
CLAIM_TIMEOUT = timezone.timedelta(minutes=10)
MAX_ATTEMPTS = 8


class StaleEdit(ValidationError):
    """The record changed since the form was loaded; saving would silently undo someone else's edit."""


def _goals_with_targets(sdg_goals, sdg_targets):
    """A target implies its goal: keep the goal list complete so filtering by goal finds the partnership."""
    goals = {g.pk: g for g in sdg_goals}
    for target in sdg_targets:
        goals.setdefault(target.goal_id, target.goal)
    return list(goals.values())


def partnership_create(*, by, countries=(), sdg_goals=(), sdg_targets=(), **fields) -> Partnership:
    """Create a partnership in phase 1; its creator becomes its first secretariat member."""
    if not access.can_create_partnership(by):
        raise PermissionDenied(_("You may not create partnerships."))
    with transaction.atomic():
        partnership = Partnership(created_by=by, **fields)
        partnership.full_clean()
        partnership.save()
        partnership.countries.set(countries)
        partnership.sdg_targets.set(sdg_targets)
        partnership.sdg_goals.set(_goals_with_targets(sdg_goals, sdg_targets))
        PartnershipRole.objects.create(partnership=partnership, user=by, role=Role.SECRETARIAT, granted_by=by)
    return partnership


def partnership_update(
    *, partnership, by, revision, countries=(), sdg_goals=(), sdg_targets=(), **fields
) -> Partnership:
    """Save an edit made on `revision`. Refused with StaleEdit when someone saved in between."""
    with transaction.atomic():
        locked = Partnership.objects.select_for_update().get(pk=partnership.pk)
        access.require(by, "change", locked)
        if locked.revision != revision:
            raise StaleEdit(
                _(
                    "Someone else saved this partnership while you were editing it. Your changes are still "
                    "in the form: compare them with the current version below, then save again."
                )
            )
        for name, value in fields.items():
            setattr(locked, name, value)
        locked.revision = F("revision") + 1
        locked.full_clean(exclude=["revision"])
        locked.save()
        locked.countries.set(countries)
        locked.sdg_targets.set(sdg_targets)
        locked.sdg_goals.set(_goals_with_targets(sdg_goals, sdg_targets))
    locked.refresh_from_db()
    return locked


def partnership_archive(*, partnership, by) -> Partnership:
    """Archive a partnership no longer wanted: hidden from lists, read-only, restorable. Nothing is deleted.

    The change is in the activity feed (auditlog records `archived_at`/`archived_by` on the partnership)."""
    with transaction.atomic():
        locked = Partnership.objects.select_for_update().get(pk=partnership.pk)
        access.require(by, "archive", locked)
        if locked.archived_at is None:
            locked.archived_at, locked.archived_by = timezone.now(), by
            locked.save(update_fields=["archived_at", "archived_by", "updated_at"])
    return locked


def partnership_restore(*, partnership, by) -> Partnership:
    """Bring an archived partnership back, as it was when archived."""
    with transaction.atomic():
        locked = Partnership.objects.select_for_update().get(pk=partnership.pk)
        access.require(by, "archive", locked)
        if locked.archived_at is not None:
            locked.archived_at, locked.archived_by = None, None
            locked.save(update_fields=["archived_at", "archived_by", "updated_at"])
    return locked


def role_grant(*, partnership, user, role, by) -> PartnershipRole:
    """Give `user` `role` on the partnership, replacing a role they already hold there."""
    if role not in Role.values:
        raise ValidationError(_("Unknown role."))
    with transaction.atomic():
        locked = Partnership.objects.select_for_update().get(pk=partnership.pk)
        access.require(by, "manage_roles", locked)
        existing = PartnershipRole.objects.filter(partnership=locked, user=user).first()
        if existing and existing.role == Role.SECRETARIAT and role != Role.SECRETARIAT:
            _refuse_removing_last_secretariat(locked, existing)
        if existing:
            existing.role = role
            existing.granted_by = by
            existing.save(update_fields=["role", "granted_by"])
            return existing
        return PartnershipRole.objects.create(partnership=locked, user=user, role=role, granted_by=by)


def role_revoke(*, partnership_role, by) -> None:
    with transaction.atomic():
        locked = Partnership.objects.select_for_update().get(pk=partnership_role.partnership_id)
        access.require(by, "manage_roles", locked)
        if partnership_role.role == Role.SECRETARIAT:
            _refuse_removing_last_secretariat(locked, partnership_role)
        partnership_role.delete()


def _refuse_removing_last_secretariat(partnership, partnership_role):
    others = PartnershipRole.objects.filter(partnership=partnership, role=Role.SECRETARIAT).exclude(
        pk=partnership_role.pk
    )
    if not others.exists():
        raise ValidationError(
            _("%(user)s is the last secretariat member of this partnership; grant the role to someone else first.")
            % {"user": person_name(partnership_role.user)}
        )


def notify(*, partnership, recipients, subject, body, link="") -> list[Notification]:
    """Write one outbox row per recipient (with an e-mail address) and queue their sending after commit.

    Call inside the transaction that records the event: the e-mails exist exactly when the event does.
    """
    rows = Notification.objects.bulk_create(
        [
            Notification(recipient=user, partnership=partnership, subject=one_line(subject, 200), body=body, link=link)
            for user in recipients
            if user.email
        ]
    )
    ids = [row.pk for row in rows]
    if ids:
        transaction.on_commit(lambda: queue_notifications(ids))
    return rows


def queue_notifications(ids) -> None:
    """Hand the sending to Celery. A broker that is down loses nothing: the rows stay pending for the sweep."""
    from .tasks import send_notification

    for pk in ids:
        try:
            send_notification.delay(pk)
        except Exception:  # kombu raises several unrelated types for an unreachable broker
            logger.exception("Could not queue notification %s; the periodic sweep will send it.", pk)
            return


def notification_send(*, notification_id) -> bool:
    """Send one notification, at most once. Returns True when this call sent it.

    The row is claimed with a conditional UPDATE, so two workers (or a retried task) never both send it;
    the mail server is talked to outside any transaction.
    """
    now = timezone.now()
    claimed = (
        Notification.objects.filter(pk=notification_id, sent_at__isnull=True)
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_TIMEOUT))
        .update(claimed_at=now, attempts=F("attempts") + 1)
    )
    if not claimed:
        return False
    notification = Notification.objects.select_related("recipient").get(pk=notification_id)
    body = notification.body
    if notification.link:
        body = f"{body}\n\n{settings.SITE_URL}{notification.link}"
    try:
        send_mail(one_line(notification.subject), body, None, [notification.recipient.email])
    except Exception as exc:
        Notification.objects.filter(pk=notification_id).update(claimed_at=None, last_error=repr(exc)[:2000])
        raise
    Notification.objects.filter(pk=notification_id).update(sent_at=timezone.now(), last_error="")
    return True


SWEEP_GRACE = timezone.timedelta(minutes=5)


def pending_notification_ids(*, older_than=SWEEP_GRACE):
    """Notifications that should have gone out by now: never queued (broker down) or out of retries."""
    now = timezone.now()
    return list(
        Notification.objects.filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS, created_at__lt=now - older_than)
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_TIMEOUT))
        .values_list("pk", flat=True)[:500]
    )
