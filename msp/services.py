"""Writes of the core that span several rows or have side effects."""

from collections import defaultdict

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import access, notices, outbox, profiles, tasks
from .models import Delivery, Notification, Partnership, PartnershipRole, Role, person_name
from .notices import Channel, Notice, NoticeKind


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


def working_language(partnership) -> str:
    """The partnership's working language (its documents, and e-mails to people without an account)."""
    return getattr(partnership, "language", "") or settings.LANGUAGE_CODE


def _written(text):
    return text() if callable(text) else text


def notify(
    *,
    partnership,
    recipients,
    subject,
    body,
    link="",
    delivery=Delivery.NOW,
    attachments=(),
    kind=NoticeKind.OTHER,
    key="",
    day=None,
) -> list[Notification]:
    """Tell each recipient in the app (a Notice) and by e-mail as they chose for `kind` (msp.notices), and queue
    the e-mails' sending after commit. Returns the outbox rows written.

    Each recipient gets it in their language: the one on their profile, else the partnership's working language.
    `subject` and `body` are text, or functions of no argument that write it (`lambda: _("...") % {...}`): a
    function is called once per language, with that language active; plain text goes out as it is.
    With `key` (what it is about, e.g. "milestone:42"), a recipient who already has a notice of this kind about it
    on `day` (default today) gets nothing: a reminder job run twice a day reminds once.
    `delivery` is the e-mail's timing for those who chose nothing for `kind`.
    Call inside the transaction that records the event: notices and e-mails exist exactly when the event does.
    """
    day = day or notices.today()
    recipients = list({user.pk: user for user in recipients}.values())
    if key:
        already = set(
            Notice.objects.filter(recipient__in=[u.pk for u in recipients], kind=kind, key=key, day=day).values_list(
                "recipient_id", flat=True
            )
        )
        recipients = [user for user in recipients if user.pk not in already]
    chosen = profiles.user_languages(recipients)
    channels = notices.channels_for(recipients, kind)
    default = Channel.DAILY if delivery == Delivery.DAILY else Channel.NOW
    by_language = defaultdict(list)
    for user in recipients:
        by_language[chosen[user.pk] or working_language(partnership)].append(user)
    rows = []
    for language, users in by_language.items():
        with translation.override(language):
            subject_text, body_text = _written(subject), _written(body)
            told = [user for user in users if _notice_written(user, partnership, kind, key, day, subject_text, link)]
            for channel in (Channel.NOW, Channel.DAILY):
                to = [(user.email, user) for user in told if user.email and (channels[user.pk] or default) == channel]
                if to:
                    rows += outbox.write(
                        to=to,
                        partnership=partnership,
                        subject=subject_text,
                        body=body_text,
                        link=link,
                        language=language,
                        delivery=Delivery.NOW if channel == Channel.NOW else Delivery.DAILY,
                        attachments=attachments,
                    )
    queue_after_commit(rows)
    return rows


def _notice_written(user, partnership, kind, key, day, subject, link) -> bool:
    """Write one notice; False when a concurrent run wrote it first (the unique constraint on key and day)."""
    fields = dict(recipient=user, partnership=partnership, kind=kind, key=key, day=day, subject=subject[:200])
    if not key:
        Notice.objects.create(link=link, **fields)
        return True
    try:
        with transaction.atomic():
            Notice.objects.create(link=link, **fields)
    except IntegrityError:
        return False
    return True


def email_address(
    *, email, subject="", body="", link="", partnership=None, kind="", object_id=None, language=None
) -> Notification:
    """Put one e-mail to a bare address (someone without an account, e.g. an invited contact person) in the
    outbox and queue it after commit. With `kind`, the message is written at send time (see msp.outbox).
    It goes out in `language`, by default the partnership's working language; `subject` and `body` may be
    functions, as for notify()."""
    language = language or working_language(partnership)
    with translation.override(language):
        [row] = outbox.write(
            to=[(email, None)],
            subject=_written(subject),
            body=_written(body),
            link=link,
            partnership=partnership,
            kind=kind,
            object_id=object_id,
            language=language,
        )
    queue_after_commit([row])
    return row


def queue_after_commit(rows) -> None:
    ids = [row.pk for row in rows if row.delivery == Delivery.NOW]
    if ids:
        transaction.on_commit(lambda: tasks.queue_notifications(ids))


def notifications_retry(*, ids) -> list[int]:
    """Try failed e-mails again (admin action): a fresh set of attempts, queued after commit."""
    with transaction.atomic():
        retried = outbox.retry(ids)
        if retried:
            transaction.on_commit(lambda: tasks.queue_notifications(retried))
    return retried
