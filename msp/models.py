"""The core: reference data, the partnership, who holds which role on it, the audit trail, notifications."""

from auditlog.models import AbstractLogEntry, LogEntryManager
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .codelists import CodelistQuerySet, Country, Currency, SdgGoal, SdgTarget  # noqa: F401
from .records import AppendOnlyError, AppendOnlyQuerySet


def person_name(user, default=""):
    """How the app names a person: full name, else username; `default` when there is nobody."""
    if user is None:
        return default
    return user.get_full_name() or user.get_username()


class Phase(models.IntegerChoices):
    """The four phases of the seed."""

    INITIATION = 1, _("Initiation")
    DESIGN = 2, _("Design")
    IMPLEMENTATION = 3, _("Implementation")
    FURTHER_DEVELOPMENT = 4, _("Further development")


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("Secretariat")
    PARTNER = "partner", _("Partner")
    DONOR = "donor", _("Donor")


class BackwardReason(models.TextChoices):
    """Why a partnership goes back to planning (the seed names the first three)."""

    CONDITIONS_CHANGED = "conditions_changed", _("Conditions have changed")
    KEY_PARTNERS_MISSING = "key_partners_missing", _("Key partners are missing")
    RESULTS_CHAIN = "results_chain", _("Results chains are not working")
    OTHER = "other", _("Other")


class PartnershipFit(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    UNSURE = "unsure", _("Unsure")


class Partnership(models.Model):
    name = models.CharField(_("name"), max_length=200)
    problem_statement = models.TextField(
        _("problem statement"),
        blank=True,
        help_text=_("The problem the partnership wants to solve, in detail."),
    )
    planned_approach = models.TextField(_("planned approach"), blank=True)
    partnership_fit = models.CharField(
        _("can a partnership deal with this effectively?"),
        max_length=10,
        choices=PartnershipFit.choices,
        blank=True,
    )
    fit_rationale = models.TextField(_("rationale"), blank=True)
    vision = models.TextField(_("vision"), blank=True)
    countries = models.ManyToManyField(Country, blank=True, related_name="partnerships", verbose_name=_("countries"))
    sdg_goals = models.ManyToManyField(SdgGoal, blank=True, related_name="partnerships", verbose_name=_("SDG goals"))
    sdg_targets = models.ManyToManyField(
        SdgTarget, blank=True, related_name="partnerships", verbose_name=_("SDG targets")
    )
    currency = models.ForeignKey(
        Currency, on_delete=models.PROTECT, default="EUR", verbose_name=_("reporting currency")
    )
    # The language its documents are written and stored in (the MoU PDF's reference copy, later reports and IATI
    # narratives) and its e-mails to people without an account. The interface follows each reader instead.
    language = models.CharField(
        _("working language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of its agreements and reports, and of e-mails to people without an account."),
    )
    phase = models.PositiveSmallIntegerField(_("phase"), choices=Phase.choices, default=Phase.INITIATION)
    phase_since = models.DateTimeField(_("in this phase since"), default=timezone.now)
    # Optimistic lock for edit forms: a save based on an older revision is refused, so no edit is lost silently.
    revision = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # A partnership no longer wanted is archived, never deleted with its records: hidden from lists, read-only
    # (msp.access refuses every change), restorable. See services.partnership_archive / partnership_restore.
    # Editable in the model's sense (so the activity feed shows the change); no form offers them (see the admin).
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("archived by"),
    )

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        constraints = [
            models.CheckConstraint(condition=Q(phase__gte=1, phase__lte=4), name="partnership_phase_1_to_4"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("msp:dashboard", kwargs={"partnership_pk": self.pk})

    def get_additional_data(self):
        """Read by auditlog: files this record's changes under the partnership's activity feed."""
        return {"partnership": self.pk}

    @property
    def is_archived(self):
        return self.archived_at is not None

    @property
    def next_phase(self):
        return Phase(self.phase + 1) if self.phase < Phase.FURTHER_DEVELOPMENT else None

    @property
    def backward_targets(self):
        """Phases one may go back to: 1 or 2, and only ones before the current phase."""
        return [p for p in (Phase.INITIATION, Phase.DESIGN) if p < self.phase]

    def move_problem(self, to, *, reason=""):
        """Why moving to phase `to` is not allowed, or None when it is (the gate is checked separately)."""
        try:
            number = int(to)
        except (TypeError, ValueError):
            return _("There is no phase %(to)s.") % {"to": to}
        if number > self.phase and self.phase == Phase.FURTHER_DEVELOPMENT:
            return _("Phase 4 (Further development) is the last phase; there is no phase after it.")
        if number not in Phase.values:
            return _("There is no phase %(to)s.") % {"to": to}
        to = Phase(number)
        if to == self.phase:
            return _("The partnership is already in phase %(n)d (%(name)s).") % {"n": to, "name": to.label}
        if to > self.phase:
            if to != self.phase + 1:
                return _("Phases cannot be skipped: from phase %(n)d the next phase is %(next)d (%(name)s).") % {
                    "n": self.phase,
                    "next": self.phase + 1,
                    "name": Phase(self.phase + 1).label,
                }
            return None
        if to not in (Phase.INITIATION, Phase.DESIGN):
            return _("A partnership can only go back to phase 1 (Initiation) or 2 (Design).")
        if reason not in BackwardReason.values:
            return _("Going back to an earlier phase needs a reason.")
        return None

    def can_move_to(self, to, *, reason=""):
        return self.move_problem(to, reason=reason) is None


class PartnershipRole(models.Model):
    """A user's role on one partnership. Access to a partnership is exactly the set of these (plus superusers)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="roles")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partnership_roles")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    granted_at = models.DateTimeField(_("granted"), auto_now_add=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["role", "user__last_name", "user__first_name", "user__username"]
        verbose_name = _("partnership role")
        verbose_name_plural = _("partnership roles")
        constraints = [
            models.UniqueConstraint(fields=["partnership", "user"], name="one_role_per_user_and_partnership"),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} – {self.partnership}"

    def get_additional_data(self):
        return {"partnership": self.partnership_id}


class ActivityEntry(AbstractLogEntry):
    """auditlog's log entry, filed under the partnership it belongs to (swapped in by AUDITLOG_LOGENTRY_MODEL).

    Append-only (msp.records): written once, never changed or deleted, so `auditlogflush` is refused too.

    The partnership link is a plain indexed column without a database constraint: the audit trail must outlive
    the rows it describes, including a deleted partnership, and entries are written while a cascade deletes.
    """

    partnership = models.ForeignKey(
        Partnership,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = LogEntryManager.from_queryset(AppendOnlyQuerySet)()

    class Meta(AbstractLogEntry.Meta):
        verbose_name = _("activity entry")
        verbose_name_plural = _("activity entries")
        indexes = [models.Index(fields=["partnership", "-timestamp"], name="activity_partnership_time")]

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(type(self))

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(type(self))
        if self.partnership_id is None and self.additional_data:
            self.partnership_id = self.additional_data.get("partnership")
        super().save(*args, **kwargs)


def site_language():
    return settings.LANGUAGE_CODE


class NotificationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")  # gave up after MAX_ATTEMPTS (msp.outbox)
    CANCELLED = "cancelled", _("Cancelled")  # what it was about is gone (e.g. the invitation was revoked)
    DIGESTED = "digested", _("Sent in a digest")


class Delivery(models.TextChoices):
    NOW = "now", _("Now")
    DAILY = "daily", _("In the daily digest")


class Notification(models.Model):
    """The outbox: one e-mail to one address (a user's, or a bare address for someone without an account).

    The row is written in the same transaction as the event it reports and sent after commit by a task, one task
    per row (msp.outbox.send, claimed with a conditional UPDATE, so at most once). A broker or mail-server failure
    loses nothing: the row stays pending and the sweep queues it again at `next_attempt_at`, up to MAX_ATTEMPTS.
    Either the text is stored (`subject`, `body`, `link`), or `kind` names a renderer that writes the message at
    send time from the record `object_id` (an invitation: its link is never stored, and a revoked or re-sent link
    never goes out). It is rendered and sent in `language`.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="notifications"
    )
    email = models.EmailField(pgettext_lazy("e-mail recipient", "to"))
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, null=True, blank=True, related_name="notifications"
    )
    subject = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    link = models.CharField(max_length=500, blank=True)
    kind = models.CharField(max_length=50, blank=True)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    language = models.CharField(max_length=10, default=site_language)
    delivery = models.CharField(max_length=10, choices=Delivery.choices, default=Delivery.NOW)
    digest = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="items", editable=False
    )
    status = models.CharField(max_length=10, choices=NotificationStatus.choices, default=NotificationStatus.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outbox")
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="notification_due"),
            models.Index(fields=["kind", "object_id"], name="notification_about"),
        ]

    def __str__(self):
        return f"{self.subject} → {self.email}"


class NotificationAttachment(models.Model):
    """A file sent with an outbox row (e.g. a calendar invitation). Kept in the database, so it exists exactly
    when its row does (file storage is not transactional)."""

    notification = models.ForeignKey(Notification, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(max_length=200)
    mimetype = models.CharField(max_length=100)
    content = models.BinaryField()

    def __str__(self):
        return self.filename


# Stored documents (rendered PDFs kept with their hash) live beside the service that writes them; a user's
# profile (their interface language) beside the middleware that reads it.
from .documents import StoredDocument  # noqa: E402, F401
from .notices import Notice, NoticePreference  # noqa: E402, F401
from .profiles import Profile  # noqa: E402, F401
