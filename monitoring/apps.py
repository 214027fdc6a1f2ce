from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = _("Monitoring and learning")

    def ready(self):
        from auditlog.registry import auditlog

        # checks: the success-factor rules, dashboard_learning: the Learning tab and card; they register themselves.
        from . import checks, dashboard_learning, models  # noqa: F401

        # Who may do what is declared in msp.access (ACTIONS), with every other rule.
        auditlog.register(models.Dimension)
        auditlog.register(models.Category)
        auditlog.register(models.Indicator, m2m_fields={"sdg_targets", "dimensions"})
        auditlog.register(models.Period, exclude_fields=["locked_by"])
        auditlog.register(models.Actual, exclude_fields=["entered_by", "entered_at"])
        auditlog.register(models.Breakdown)
        auditlog.register(models.Lesson, exclude_fields=["created_by"])
        auditlog.register(models.CapacityGap)
        auditlog.register(models.ContextAnalysis, exclude_fields=["created_by"])
        auditlog.register(models.RelatedInitiative)
        auditlog.register(models.Risk)
        # Reports in the feed: asked for, released, published or unpublished (the job's own progress is not news).
        auditlog.register(
            models.Report,
            include_fields=["kind", "number", "period_start", "period_end", "language", "released_at", "published_at"],
        )
        auditlog.register(models.PublicStory, m2m_fields={"key_results"}, exclude_fields=["updated_at"])
        auditlog.register(models.ReportSchedule, exclude_fields=["last_period_end"])
