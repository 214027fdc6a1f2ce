"""Comments on roadmap and MoU versions: writing, replying, resolving a thread."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from msp import access
from msp.text import in_sentence

from .. import selectors
from ..models import MouComment, MouVersion, RoadmapComment, RoadmapVersion
from .common import RS, _lock


def _comment(model, *, version, by, body, parent=None, commentable, **extra):
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write your comment first.")})
    access.require(by, "comment_agreement", version.partnership)
    if not commentable:
        raise ValidationError(
            _("Comments on version %(n)d are closed: it is %(status)s.")
            % {"n": version.number, "status": in_sentence(version.get_status_display())}
        )
    if parent is not None:
        if parent.version_id != version.pk:
            raise ValidationError(_("You can only reply to a comment on the same version."))
        parent = parent.parent or parent  # a reply to a reply joins the same thread
        extra = {**extra, "clause": getattr(parent, "clause", None)} if "clause" in extra else extra
    contact = selectors.acting_contact(by, version.partnership)
    comment = model(
        version=version,
        author=by,
        organisation=contact.organisation if contact else None,
        body=body,
        parent=parent,
        **extra,
    )
    comment.full_clean()
    comment.save()
    return comment


def roadmap_comment(*, version, by, body, parent=None) -> RoadmapComment:
    """A member comments on a roadmap version in review (or replies to a comment). As for the MoU, comments open
    when the secretariat sends the version and close when it is approved or superseded."""
    with transaction.atomic():
        locked = _lock(RoadmapVersion, version)
        return _comment(
            RoadmapComment,
            version=locked,
            by=by,
            body=body,
            parent=parent,
            commentable=locked.status == RS.IN_REVIEW,
        )


def mou_comment(*, version, by, body, clause=None, parent=None) -> MouComment:
    """A member comments on a clause of an MoU version (or on the whole version), or replies in a thread."""
    with transaction.atomic():
        locked = _lock(MouVersion, version)
        if clause is not None and clause.version_id != locked.pk:
            raise ValidationError(_("This clause belongs to another version."))
        return _comment(
            MouComment,
            version=locked,
            by=by,
            body=body,
            parent=parent,
            commentable=locked.status in MouVersion.COMMENTABLE,
            clause=clause,
        )


def comment_resolve(*, comment, by, resolved=True):
    """The secretariat marks a thread resolved (or opens it again)."""
    with transaction.atomic():
        row = type(comment).objects.select_for_update().select_related("version__partnership").get(pk=comment.pk)
        access.require(by, "change", row.version.partnership)
        if row.parent_id is not None:
            raise ValidationError(_("Resolve the thread at its first comment."))
        row.resolved_at, row.resolved_by = (timezone.now(), by) if resolved else (None, None)
        row.save(update_fields=["resolved_at", "resolved_by"])
    return row
