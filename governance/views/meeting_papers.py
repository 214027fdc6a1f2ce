"""Papers of a meeting: upload (with the option to share at once), share with the members, remove a paper not
yet shared, and download. The secretariat does all of it; partners download the shared papers; donors see no
meetings. The download streams from private storage after the access check, never from MEDIA_URL."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from msp import access

from .. import services
from ..meeting_paper_forms import MeetingPaperForm
from ..paper_files import CONTENT_TYPES, extension
from ..selectors import meeting_papers as papers
from ..selectors import meetings as selectors
from .bodies import ServiceFormView
from .common import _messages_of


def _papers_of(meeting):
    return reverse("governance:meeting", args=[meeting.partnership_id, meeting.pk]) + "#papers"


class PaperUploadView(ServiceFormView):
    form_class = MeetingPaperForm
    section = "meetings"
    template_name = "governance/meetings/paper_form.html"

    def get_form_kwargs(self):
        self.meeting = selectors.meeting_or_404(self.partnership, self.kwargs["pk"])
        return super().get_form_kwargs()

    @property
    def title(self):
        return _("Add a paper to “%(title)s”") % {"title": self.meeting.title}

    def save(self, form):
        paper = services.meeting_paper_upload(meeting=self.meeting, by=self.request.user, **form.service_kwargs())
        if paper.is_shared:
            text = _("“%(title)s” is added and shared with the members.")
        else:
            text = _("“%(title)s” is added. Share it with the members when it is ready.")
        return text % {"title": paper.title}, _papers_of(self.meeting)

    def cancel_url(self):
        return _papers_of(self.meeting)


def _act(request, partnership_pk, pk, paper_pk, service, done):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    meeting = selectors.meeting_or_404(partnership, pk)
    paper = papers.paper_or_404(request.user, partnership, meeting, paper_pk)
    try:
        service(paper=paper, by=request.user)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
    else:
        messages.success(request, done % {"title": paper.title})
    return redirect(_papers_of(meeting))


@login_required
@require_POST
def paper_share(request, partnership_pk, pk, paper_pk):
    done = _("“%(title)s” is shared with the members; the invited persons are told by e-mail.")
    return _act(request, partnership_pk, pk, paper_pk, services.meeting_paper_share, done)


@login_required
@require_POST
def paper_remove(request, partnership_pk, pk, paper_pk):
    return _act(request, partnership_pk, pk, paper_pk, services.meeting_paper_remove, _("“%(title)s” is removed."))


@login_required
@require_GET
def paper_download(request, partnership_pk, pk, paper_pk):
    partnership = access.get_partnership(request.user, partnership_pk, "view_meeting_papers")
    paper = papers.paper_or_404(request.user, partnership, selectors.meeting_or_404(partnership, pk), paper_pk)
    try:
        handle = paper.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("The file of this paper is missing.")) from None
    content_type = CONTENT_TYPES.get(extension(paper.original_filename), "application/octet-stream")
    # FileResponse writes a safe Content-Disposition (RFC 6266/5987) from the original name.
    response = FileResponse(handle, as_attachment=True, filename=paper.original_filename, content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
