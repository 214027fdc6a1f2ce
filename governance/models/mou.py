"""The memorandum of understanding: its versions and clauses, and who comments on, is asked to approve or sign, and
approves a version."""

import hashlib
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from msp.storage import private_storage

from .base import DRAFT, ApprovalBase, CommentBase, PartyBase, VersionBase, VersionPart, content_hash


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
    # Agreed: signed by every party and in force, now or until a newer version superseded it or it was
    # terminated. Not "superseded" alone: a version superseded while in review or being signed never was.
    AGREED = Q(in_force_at__isnull=False)
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
    def is_agreed(self):
        """In force, or was until superseded or terminated: what everyone with a role may read
        (msp.access.can_read_version)."""
        return self.in_force_at is not None

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
    key = models.UUIDField(default=uuid.uuid4, editable=False, help_text=_("The same clause across versions."))
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
