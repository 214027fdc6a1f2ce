"""The roadmap (vision, goals, results chain, milestones) and the memorandum of understanding, in versions.

Both are agreed in versions that the secretariat drafts and partners review, approve and (the MoU) sign for their
organisation. A version is editable only while it is a draft; once sent (for review, approval or signature) it is
frozen, and changes make a new version, which starts as a copy of the last one. The freeze holds on every path:
services check the status under a row lock, model `save`/`delete` and queryset `update`/`delete` refuse, and the
admin shows frozen versions read-only.

Results-chain nodes and clauses carry a `key` that is copied into the next version, so a node or clause can be
followed across versions (the MoU comparison matches clauses by it; indicators and budget lines can point at a
node's key and find its current wording).
"""

import hashlib
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from msp.models import Partnership
from msp.records import AppendOnlyError, AppendOnlyModel  # noqa: F401 (AppendOnlyError: re-exported)
from stakeholders.models import Organisation

# The one status in which a version, and every part of it, may change (VersionBase.require_draft).
DRAFT = "draft"


class FrozenVersion(ValidationError):
    """An edit of a version (or of its parts) that is no longer a draft. The one message for it, on every path."""

    def __init__(self, message=None, *, version=None):
        if message is None and version is not None:
            message = _(
                "Version %(n)d is %(status)s and can no longer be changed. Start a new version to make changes."
            ) % {"n": version.number, "status": version.get_status_display().lower()}
        super().__init__(
            message
            or _("This version is no longer a draft and can no longer be changed. Start a new version to make changes.")
        )


class PrivateStorage(FileSystemStorage):
    """Files only views may serve, after checking access: kept outside MEDIA_ROOT, so no media URL reaches them.

    The location is read from settings on each use (tests point it at a temporary folder).
    """

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    def url(self, name):
        raise NotImplementedError("Private files have no URL; a view serves them after an access check.")


def private_storage():
    return PrivateStorage()


# --- shared pieces ---------------------------------------------------------------------------------------------


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
    created_at = models.DateTimeField(_("created"), default=timezone.now)
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
                "from": labels[self.status].lower(),
                "to": labels[to].lower(),
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


# --- roadmap ---------------------------------------------------------------------------------------------------


class RoadmapVersion(VersionBase):
    """One version of the partnership's common roadmap.

    draft → in review (the secretariat sends it; partners are e-mailed) → approved (automatically, when every
    active member organisation has approved). The approved version is the current roadmap; approving a newer one
    supersedes it, and sending a newer one for review supersedes an older one still in review.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        APPROVED = "approved", _("Approved")
        SUPERSEDED = "superseded", _("Superseded")

    TRANSITIONS = {
        Status.DRAFT: {Status.IN_REVIEW},
        Status.IN_REVIEW: {Status.APPROVED, Status.SUPERSEDED},
        Status.APPROVED: {Status.SUPERSEDED},
        Status.SUPERSEDED: set(),
    }
    CONTENT_FIELDS = ("problem_statement", "vision", "change_note")
    kind_label = _("Roadmap")

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    problem_statement = models.TextField(_("problem statement"), blank=True)
    vision = models.TextField(_("vision"), blank=True)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    superseded_at = models.DateTimeField(_("superseded"), null=True, blank=True)

    class Meta:
        ordering = ["partnership", "-number"]
        verbose_name = _("roadmap version")
        verbose_name_plural = _("roadmap versions")
        constraints = [
            models.UniqueConstraint(fields=["partnership", "number"], name="roadmap_version_number"),
            # One draft and one approved (the current roadmap) at a time.
            models.UniqueConstraint(fields=["partnership"], condition=Q(status=DRAFT), name="one_roadmap_draft"),
            models.UniqueConstraint(
                fields=["partnership"], condition=Q(status="approved"), name="one_approved_roadmap"
            ),
        ]

    def get_absolute_url(self):
        return reverse(
            "governance:roadmap_version", kwargs={"partnership_pk": self.partnership_id, "number": self.number}
        )

    @property
    def content_hash(self):
        return content_hash(self.problem_statement, self.vision, self.change_note, *(g.text for g in self.goals.all()))


class RoadmapGoal(VersionPart):
    version = models.ForeignKey(RoadmapVersion, on_delete=models.CASCADE, related_name="goals")
    position = models.PositiveIntegerField(default=0)
    text = models.TextField(_("goal"))

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("common goal")
        verbose_name_plural = _("common goals")

    def __str__(self):
        return self.text[:80]


class Level(models.TextChoices):
    """Levels of the results chain, from the top."""

    IMPACT = "impact", _("Impact")
    OUTCOME = "outcome", _("Outcome")
    OUTPUT = "output", _("Output")
    ACTIVITY = "activity", _("Activity")


LEVEL_ORDER = [Level.IMPACT, Level.OUTCOME, Level.OUTPUT, Level.ACTIVITY]


def parent_level(level):
    """The level a node of `level` hangs under, or None for impacts."""
    index = LEVEL_ORDER.index(level)
    return LEVEL_ORDER[index - 1] if index else None


class ResultNode(VersionPart):
    """A node of the results chain: an impact, outcome, output or activity, owned by a member organisation."""

    version = models.ForeignKey(RoadmapVersion, on_delete=models.CASCADE, related_name="nodes")
    key = models.UUIDField(default=uuid.uuid4, editable=False, help_text="The same node across versions.")
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        # RESTRICT, not PROTECT: a node with children cannot be deleted alone, but discarding the whole draft
        # (which deletes both) can.
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("contributes to"),
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner organisation"),
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("results-chain node")
        verbose_name_plural = _("results-chain nodes")
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="result_node_key_once_per_version"),
        ]

    def __str__(self):
        return f"{self.get_level_display()}: {self.title}"

    def clean(self):
        expected = parent_level(self.level) if self.level in Level.values else None
        if self.parent_id is None:
            if expected is not None:
                raise ValidationError(
                    {
                        "parent": _("An %(level)s contributes to an %(parent)s: choose which one.")
                        % {"level": Level(self.level).label.lower(), "parent": Level(expected).label.lower()}
                    }
                )
            return
        if self.parent.version_id != self.version_id:
            raise ValidationError({"parent": _("The parent must belong to the same roadmap version.")})
        if expected is None:
            raise ValidationError({"parent": _("An impact is the top of the chain and has no parent.")})
        if self.parent.level != expected:
            raise ValidationError(
                {
                    "parent": _("An %(level)s contributes to an %(parent)s, not to an %(other)s.")
                    % {
                        "level": Level(self.level).label.lower(),
                        "parent": Level(expected).label.lower(),
                        "other": self.parent.get_level_display().lower(),
                    }
                }
            )


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DELAYED = "delayed", _("Delayed")
    CANCELLED = "cancelled", _("Cancelled")


class Milestone(VersionPart):
    """A dated step of the roadmap, optionally tied to a node of the results chain.

    Title, due date, owner and node are part of the agreed roadmap and freeze with it. Progress (status and
    done date) is reported on the current roadmap as work goes on: the only change a sent version accepts.
    """

    PROGRESS_FIELDS = {"status", "done_on"}

    version = models.ForeignKey(RoadmapVersion, on_delete=models.CASCADE, related_name="milestones")
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    title = models.CharField(_("title"), max_length=300)
    due_on = models.DateField(_("due"))
    owner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner organisation"),
    )
    node = models.ForeignKey(
        ResultNode,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestones",
        verbose_name=_("results-chain node"),
    )
    status = models.CharField(_("status"), max_length=20, choices=MilestoneStatus.choices, default="planned")
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and set(update_fields) <= self.PROGRESS_FIELDS:
            models.Model.save(self, *args, **kwargs)  # progress: allowed on a sent version
            return
        super().save(*args, **kwargs)

    def clean(self):
        if self.node_id and self.node.version_id != self.version_id:
            raise ValidationError({"node": _("The node must belong to the same roadmap version.")})
        if self.status == MilestoneStatus.DONE and not self.done_on:
            raise ValidationError({"done_on": _("When was it done? Give the date.")})
        if self.done_on and self.status != MilestoneStatus.DONE:
            raise ValidationError({"done_on": _("Only a milestone that is done has a done date.")})
        if self.done_on and self.done_on > timezone.localdate():
            raise ValidationError({"done_on": _("The done date cannot be in the future.")})

    @property
    def is_overdue(self):
        return (
            self.status not in (MilestoneStatus.DONE, MilestoneStatus.CANCELLED) and self.due_on < timezone.localdate()
        )


class RoadmapComment(CommentBase):
    version = models.ForeignKey(RoadmapVersion, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies")

    class Meta(CommentBase.Meta):
        verbose_name = _("roadmap comment")
        verbose_name_plural = _("roadmap comments")


class RoadmapApproval(ApprovalBase):
    version = models.ForeignKey(RoadmapVersion, on_delete=models.PROTECT, related_name="approvals")

    class Meta(ApprovalBase.Meta):
        verbose_name = _("roadmap approval")
        verbose_name_plural = _("roadmap approvals")
        constraints = [
            models.UniqueConstraint(fields=["version", "organisation"], name="roadmap_approved_once_per_org"),
        ]


class RoadmapParty(PartyBase):
    """A member organisation asked to approve a roadmap version (fixed when it is sent for review)."""

    version = models.ForeignKey(RoadmapVersion, on_delete=models.CASCADE, related_name="parties")

    class Meta(PartyBase.Meta):
        verbose_name = _("roadmap party")
        verbose_name_plural = _("roadmap parties")
        constraints = [
            models.UniqueConstraint(fields=["version", "organisation"], name="roadmap_party_once"),
        ]


# --- memorandum of understanding --------------------------------------------------------------------------------


class MouVersion(VersionBase):
    """One version of the memorandum of understanding.

    draft → in review → for signature → partially signed → in force → superseded / terminated. A draft may also
    go straight to signature. Signatures move the status (first one: partially signed; one from every active
    member organisation: in force, and the version in force before it becomes superseded). Sending a version
    supersedes older ones still in review or being signed. `fingerprint` is the SHA-256 of `signed_text()`,
    fixed when the version is sent.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        FOR_SIGNATURE = "for_signature", _("For signature")
        PARTIALLY_SIGNED = "partially_signed", _("Partially signed")
        IN_FORCE = "in_force", _("In force")
        SUPERSEDED = "superseded", _("Superseded")
        TERMINATED = "terminated", _("Terminated")

    TRANSITIONS = {
        Status.DRAFT: {Status.IN_REVIEW, Status.FOR_SIGNATURE},
        Status.IN_REVIEW: {Status.FOR_SIGNATURE, Status.SUPERSEDED},
        Status.FOR_SIGNATURE: {Status.PARTIALLY_SIGNED, Status.IN_FORCE, Status.SUPERSEDED},
        Status.PARTIALLY_SIGNED: {Status.IN_FORCE, Status.SUPERSEDED},
        Status.IN_FORCE: {Status.SUPERSEDED, Status.TERMINATED},
        Status.SUPERSEDED: set(),
        Status.TERMINATED: set(),
    }
    SIGNABLE = (Status.FOR_SIGNATURE, Status.PARTIALLY_SIGNED)
    COMMENTABLE = (Status.IN_REVIEW, Status.FOR_SIGNATURE, Status.PARTIALLY_SIGNED)
    CONTENT_FIELDS = ("title", "change_note", "fingerprint")
    kind_label = _("MoU")

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    title = models.CharField(_("title"), max_length=300, default="Memorandum of Understanding")
    fingerprint = models.CharField(_("SHA-256 of the text"), max_length=64, blank=True)
    for_signature_at = models.DateTimeField(_("sent for signature"), null=True, blank=True)
    in_force_at = models.DateTimeField(_("in force since"), null=True, blank=True)
    ended_at = models.DateTimeField(_("superseded or terminated"), null=True, blank=True)
    termination_reason = models.TextField(_("reason for termination"), blank=True)
    signed_scan = models.FileField(
        _("scan of the wet-ink signed copy"), storage=private_storage, upload_to="mou-scans/", blank=True
    )
    scan_uploaded_at = models.DateTimeField(null=True, blank=True)
    scan_uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["partnership", "-number"]
        verbose_name = _("MoU version")
        verbose_name_plural = _("MoU versions")
        constraints = [
            models.UniqueConstraint(fields=["partnership", "number"], name="mou_version_number"),
            models.UniqueConstraint(fields=["partnership"], condition=Q(status=DRAFT), name="one_mou_draft"),
            models.UniqueConstraint(fields=["partnership"], condition=Q(status="in_force"), name="one_mou_in_force"),
        ]

    def get_absolute_url(self):
        return reverse("governance:mou_version", kwargs={"partnership_pk": self.partnership_id, "number": self.number})

    @property
    def is_signable(self):
        return self.status in self.SIGNABLE

    @property
    def is_commentable(self):
        return self.status in self.COMMENTABLE

    def signed_text(self, clauses=None):
        """The exact text partners sign: the title and every clause (type, title, text as written), in order.

        Codes, not translated labels, name the clause types, so the text (and its fingerprint) does not depend on
        the reader's language.
        """
        clauses = self.clauses.all() if clauses is None else clauses
        lines = [f"{self.partnership.name}", f"{self.title} (version {self.number})", ""]
        for index, clause in enumerate(clauses, start=1):
            lines.append(f"{index}. [{clause.type}] {clause.title}")
            lines.append(clause.text.replace("\r\n", "\n").strip())
            lines.append("")
        return "\n".join(lines)

    def compute_fingerprint(self, clauses=None):
        return hashlib.sha256(self.signed_text(clauses).encode("utf-8")).hexdigest()


def content_hash(*parts):
    """A short hash of what an edit form showed, to notice that someone else saved in between."""
    return hashlib.sha256("\x1f".join(str(p).replace("\r\n", "\n") for p in parts).encode("utf-8")).hexdigest()[:16]


class ClauseType(models.TextChoices):
    PARTNERS = "partners", _("Partners")
    VISION = "vision_objectives", _("Vision and objectives")
    ROLES = "roles_responsibilities", _("Roles and responsibilities")
    RESOURCES = "resource_commitments", _("Resource commitments")
    GOVERNANCE = "governance", _("Governance and decision-making")
    COMMUNICATION = "communication", _("Communication")
    FUNDING = "funding_conditions", _("Funding conditions")
    GRIEVANCE = "grievance", _("Grievance")
    EXIT = "exit", _("Exit")
    OTHER = "other", _("Other")


class Clause(VersionPart):
    """A clause of an MoU version. `text` is kept as written (simple formatting, see governance.formatting) and
    sanitised whenever it is shown."""

    version = models.ForeignKey(MouVersion, on_delete=models.CASCADE, related_name="clauses")
    key = models.UUIDField(default=uuid.uuid4, editable=False, help_text="The same clause across versions.")
    position = models.PositiveIntegerField(default=0)
    type = models.CharField(_("type"), max_length=30, choices=ClauseType.choices)
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("clause")
        verbose_name_plural = _("clauses")
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="clause_key_once_per_version"),
        ]

    def __str__(self):
        return self.title

    @property
    def content_hash(self):
        return content_hash(self.type, self.title, self.text)


class MouComment(CommentBase):
    version = models.ForeignKey(MouVersion, on_delete=models.CASCADE, related_name="comments")
    clause = models.ForeignKey(Clause, on_delete=models.CASCADE, null=True, blank=True, related_name="comments")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies")

    class Meta(CommentBase.Meta):
        verbose_name = _("MoU comment")
        verbose_name_plural = _("MoU comments")


class MouApproval(ApprovalBase):
    version = models.ForeignKey(MouVersion, on_delete=models.PROTECT, related_name="approvals")

    class Meta(ApprovalBase.Meta):
        verbose_name = _("MoU approval")
        verbose_name_plural = _("MoU approvals")
        constraints = [
            models.UniqueConstraint(fields=["version", "organisation"], name="mou_approved_once_per_org"),
        ]


class MouParty(PartyBase):
    """A member organisation asked to approve (fixed when the version is sent for review) or to sign (fixed when
    it is sent for signature) an MoU version."""

    class Purpose(models.TextChoices):
        APPROVE = "approve", _("approve")
        SIGN = "sign", _("sign")

    version = models.ForeignKey(MouVersion, on_delete=models.CASCADE, related_name="parties")
    purpose = models.CharField(max_length=10, choices=Purpose.choices)

    class Meta(PartyBase.Meta):
        verbose_name = _("MoU party")
        verbose_name_plural = _("MoU parties")
        constraints = [
            models.UniqueConstraint(fields=["version", "purpose", "organisation"], name="mou_party_once"),
        ]


class MouScan(AppendOnlyModel):
    """A scan of the wet-ink signed copy of a version. Every upload is kept (the latest is the version's
    `signed_scan`); none is deleted."""

    version = models.ForeignKey(MouVersion, on_delete=models.PROTECT, related_name="scans")
    file = models.FileField(storage=private_storage, upload_to="mou-scans/")
    uploaded_at = models.DateTimeField(default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("signed-copy scan")
        verbose_name_plural = _("signed-copy scans")

    def __str__(self):
        return f"{self.version} – {self.uploaded_at:%Y-%m-%d}"

    def get_additional_data(self):
        return {"partnership": _partnership_of_version(self)}


class MouSignature(AppendOnlyModel, RecordedOffline):
    """An organisation's signature of an MoU version. Append-only.

    `fingerprint` is the SHA-256 of the exact text signed (`MouVersion.signed_text()` at that moment); the name
    and position are as the signer gave them. A signature given on paper is recorded by the secretariat
    (`method` paper, the scanned page as `evidence`, `recorded_by`) and counts like one given online.
    """

    version = models.ForeignKey(MouVersion, on_delete=models.PROTECT, related_name="signatures")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    signer_name = models.CharField(_("name"), max_length=200)
    signer_position = models.CharField(_("position"), max_length=200)
    signed_at = models.DateTimeField(_("signed"), default=timezone.now)
    fingerprint = models.CharField(_("SHA-256 of the signed text"), max_length=64)

    class Meta:
        ordering = ["signed_at", "pk"]
        verbose_name = _("MoU signature")
        verbose_name_plural = _("MoU signatures")
        constraints = [
            models.UniqueConstraint(fields=["version", "organisation"], name="mou_signed_once_per_org"),
        ]

    def __str__(self):
        return f"{self.organisation} signed {self.version}"

    def get_additional_data(self):
        return {"partnership": _partnership_of_version(self)}
