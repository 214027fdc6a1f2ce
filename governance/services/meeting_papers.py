"""Writes of meeting papers: upload, share with the members, remove.

Every service takes the acting user as `by=` and asks msp.access ("change": the secretariat). Sharing sets
`shared_at` once, under a row lock, and tells the meeting's attendees (who may still see meetings) through the one
outbox; sharing again changes nothing and sends nothing. A shared paper is a record of what the members received:
it cannot be removed.
"""

import os

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from msp import access
from msp import services as msp_services
from msp.text import no_control_characters

from ..models import Meeting, MeetingPaper
from ..paper_files import check_paper, extension


def _lock(paper):
    return MeetingPaper.objects.select_for_update(of=("self",)).select_related("meeting__partnership").get(pk=paper.pk)


def _tell_attendees(paper):
    meeting = paper.meeting
    may_see = access.holders(meeting.partnership, "view_meeting_papers").values("user")
    users = list(meeting.attendees.filter(pk__in=may_see))
    names = {"title": meeting.title, "paper": paper.title}
    return msp_services.notify(
        partnership=meeting.partnership,
        recipients=users,
        subject=lambda: _("Paper for %(title)s: %(paper)s") % names,
        body=lambda: (
            _(
                "The secretariat has shared the paper “%(paper)s” for the meeting “%(title)s”. "
                "You can download it from the meeting's page."
            )
            % names
        ),
        link=reverse("governance:meeting", args=[meeting.partnership_id, meeting.pk]),
    )


def _share(paper):
    """Set shared_at on a locked paper once; True when it was shared now."""
    if paper.shared_at is not None:
        return False
    paper.shared_at = timezone.now()
    paper.save(update_fields=["shared_at"])
    _tell_attendees(paper)
    return True


def meeting_paper_upload(*, meeting, by, title, file, share=False) -> MeetingPaper:
    """Attach a document (governance.paper_files: type by name and content, size) to `meeting`; with `share`,
    it is shared with the members at once."""
    access.require(by, "change", meeting.partnership)
    errors = {}
    if not (title or "").strip():
        errors["title"] = _("Give the paper a title.")
    elif len(title.strip()) > 200:
        errors["title"] = _("The title must fit on one line of at most 200 characters.")
    else:
        try:
            no_control_characters(title)
        except ValidationError as exc:
            errors["title"] = exc.messages
    try:
        check_paper(file)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update(of=("self",)).select_related("partnership").get(pk=meeting.pk)
        if meeting.is_cancelled:
            raise ValidationError(_("This meeting is cancelled: papers can no longer be added to it."))
        original = os.path.basename(file.name)[:255]
        paper = MeetingPaper(
            meeting=meeting, title=title.strip(), original_filename=original, size=file.size, uploaded_by=by
        )
        # The stored name is ours (the storage adds a suffix when taken); the typed name is kept for downloads.
        paper.file.save(f"m{meeting.pk}-paper{extension(original)}", file, save=False)
        try:
            paper.save()
        except Exception:
            paper.file.delete(save=False)
            raise
        if share:
            _share(paper)
    return paper


def meeting_paper_share(*, paper, by) -> MeetingPaper:
    """Share `paper` with the members: sets shared_at and tells the attendees, once (idempotent)."""
    access.require(by, "change", paper.meeting.partnership)
    with transaction.atomic():
        paper = _lock(paper)
        _share(paper)
    return paper


def meeting_paper_remove(*, paper, by):
    """Remove a paper not yet shared (and its file, once the removal is committed)."""
    access.require(by, "change", paper.meeting.partnership)
    with transaction.atomic():
        paper = _lock(paper)
        if paper.is_shared:
            raise ValidationError(
                _("“%(title)s” has been shared with the members: it stays on record.") % {"title": paper.title}
            )
        name, storage = paper.file.name, paper.file.storage
        paper.delete()
        transaction.on_commit(lambda: storage.delete(name))
