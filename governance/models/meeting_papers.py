"""Papers of a meeting: documents the secretariat uploads to it, and the moment they were shared with the members.

A paper is the secretariat's draft until it is shared (`shared_at` set once, by governance.services.meeting_papers);
from then on it is a record of what the members received: it stays, and only shared papers are shown to partners.
The file lives in private storage and is served only by an access-checked view, never from MEDIA_URL.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from msp.storage import private_storage

from .meetings import Meeting

MEETING_PAPER_UPLOAD_TO = "meeting-papers/"


class MeetingPaper(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), storage=private_storage, upload_to=MEETING_PAPER_UPLOAD_TO, max_length=300)
    original_filename = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    shared_at = models.DateTimeField(_("shared with the members"), null=True, blank=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("meeting paper")
        verbose_name_plural = _("meeting papers")

    def __str__(self):
        return self.title

    def get_additional_data(self):
        return {"partnership": self.meeting.partnership_id}

    @property
    def is_shared(self):
        return self.shared_at is not None
