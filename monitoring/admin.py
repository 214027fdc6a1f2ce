"""Admin for monitoring and learning: the administrators' view of the rows; the pages are where people work."""

from django.contrib import admin

from . import models


class PeriodInline(admin.TabularInline):
    model = models.Period
    extra = 0
    fields = ["start", "end", "target_value", "target_text", "locked_at"]
    readonly_fields = ["locked_at"]


@admin.register(models.Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "partnership", "measure", "direction", "aggregation", "responsible"]
    list_filter = ["measure", "direction", "aggregation"]
    search_fields = ["name", "partnership__name"]
    raw_id_fields = ["partnership", "responsible"]
    filter_horizontal = ["sdg_targets"]
    inlines = [PeriodInline]


@admin.register(models.Dimension)
class DimensionAdmin(admin.ModelAdmin):
    list_display = ["name", "partnership"]
    raw_id_fields = ["partnership"]


@admin.register(models.Actual)
class ActualAdmin(admin.ModelAdmin):
    list_display = ["period", "value", "text", "measured_on", "entered_by"]
    raw_id_fields = ["period", "entered_by"]


for model, fields in [
    (models.Lesson, ["title", "partnership", "source", "learned_on"]),
    (models.CapacityGap, ["organisation", "partnership", "level", "status", "last_reviewed_on"]),
    (models.ContextAnalysis, ["analysed_on", "partnership", "no_related_initiatives"]),
    (models.RelatedInitiative, ["name", "partnership", "kind", "last_exchange_on"]),
    (models.Risk, ["title", "partnership", "likelihood", "impact", "status"]),
]:
    admin.site.register(model, list_display=fields, raw_id_fields=["partnership"])
