from django.apps import AppConfig


class PhasesConfig(AppConfig):
    name = "phases"
    verbose_name = "Phases"

    def ready(self):
        from auditlog.registry import auditlog

        from .models import PhaseTransition

        auditlog.register(PhaseTransition)
