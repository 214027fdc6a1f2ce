"""The success-factor checklist's records: evaluation requests (the job's state), the dated runs with every item's
result and evidence, people's judgements of assisted and manual items, and a partnership's own parameters.

A run and its items are written once, when an evaluation finishes, and never change (append-only, guarded in the
database too); a judgement is a record of what someone said, also append-only (a new judgement replaces an old one
by being newer). An evaluation request is the job's state (queued, running, done, failed): at most one request per
partnership is queued at a time, so a burst of edits that each ask for an evaluation runs one job; the worker claims
a request with a conditional update (queued -> running), so a retried or duplicated task does no harm.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from msp.models import Partnership, Phase
from msp.records import AppendOnlyModel

from ..catalogue import Result


class Trigger(models.TextChoices):
    MANUAL = "manual", pgettext_lazy("evaluation trigger", "On request")
    EVENT = "event", pgettext_lazy("evaluation trigger", "After a change")
    NIGHTLY = "nightly", pgettext_lazy("evaluation trigger", "Nightly")
    GATE = "gate", pgettext_lazy("evaluation trigger", "Phase gate")


class RequestStatus(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("evaluation", "Queued")
    RUNNING = "running", pgettext_lazy("evaluation", "Running")
    DONE = "done", pgettext_lazy("evaluation", "Done")
    FAILED = "failed", pgettext_lazy("evaluation", "Failed")


class EvaluationRequest(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="evaluation_requests")
    trigger = models.CharField(_("trigger"), max_length=10, choices=Trigger.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    status = models.CharField(_("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.QUEUED)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("evaluation request")
        verbose_name_plural = _("evaluation requests")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership"], condition=Q(status="queued"), name="one_queued_evaluation_per_partnership"
            ),
        ]

    def __str__(self):
        return f"{self.partnership}: {self.get_status_display()} ({self.requested_at:%Y-%m-%d %H:%M})"


class ChecklistRun(AppendOnlyModel):
    """One evaluation of a partnership against the catalogue, as it stood: its phase, the health per area and
    overall (phases.checks.health; None where no item counts), and every item's result (RunItem)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="checklist_runs")
    request = models.OneToOneField(
        EvaluationRequest, on_delete=models.PROTECT, null=True, blank=True, related_name="run"
    )
    created_at = models.DateTimeField(_("evaluated"), default=timezone.now, db_index=True)
    phase = models.PositiveSmallIntegerField(_("phase"), choices=Phase.choices)
    trigger = models.CharField(_("trigger"), max_length=10, choices=Trigger.choices)
    health = models.JSONField(_("health per area"), default=dict)  # {area code: share 0..1 or None}
    overall = models.FloatField(_("health"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("checklist run")
        verbose_name_plural = _("checklist runs")

    def __str__(self):
        return f"{self.partnership}: {self.created_at:%Y-%m-%d %H:%M}"

    def get_additional_data(self):
        return {"partnership": self.partnership_id}


class RunItem(AppendOnlyModel):
    run = models.ForeignKey(ChecklistRun, on_delete=models.PROTECT, related_name="items")
    item_id = models.CharField(_("item"), max_length=8)
    result = models.CharField(_("result"), max_length=8, choices=Result.choices)
    evidence = models.TextField(_("evidence"), blank=True)
    links = models.JSONField(default=list, blank=True)  # [[label, url]]
    hint = models.CharField(max_length=8, choices=Result.choices, blank=True)  # the data's finding, for assisted
    judgement_note = models.TextField(blank=True)
    stale = models.BooleanField(default=False)

    class Meta:
        ordering = ["run", "pk"]
        verbose_name = _("checklist item result")
        verbose_name_plural = _("checklist item results")
        constraints = [models.UniqueConstraint(fields=["run", "item_id"], name="run_item_once")]

    def __str__(self):
        return f"{self.item_id}: {self.get_result_display()}"


class Judgement(AppendOnlyModel):
    """A person's verdict on an assisted or manual item (confirm: pass; reject: fail; or warn), with a note and an
    optional evidence link. The newest judgement of an item counts until it goes stale (phases.checks.is_stale)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="judgements")
    item_id = models.CharField(_("item"), max_length=8)
    result = models.CharField(
        _("verdict"), max_length=8, choices=[(r.value, r.label) for r in (Result.PASS, Result.WARN, Result.FAIL)]
    )
    note = models.TextField(_("note"))
    evidence_url = models.URLField(_("evidence link"), max_length=500, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("judgement")
        verbose_name_plural = _("judgements")

    def __str__(self):
        return f"{self.item_id}: {self.get_result_display()}"

    def get_additional_data(self):
        return {"partnership": self.partnership_id}


class ParameterOverride(models.Model):
    """A partnership's own value of a catalogue item's `cfg` parameter (the installation default otherwise)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="checklist_parameters")
    item_id = models.CharField(_("item"), max_length=8)
    name = models.CharField(_("parameter"), max_length=40)
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)

    class Meta:
        verbose_name = _("checklist parameter")
        verbose_name_plural = _("checklist parameters")
        constraints = [models.UniqueConstraint(fields=["partnership", "item_id", "name"], name="parameter_once")]

    def __str__(self):
        return f"{self.item_id} {self.name} = {self.value}"
