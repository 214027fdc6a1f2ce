"""Minutes of a meeting and the attendees' comments on them.

One meeting has at most one set of minutes. The secretariat writes them as a draft (after the meeting has
started), may circulate them to the attendees for comments (the text can still be corrected while they are
circulated; circulating again tells the attendees once more) and marks them final, after which nobody changes
them. The moves and who may make them are governance.services.minutes'.

Comments are what an attendee said about the circulated text: records, written once (msp.records; the database
refuses UPDATE and DELETE on PostgreSQL, see migration 0008).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from msp.records import AppendOnlyModel, AppendOnlyQuerySet
from stakeholders.models import Organisation

from .meetings import Meeting


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("minutes status", "Draft")
    CIRCULATED = "circulated", pgettext_lazy("minutes status", "Circulated for comments")
    FINAL = "final", pgettext_lazy("minutes status", "Final")


class Minutes(models.Model):
    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    text = models.TextField(_("text of the minutes"))
    recorded_on = models.DateField(_("recorded on"), help_text=_("The date the minutes were recorded."))
    status = models.CharField(_("status"), max_length=12, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("recorded by")
    )
    circulated_at = models.DateTimeField(_("circulated"), null=True, blank=True)
    finalised_at = models.DateTimeField(_("marked final"), null=True, blank=True)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("marked final by"),
    )

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self):
        return str(self.meeting)

    def get_additional_data(self):
        return {"partnership": self.meeting.partnership_id}

    @staticmethod
    def activity_sentence(action, changes):
        """The feed's words for a step of the minutes (msp.activity), or None for a plain change of the text."""
        if action == 0:
            return _("recorded the minutes of “%(object)s”")
        status = changes.get("status")
        if isinstance(status, list | tuple) and len(status) == 2:
            return {
                MinutesStatus.CIRCULATED: _("circulated the minutes of “%(object)s” for comments"),
                MinutesStatus.FINAL: _("marked the minutes of “%(object)s” final"),
            }.get(status[1])
        circulated = changes.get("circulated_at")
        if isinstance(circulated, list | tuple) and len(circulated) == 2 and circulated[0] not in ("", "None", None):
            return _("circulated the corrected minutes of “%(object)s” again")
        return None

    @property
    def is_final(self):
        return self.status == MinutesStatus.FINAL

    @property
    def is_circulated(self):
        return self.status == MinutesStatus.CIRCULATED


class MinutesComment(AppendOnlyModel):
    minutes = models.ForeignKey(Minutes, on_delete=models.PROTECT, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("author")
    )
    author_name = models.CharField(_("author's name"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
        help_text=_("The organisation the author acts for, when a partner."),
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(pgettext_lazy("date of a record", "created"), default=timezone.now)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment on minutes")
        verbose_name_plural = _("comments on minutes")

    def __str__(self):
        return f"{self.author_name}: {self.text[:40]}"

    def get_additional_data(self):
        return {"partnership": self.minutes.meeting.partnership_id}

    @staticmethod
    def activity_sentence(action, changes):
        return _("commented on minutes: “%(object)s”") if action == 0 else None
