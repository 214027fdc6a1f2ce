"""Reports (DESIGN section 6): the donor report, the public report and a person's portfolio, each generated in the
background as a version that never changes once made.

A `Report` is both the request and, once done, the version: what was asked (kind, period, language, who, when),
the job's state (queued, running with the section being rendered, done, failed and why) and the file it made (a
msp.documents.StoredDocument, kept with its SHA-256). A retry works on the same row, and the stored document is
unique per report, kind and language, so a request never gets a second file. Donor reports are released to the
partnership's donors and partners; public reports are published on a page without login (and may be unpublished).

`PublicStory` is what the secretariat writes for the public report: a headline story, a quote, a photo that is shown
only with the recorded consent, and the 3 to 5 key results; the rest of the report comes from the data.
`ReportSchedule` makes draft reports at each period end (quarterly, half-yearly, yearly).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from msp.documents import StoredDocument
from msp.models import Partnership
from msp.storage import private_storage

from .indicators import Indicator


class ReportKind(models.TextChoices):
    DONOR = "donor", _("Donor report")
    PUBLIC = "public", _("Public report")
    PORTFOLIO = "portfolio", _("Portfolio")


class ReportStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


class ReportTrigger(models.TextChoices):
    REQUESTED = "requested", _("requested")
    SCHEDULE = "schedule", _("reporting schedule")


class Report(models.Model):
    # A partnership's donor or public report; a portfolio belongs to its owner instead (no partnership).
    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, null=True, blank=True, related_name="reports"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="portfolio_reports"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ReportKind.choices)
    number = models.PositiveIntegerField(_("version"), default=1)  # per partnership (or owner) and kind
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    language = models.CharField(_("language"), max_length=10)
    trigger = models.CharField(
        _("made by"), max_length=10, choices=ReportTrigger.choices, default=ReportTrigger.REQUESTED
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    # The job: claimed with a conditional update (monitoring.reports.jobs); `progress` names the section being
    # rendered and `progress_at` is its heartbeat: a running job silent for too long is taken back.
    status = models.CharField(_("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.QUEUED)
    progress = models.CharField(max_length=40, blank=True)
    progress_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(_("made"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    # The version: the file and its hash, set once when the job is done and never changed.
    document = models.ForeignKey(StoredDocument, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    spreadsheet = models.ForeignKey(StoredDocument, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    # Delivery: a donor report is released to donors and partners; a public report published (no login).
    released_at = models.DateTimeField(_("released"), null=True, blank=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    public_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    summary = models.TextField(_("summary"), blank=True)  # the public page's text, written when the job is done

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="portfolio", partnership__isnull=True, owner__isnull=False)
                | (~Q(kind="portfolio") & Q(partnership__isnull=False)),
                name="report_belongs_to_partnership_or_owner",
            ),
            models.CheckConstraint(condition=Q(period_start__lte=models.F("period_end")), name="report_period_order"),
            models.CheckConstraint(
                condition=Q(released_at__isnull=True) | Q(kind="donor", status="done"), name="report_released_when_done"
            ),
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | Q(kind="public", status="done"),
                name="report_published_when_done",
            ),
        ]
        indexes = [models.Index(fields=["partnership", "kind", "-requested_at"], name="report_partnership_kind")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number} ({self.period_start} – {self.period_end})"

    def get_additional_data(self):
        return {"partnership": self.partnership_id}

    @property
    def is_done(self):
        return self.status == ReportStatus.DONE

    @property
    def is_delivered(self):
        """Released (donor report) or published (public report): what donors and partners may read."""
        return self.released_at is not None or self.published_at is not None


def _photo_upload_to(instance, filename):
    return f"stories/{uuid.uuid4().hex}.jpg"


class PublicStory(models.Model):
    """The secretariat's words for the partnership's public report, kept current (each report renders what is here
    when it is made)."""

    partnership = models.OneToOneField(Partnership, on_delete=models.CASCADE, related_name="public_story")
    headline = models.CharField(_("headline"), max_length=200, blank=True)
    story = models.TextField(_("story"), blank=True, help_text=_("A person or community and what changed for them."))
    quote = models.TextField(_("quote"), max_length=600, blank=True)
    quote_by = models.CharField(_("quoted person"), max_length=200, blank=True)
    photo = models.FileField(_("photo"), storage=private_storage, upload_to=_photo_upload_to, blank=True)
    photo_alt = models.CharField(
        _("photo description"),
        max_length=300,
        blank=True,
        help_text=_("What the photo shows, for readers who cannot see it."),
    )
    photo_consent = models.BooleanField(
        _("the people shown agreed to the photo being published"),
        default=False,
        help_text=_("Without this, the photo is left out of every public report."),
    )
    key_results = models.ManyToManyField(Indicator, blank=True, related_name="+", verbose_name=_("key results"))
    why_it_matters = models.TextField(_("why it matters"), blank=True)
    how_we_work = models.TextField(_("how we work together"), blank=True)
    whats_next = models.TextField(_("what is next"), blank=True)
    contact = models.CharField(_("how to get in touch"), max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("public story")
        verbose_name_plural = _("public stories")

    def __str__(self):
        return self.headline or str(self.partnership)

    def get_additional_data(self):
        return {"partnership": self.partnership_id}

    @property
    def photo_shown(self):
        return bool(self.photo) and self.photo_consent


class Frequency(models.IntegerChoices):
    QUARTERLY = 3, _("quarterly")
    HALF_YEARLY = 6, _("half-yearly")
    YEARLY = 12, _("yearly")


class ReportSchedule(models.Model):
    """At each period end, draft reports of the kinds chosen are made and the secretariat is told."""

    partnership = models.OneToOneField(Partnership, on_delete=models.CASCADE, related_name="report_schedule")
    frequency = models.PositiveSmallIntegerField(_("frequency"), choices=Frequency.choices, default=Frequency.QUARTERLY)
    first_period_start = models.DateField(_("first period starts"))
    donor = models.BooleanField(_("donor report"), default=True)
    public = models.BooleanField(_("public report"), default=False)
    active = models.BooleanField(_("active"), default=True)
    last_period_end = models.DateField(null=True, blank=True)  # the last period drafts were made for

    class Meta:
        verbose_name = _("reporting schedule")
        verbose_name_plural = _("reporting schedules")

    def __str__(self):
        return f"{self.partnership}: {self.get_frequency_display()}"

    def get_additional_data(self):
        return {"partnership": self.partnership_id}
