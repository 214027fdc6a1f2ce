"""The roadmap: its versions, common goals, results chain and milestones, and who comments on, is asked to approve
and approves a version."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from msp.text import in_sentence
from stakeholders.models import Organisation

from .base import DRAFT, ApprovalBase, CommentBase, PartyBase, VersionBase, VersionPart, content_hash


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
    # Agreed: approved by every party, now or before a newer version superseded it. Not "superseded" alone: a
    # version still in review when a newer one is sent is superseded too, and was never agreed.
    AGREED = Q(approved_at__isnull=False)
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
    def is_agreed(self):
        """Approved by every party (the current roadmap, or one a newer approved version replaced): what everyone
        with a role may read (msp.access.can_read_version)."""
        return self.approved_at is not None

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
    ACTIVITY = "activity", pgettext_lazy("results-chain level", "Activity")


LEVEL_ORDER = [Level.IMPACT, Level.OUTCOME, Level.OUTPUT, Level.ACTIVITY]


def parent_level(level):
    """The level a node of `level` hangs under, or None for impacts."""
    index = LEVEL_ORDER.index(level)
    return LEVEL_ORDER[index - 1] if index else None


class ResultNode(VersionPart):
    """A node of the results chain: an impact, outcome, output or activity, owned by a member organisation."""

    version = models.ForeignKey(RoadmapVersion, on_delete=models.CASCADE, related_name="nodes")
    key = models.UUIDField(default=uuid.uuid4, editable=False, help_text=_("The same node across versions."))
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
                        % {"level": in_sentence(Level(self.level).label), "parent": in_sentence(Level(expected).label)}
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
                        "level": in_sentence(Level(self.level).label),
                        "parent": in_sentence(Level(expected).label),
                        "other": in_sentence(self.parent.get_level_display()),
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
