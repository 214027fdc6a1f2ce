"""What roadmap and MoU versions share: the draft rule (a version and its parts change only while it is a draft),
the bases of versions, parts, comments, approvals and parties, and how an approval or signature given outside the
app is recorded."""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from msp.models import Partnership
from msp.records import AppendOnlyModel
from msp.storage import private_storage
from msp.text import in_sentence
from stakeholders.models import Organisation

# The one status in which a version, and every part of it, may change (VersionBase.require_draft).
DRAFT = "draft"


class FrozenVersion(ValidationError):
    """An edit of a version (or of its parts) that is no longer a draft. The one message for it, on every path."""

    def __init__(self, message=None, *, version=None):
        if message is None and version is not None:
            message = _(
                "Version %(n)d is %(status)s and can no longer be changed. Start a new version to make changes."
            ) % {"n": version.number, "status": in_sentence(version.get_status_display())}
        super().__init__(
            message
            or _("This version is no longer a draft and can no longer be changed. Start a new version to make changes.")
        )


def content_hash(*parts):
    """A short hash of what an edit form showed, to notice that someone else saved in between."""
    return hashlib.sha256("\x1f".join(str(p).replace("\r\n", "\n") for p in parts).encode("utf-8")).hexdigest()[:16]


def _partnership_of_version(obj):
    """The partnership id of a row that belongs to a version, for the activity feed (auditlog asks for it).

    Without a query when the version is loaded; and without failing while a partnership is deleted, when the
    version row may be gone before its parts are.
    """
    field = type(obj)._meta.get_field("version")
    if field.is_cached(obj):
        return obj.version.partnership_id
    return field.related_model.objects.filter(pk=obj.version_id).values_list("partnership_id", flat=True).first()


class DraftOnlyQuerySet(models.QuerySet):
    """Bulk writes on parts of versions: refused when any row belongs to a version that is no longer a draft."""

    draft_lookup = "version__status"

    def _refuse_frozen(self):
        if self.exclude(**{self.draft_lookup: DRAFT}).exists():
            raise FrozenVersion()

    def update(self, **kwargs):
        self._refuse_frozen()
        return super().update(**kwargs)

    def delete(self):
        self._refuse_frozen()
        return super().delete()

    delete.queryset_only = True


class VersionPart(models.Model):
    """A row that belongs to a version and may change only while the version is a draft."""

    objects = DraftOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self._check_draft()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._check_draft()
        return super().delete(*args, **kwargs)

    def _check_draft(self):
        # Read the status from the database, not from a possibly stale `self.version`: a version sent in the
        # meantime must not take an edit.
        version_model = type(self)._meta.get_field("version").related_model
        version = version_model.objects.filter(pk=self.version_id).only("number", "status").first()
        if version is None:
            raise FrozenVersion()
        version.require_draft()

    def get_additional_data(self):
        return {"partnership": _partnership_of_version(self)}


class VersionBase(models.Model):
    """What roadmap and MoU versions share: numbering per partnership, the status machine, the freeze."""

    DRAFT = DRAFT
    # status -> statuses it may move to. Subclasses fill it in; `move_to` is the only way status changes.
    TRANSITIONS: dict[str, set[str]] = {}
    # Fields that are the content of the version: frozen once it is not a draft.
    CONTENT_FIELDS: tuple[str, ...] = ()

    # PROTECT: versions are the partnership's agreements; a partnership that has them is archived, not deleted.
    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="+")
    number = models.PositiveIntegerField(_("version"))
    change_note = models.TextField(
        _("what changed"), blank=True, help_text=_("In a sentence or two: what this version changes, and why.")
    )
    created_at = models.DateTimeField(pgettext_lazy("date of a record", "created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent for review"), null=True, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.kind_label} v{self.number} – {self.partnership}"

    def save(self, *args, **kwargs):
        if not self._state.adding and self.pk:
            stored = type(self).objects.filter(pk=self.pk).values("status", *self.CONTENT_FIELDS).first()
            if stored and stored["status"] != self.DRAFT:
                changed = [f for f in self.CONTENT_FIELDS if stored[f] != getattr(self, f)]
                if changed:
                    raise FrozenVersion()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if type(self).objects.filter(pk=self.pk).exclude(status=self.DRAFT).exists():
            raise FrozenVersion(_("Only a draft can be discarded; a version that was sent stays on record."))
        return super().delete(*args, **kwargs)

    @property
    def is_draft(self):
        return self.status == self.DRAFT

    def require_draft(self):
        """Refuse (FrozenVersion) unless this version is a draft: the rule every edit path calls.

        Services call it on the row they locked, so the status is the current one."""
        if not self.is_draft:
            raise FrozenVersion(version=self)

    def move_problem(self, to):
        """Why the version may not move to status `to` now, or None."""
        labels = dict(self.Status.choices)
        if to not in labels:
            return _("There is no status “%(to)s”.") % {"to": to}
        if to not in self.TRANSITIONS.get(self.status, set()):
            return _("A version that is %(from)s cannot become %(to)s.") % {
                "from": in_sentence(labels[self.status]),
                "to": in_sentence(labels[to]),
            }
        return None

    def move_to(self, to):
        """Change the status in memory, refusing a move the status machine does not have. The caller saves."""
        problem = self.move_problem(to)
        if problem:
            raise ValidationError(problem)
        self.status = to

    def get_additional_data(self):
        return {"partnership": self.partnership_id}


class CommentBase(models.Model):
    """A remark on a version, by a member of the partnership. Replies hang off a thread's first comment.

    `organisation` is the organisation the author acted for when writing (empty for the secretariat).
    """

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.body[:60]

    @property
    def is_resolved(self):
        return self.resolved_at is not None

    def get_additional_data(self):
        return {"partnership": _partnership_of_version(self)}


class Method(models.TextChoices):
    """How an approval or a signature was given: in the app, or outside it and recorded by the secretariat."""

    ONLINE = "online", _("online")
    PAPER = "paper", _("on paper")
    EMAIL = "email", _("by e-mail")


EVIDENCE_UPLOAD_TO = "agreement-evidence/"


class RecordedOffline(models.Model):
    """What an approval or signature given outside the app carries: how, the evidence, who recorded it.

    `evidence` is the scanned page, letter or message (PDF or image), in private storage like the signed scan.
    """

    method = models.CharField(_("given"), max_length=10, choices=Method.choices, default=Method.ONLINE)
    evidence = models.FileField(_("evidence"), storage=private_storage, upload_to=EVIDENCE_UPLOAD_TO, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        abstract = True

    @property
    def is_offline(self):
        return self.method != Method.ONLINE


class ApprovalBase(AppendOnlyModel, RecordedOffline):
    """One organisation's approval of a version, given by one of its people (online: `by`; on paper or by e-mail:
    `approver_name`, recorded by the secretariat with the evidence). Append-only."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    approver_name = models.CharField(_("approved by"), max_length=200, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.organisation} approved {self.version}"

    def get_additional_data(self):
        return {"partnership": _partnership_of_version(self)}


class PartyBase(models.Model):
    """An organisation that is a party to a version: asked to approve or sign it.

    Written when the version is sent (for review: who approves; for signature: who signs) from the active members
    of that day, and read by every count, page and PDF of the version from then on, so members joining or leaving
    later do not change what was agreed. The secretariat may add a member that joined while the version awaits
    approval or signature, or remove a party that left before acting (see services.party_add/party_remove).

    Not an append-only record (msp.records): a party is the list of who is asked, which the secretariat keeps
    right while the version awaits; what a party did is its approval or signature, and those are append-only.
    Adding or removing one is in the activity feed (auditlog), which is append-only itself, so the list's history
    is never lost. Removing a party that has acted is refused by the service.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Empty for the parties fixed when the version was sent; says why for one added later.
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        abstract = True
        ordering = ["organisation__name", "pk"]

    def __str__(self):
        return f"{self.organisation} – {self.version}"

    def get_additional_data(self):
        return {"partnership": _partnership_of_version(self)}
