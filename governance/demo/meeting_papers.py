"""Demo meeting papers: each past meeting of Cocoa's steering committee has its papers, shared with the members a
week before it; the coming meeting has a draft the secretariat has not shared yet. Small real PDFs. Idempotent: a
partnership whose meetings have papers is left alone."""

import datetime as dt

from auditlog.context import set_actor
from django.core.files.base import ContentFile

from .. import services
from ..models import Meeting, MeetingPaper
from .common import evidence_pdf

# meeting title -> [(paper title, file name, shared)]
PAPERS = {
    "Steering Committee – kick-off": [
        ("Agenda and draft roadmap", "kick-off-agenda.pdf", True),
        ("Draft memorandum of understanding", "draft-mou.pdf", True),
    ],
    "Steering Committee – half-year review": [("Half-year progress report", "half-year-progress.pdf", True)],
    "Steering Committee – annual meeting": [("Draft work plan for next year", "draft-work-plan.pdf", False)],
}


def load(ctx):
    partnership = ctx["partnerships"]["cocoa"]
    meetings = {m.title: m for m in Meeting.objects.filter(partnership=partnership, title__in=PAPERS)}
    if not meetings or MeetingPaper.objects.filter(meeting__partnership=partnership).exists():
        return
    secretariat = ctx["users"]["amina"]
    with set_actor(secretariat):
        for title, papers in PAPERS.items():
            meeting = meetings.get(title)
            if meeting is None:
                continue
            for paper_title, filename, shared in papers:
                content = evidence_pdf(paper_title, meeting.title, meeting.start.date().isoformat())
                paper = services.meeting_paper_upload(
                    meeting=meeting,
                    by=secretariat,
                    title=paper_title,
                    file=ContentFile(content, name=filename),
                    share=shared,
                )
                # Dated as they would have been: uploaded and shared a week before the meeting.
                week_before = meeting.start - dt.timedelta(days=7)
                if meeting.start < paper.uploaded_at:
                    MeetingPaper.objects.filter(pk=paper.pk).update(
                        uploaded_at=week_before, shared_at=week_before if shared else None
                    )
