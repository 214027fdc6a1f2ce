"""In-app notifications: what happened that a person should know or act on, one `Notice` per person and event.

`msp.services.notify()` writes them, in the event's transaction, and beside each notice the e-mail (msp.outbox)
the person's preference for that kind asks for: at once, in the daily digest, or none (in the app only).
A notice carries a `key` (what it is about, e.g. "milestone:42") and its `day`: one person gets at most one notice
of a kind about the same thing on the same day, enforced by a unique constraint, so a reminder job that runs twice
sends nothing twice. The unread count in the header is fetched by htmx after the page has loaded, so a page's own
queries do not depend on it.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NoticeKind(models.TextChoices):
    REVIEW = "review", _("A version awaits your review")
    SIGNATURE = "signature", _("A version awaits your signature")
    DECISION = "decision", _("A decision awaits your position")
    HEALTH_CHECK = "health_check", _("A health-check round is open")
    DATA_DUE = "data_due", _("Indicator data falls due")
    MILESTONE_OVERDUE = "milestone_overdue", _("A milestone is overdue")
    REPORT = "report", _("A report was released")
    PHASE = "phase", _("The partnership changed phase")
    MEETING = "meeting", _("A meeting was scheduled or moved")
    OTHER = "other", _("Other updates")


class Channel(models.TextChoices):
    NOW = "now", _("E-mail at once")
    DAILY = "daily", _("Daily digest e-mail")
    APP = "app", _("In the app only")


def today():
    return timezone.localdate()


class Notice(models.Model):
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices")
    partnership = models.ForeignKey(
        "msp.Partnership", on_delete=models.CASCADE, null=True, blank=True, related_name="notices"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=NoticeKind.choices, default=NoticeKind.OTHER)
    # What the notice is about ("<record>:<id>", or "" for a one-off): with `day`, at most one notice per person.
    key = models.CharField(max_length=100, blank=True)
    day = models.DateField(default=today)
    subject = models.CharField(_("subject"), max_length=200)
    link = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "key", "day"],
                condition=~models.Q(key=""),
                name="notice_once_per_thing_and_day",
            )
        ]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notice_unread")]

    def __str__(self):
        return self.subject


class NoticePreference(models.Model):
    """How a person wants one kind of notice delivered; without a row, the kind's default (e-mail at once)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_preferences")
    kind = models.CharField(_("kind"), max_length=20, choices=NoticeKind.choices)
    channel = models.CharField(_("delivery"), max_length=10, choices=Channel.choices, default=Channel.NOW)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="notice_preference_once")]

    def __str__(self):
        return f"{self.user} · {self.kind}: {self.channel}"


def channels_for(users, kind) -> dict:
    """user id -> the Channel chosen for `kind`, or "" where the user chose nothing; in one query."""
    chosen = dict(
        NoticePreference.objects.filter(user__in=[u.pk for u in users], kind=kind).values_list("user_id", "channel")
    )
    return {u.pk: chosen.get(u.pk, "") for u in users}
