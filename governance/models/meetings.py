"""Meetings of a partnership: formal meetings of a governance body, or informal ones, with their attendees.

A meeting keeps a calendar `sequence` (RFC 5545): it starts at 0 with the first invitation and goes up whenever
the meeting moves (date, time, place or online link) and when it is cancelled, so calendar clients take each
message for an update of the same event (governance.calendar). The rules (who records, what a move is, who is
invited) are governance.services.meetings'.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from msp.models import Partnership
from stakeholders.models import Organisation

from .bodies import Body


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", pgettext_lazy("meeting status", "Cancelled")


class MeetingQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")


class Meeting(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="meetings")
    body = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("body"),
        help_text=_("The governance body that meets; leave empty for a meeting of no body."),
    )
    title = models.CharField(_("title"), max_length=200)
    is_formal = models.BooleanField(
        _("formal meeting"), default=True, help_text=_("A formal meeting of the body can take decisions.")
    )
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_link = models.URLField(_("online link"), max_length=500, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0, editable=False)
    organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="+", verbose_name=_("attending organisations")
    )
    attendees = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("attending persons")
    )
    created_at = models.DateTimeField(pgettext_lazy("date of a record", "created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-start", "-pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")),
                name="meeting_ends_after_start",
                violation_error_message=_("A meeting must end after it starts."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_additional_data(self):
        return {"partnership": self.partnership_id}

    @property
    def is_cancelled(self):
        return self.status == MeetingStatus.CANCELLED
