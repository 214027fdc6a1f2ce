"""The monitoring app's URLs, in one namespace ("monitoring"), under a partnership: indicators, their periods and
data, the SDG page, exports; lessons, capacity gaps, the context analysis with related initiatives, and risks;
reports (the public page of a published report is in urls_root.py)."""

from django.urls import path

from .views import (
    actuals,
    context,
    definitions,
    indicators,
    learning,
    periods,
    public_story,
    report_schedule,
    reports,
    risks,
    sdgs,
    table,
)

app_name = "monitoring"

urlpatterns = [
    path("indicators/", table.IndicatorTableView.as_view(), name="indicators"),
    path("indicators/export/", table.indicators_export, name="indicators_export"),
    path("indicators/<int:pk>/", indicators.IndicatorView.as_view(), name="indicator"),
    path("indicators/add/", definitions.IndicatorFormView.as_view(), name="indicator_add"),
    path("indicators/<int:pk>/edit/", definitions.IndicatorFormView.as_view(), name="indicator_edit"),
    path("indicators/<int:pk>/delete/", definitions.indicator_delete, name="indicator_delete"),
    path("indicators/<int:pk>/periods/add/", periods.PeriodFormView.as_view(), name="period_add"),
    path("indicators/<int:pk>/periods/generate/", periods.GenerateView.as_view(), name="periods_generate"),
    path("indicators/<int:pk>/targets/", periods.TargetsView.as_view(), name="targets"),
    path("indicators/<int:pk>/periods/lock-ended/", periods.periods_lock_ended, name="periods_lock_ended"),
    path("indicators/<int:pk>/periods/<int:period_pk>/edit/", periods.PeriodFormView.as_view(), name="period_edit"),
    path("indicators/<int:pk>/periods/<int:period_pk>/delete/", periods.period_delete, name="period_delete"),
    path("indicators/<int:pk>/periods/<int:period_pk>/lock/", periods.period_lock, name="period_lock"),
    path("indicators/<int:pk>/periods/<int:period_pk>/unlock/", periods.period_unlock, name="period_unlock"),
    path("dimensions/", definitions.DimensionListView.as_view(), name="dimensions"),
    path("dimensions/add/", definitions.DimensionFormView.as_view(), name="dimension_add"),
    path("dimensions/<int:pk>/edit/", definitions.DimensionFormView.as_view(), name="dimension_edit"),
    path("dimensions/<int:pk>/delete/", definitions.dimension_delete, name="dimension_delete"),
    path(
        "indicators/<int:pk>/periods/<int:period_pk>/actual/",
        actuals.ActualEditView.as_view(),
        name="actual_edit",
    ),
    path("data-entry/", actuals.DataEntryView.as_view(), name="data_entry"),
    # The Learning tab: lessons, capacity gaps, the context with related initiatives, risks.
    path("learning/lessons/", learning.LessonListView.as_view(), name="lessons"),
    path("learning/lessons/new/", learning.LessonFormView.as_view(), name="lesson_add"),
    path("learning/lessons/<int:pk>/edit/", learning.LessonFormView.as_view(), name="lesson_edit"),
    path("learning/lessons/<int:pk>/delete/", learning.lesson_delete, name="lesson_delete"),
    path("learning/capacity-gaps/", learning.CapacityGapListView.as_view(), name="capacity_gaps"),
    path("learning/capacity-gaps/new/", learning.CapacityGapFormView.as_view(), name="capacity_gap_add"),
    path("learning/capacity-gaps/<int:pk>/edit/", learning.CapacityGapFormView.as_view(), name="capacity_gap_edit"),
    path("learning/capacity-gaps/<int:pk>/reviewed/", learning.capacity_gap_reviewed, name="capacity_gap_reviewed"),
    path("learning/capacity-gaps/<int:pk>/delete/", learning.capacity_gap_delete, name="capacity_gap_delete"),
    path("learning/context/", context.ContextView.as_view(), name="context"),
    path("learning/context/new/", context.ContextAnalysisFormView.as_view(), name="context_add"),
    path("learning/context/initiatives/new/", context.InitiativeFormView.as_view(), name="initiative_add"),
    path("learning/context/initiatives/<int:pk>/edit/", context.InitiativeFormView.as_view(), name="initiative_edit"),
    path("learning/context/initiatives/<int:pk>/delete/", context.initiative_delete, name="initiative_delete"),
    path("learning/risks/", risks.RiskListView.as_view(), name="risks"),
    path("learning/risks/new/", risks.RiskFormView.as_view(), name="risk_add"),
    path("learning/risks/<int:pk>/edit/", risks.RiskFormView.as_view(), name="risk_edit"),
    path("learning/risks/<int:pk>/delete/", risks.risk_delete, name="risk_delete"),
    path("sdgs/", sdgs.SdgView.as_view(), name="sdgs"),
    # The public report's story (the secretariat's words, photo and key results).
    path("reports/story/", public_story.PublicStoryView.as_view(), name="public_story"),
    path("reports/story/photo/", public_story.public_story_photo, name="public_story_photo"),
    # Reports: the versions and the secretariat's request form, one version with its job's status, its PDF.
    path("reports/", reports.ReportListView.as_view(), name="reports"),
    path("reports/<int:pk>/", reports.ReportView.as_view(), name="report"),
    path("reports/<int:pk>/status/", reports.report_status, name="report_status"),
    path("reports/<int:pk>/pdf/", reports.report_download, name="report_download"),
    path("reports/<int:pk>/retry/", reports.report_retry, name="report_retry"),
    path("reports/<int:pk>/release/", reports.report_release, name="report_release"),
    path("reports/<int:pk>/publish/", reports.report_publish, name="report_publish"),
    path("reports/<int:pk>/unpublish/", reports.report_unpublish, name="report_unpublish"),
    # Reports: the secretariat's reporting schedule.
    path("reports/schedule/", report_schedule.ScheduleView.as_view(), name="report_schedule"),
]
