"""Reads of meeting papers, scoped to who asks: the secretariat sees every paper, partners only the shared ones
(msp.access: "view_draft_papers", "view_meeting_papers"), donors none. One query each."""

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.translation import gettext as _

from msp import access

from ..models import MeetingPaper


def visible_papers(user, partnership):
    papers = MeetingPaper.objects.filter(meeting__partnership=partnership)
    if access.can(user, "view_draft_papers", partnership):
        return papers
    if access.can(user, "view_meeting_papers", partnership):
        return papers.filter(shared_at__isnull=False)
    return papers.none()


def papers_of(user, partnership, meeting):
    """The papers of `meeting` (of `partnership`, the one loaded for the request) that `user` may see."""
    return list(visible_papers(user, partnership).filter(meeting=meeting).order_by("uploaded_at", "pk"))


def paper_or_404(user, partnership, meeting, pk):
    """A paper of `meeting` that `user` may see; a partner asking for one not yet shared gets 404, as for none."""
    paper = visible_papers(user, partnership).filter(meeting=meeting, pk=pk).first()
    if paper is None:
        raise Http404(_("No such paper."))
    paper.meeting = meeting
    return paper


def with_paper_counts(meetings, user, partnership):
    """`meetings` annotated with `paper_count`, the papers `user` may see: a subquery, no query of its own."""
    counted = (
        visible_papers(user, partnership)
        .filter(meeting=OuterRef("pk"))
        .order_by()
        .values("meeting")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return meetings.annotate(paper_count=Coalesce(Subquery(counted, output_field=IntegerField()), 0))
