"""Indicators and their data: what the partnership measures, on which node of its results chain, against which
targets, per reporting period, and what was achieved.

An indicator points at a results-chain node by the node's `key`, which every roadmap version copies, so the link
survives new versions of the roadmap (as budget lines do). Its measure is the IATI IndicatorMeasure codelist:
unit and percentage take numbers (progress and a traffic light are computed, monitoring.progress); nominal,
ordinal and qualitative take words, and a person sets their light with a note.

Each reporting period has a target and at most one actual (corrections change it; the activity feed keeps what it
was). Periods of one indicator never overlap (checked by the services under the indicator's row lock). An actual
may be broken down by the partnership's disaggregation dimensions (sex, region...), one value per category; for a
unit indicator each dimension's values add up to the total. A locked period (the secretariat locks it once its
data is checked) takes no more changes, and only locked periods reach donors.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from msp.codelists import SdgTarget
from msp.models import Partnership
from stakeholders.models import Organisation

VALUE = {"max_digits": 18, "decimal_places": 4}


class Measure(models.TextChoices):
    """IATI IndicatorMeasure codelist (IATI Standard, http://iatistandard.org/, CC BY 4.0): monitoring/data/iati."""

    UNIT = "1", pgettext_lazy("IATI indicator measure", "Unit")
    PERCENTAGE = "2", pgettext_lazy("IATI indicator measure", "Percentage")
    NOMINAL = "3", pgettext_lazy("IATI indicator measure", "Nominal")
    ORDINAL = "4", pgettext_lazy("IATI indicator measure", "Ordinal")
    QUALITATIVE = "5", pgettext_lazy("IATI indicator measure", "Qualitative")


# Measures whose values are numbers, so that progress is a percentage; the others take words.
NUMERIC_MEASURES = frozenset({Measure.UNIT, Measure.PERCENTAGE})


class Direction(models.TextChoices):
    ASCENDING = "ascending", _("Higher is better")
    DESCENDING = "descending", _("Lower is better")


class Aggregation(models.TextChoices):
    # Each period's target and actual stand on their own (a rate, a share, a level).
    PERIOD = "period", _("Targets per period")
    # Each period records what was achieved in it; progress compares running totals (baseline plus every period
    # so far) of actuals against running totals of targets.
    CUMULATIVE = "cumulative", _("Cumulative running totals")


class Light(models.TextChoices):
    GREEN = "green", _("On track")
    AMBER = "amber", _("At risk")
    RED = "red", _("Off track")


class Dimension(models.Model):
    """A way the partnership breaks its data down (sex, region...), defined once for all its indicators."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="dimensions")
    name = models.CharField(_("name"), max_length=100)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("disaggregation dimension")
        verbose_name_plural = _("disaggregation dimensions")
        constraints = [models.UniqueConstraint(fields=["partnership", "name"], name="dimension_name_once")]

    def __str__(self):
        return self.name

    def get_additional_data(self):
        """Read by auditlog: files this record's changes under the partnership's activity feed."""
        return {"partnership": self.partnership_id}


class Category(models.Model):
    """One value of a dimension (female, male; north, south...)."""

    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(_("name"), max_length=100)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = [models.UniqueConstraint(fields=["dimension", "name"], name="category_name_once")]

    def __str__(self):
        return self.name

    def get_additional_data(self):
        return {"partnership": self.dimension.partnership_id}


class Indicator(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="indicators")
    result_node_key = models.UUIDField(
        _("result"), help_text=_("The node of the results chain this indicator measures (its key, across versions).")
    )
    name = models.CharField(_("name"), max_length=300)
    definition = models.TextField(_("definition"), blank=True)
    measure = models.CharField(_("measure"), max_length=1, choices=Measure.choices, default=Measure.UNIT)
    unit_label = models.CharField(_("unit"), max_length=50, blank=True, help_text=_("For example: farmers, hectares."))
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices, default=Direction.ASCENDING)
    aggregation = models.CharField(
        _("aggregation"), max_length=10, choices=Aggregation.choices, default=Aggregation.PERIOD
    )
    baseline_value = models.DecimalField(_("baseline"), null=True, blank=True, **VALUE)
    baseline_text = models.CharField(_("baseline (in words)"), max_length=300, blank=True)
    baseline_date = models.DateField(_("baseline date"), null=True, blank=True)
    sdg_targets = models.ManyToManyField(
        SdgTarget, blank=True, related_name="indicators", verbose_name=_("SDG targets")
    )
    responsible = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="responsible_for_indicators",
        verbose_name=_("responsible organisation"),
    )
    means_of_verification = models.TextField(_("means of verification"), blank=True)
    dimensions = models.ManyToManyField(
        Dimension, blank=True, related_name="indicators", verbose_name=_("disaggregated by")
    )
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name

    @property
    def is_numeric(self):
        return self.measure in NUMERIC_MEASURES

    def get_additional_data(self):
        return {"partnership": self.partnership_id}


class Period(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="periods")
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    target_value = models.DecimalField(_("target"), null=True, blank=True, **VALUE)
    target_text = models.CharField(_("target (in words)"), max_length=300, blank=True)
    locked_at = models.DateTimeField(_("locked"), null=True, blank=True)
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "start"], name="period_start_once"),
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="period_ends_after_start"),
        ]
        # Periods still open for data, by end: what My work's "data due" reads across all of a person's
        # partnerships (without it, a scan of every period: 55 ms at the benchmark's size, docs/performance.md).
        indexes = [models.Index(fields=["end"], condition=Q(locked_at__isnull=True), name="period_open_end")]

    def __str__(self):
        return f"{self.start:%Y-%m-%d} – {self.end:%Y-%m-%d}"

    @property
    def is_locked(self):
        return self.locked_at is not None

    def get_additional_data(self):
        return {"partnership": self.indicator.partnership_id}


class Actual(models.Model):
    """What was achieved in a period: a number (unit, percentage) or words (nominal, ordinal, qualitative), with a
    narrative, the date it was measured and who entered it. For words, the person sets the light with a note."""

    period = models.OneToOneField(Period, on_delete=models.CASCADE, related_name="actual")
    value = models.DecimalField(_("actual"), null=True, blank=True, **VALUE)
    text = models.CharField(_("actual (in words)"), max_length=300, blank=True)
    narrative = models.TextField(_("narrative"), blank=True)
    measured_on = models.DateField(_("date"))
    light = models.CharField(_("light"), max_length=5, choices=Light.choices, blank=True)
    light_note = models.TextField(_("why this light"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )
    entered_at = models.DateTimeField(_("entered"), auto_now=True)

    class Meta:
        verbose_name = _("actual value")
        verbose_name_plural = _("actual values")

    def __str__(self):
        return self.text or (f"{self.value.normalize():f}" if self.value is not None else "")

    def get_additional_data(self):
        return {"partnership": self.period.indicator.partnership_id}


class Breakdown(models.Model):
    """One category's share of an actual."""

    actual = models.ForeignKey(Actual, on_delete=models.CASCADE, related_name="breakdown")
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField(_("value"), **VALUE)

    class Meta:
        ordering = ["category__dimension__position", "category__position", "pk"]
        verbose_name = _("disaggregated value")
        verbose_name_plural = _("disaggregated values")
        constraints = [models.UniqueConstraint(fields=["actual", "category"], name="breakdown_category_once")]

    def __str__(self):
        return f"{self.category}: {self.value.normalize():f}"

    def get_additional_data(self):
        return {"partnership": self.actual.period.indicator.partnership_id}
