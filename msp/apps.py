from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class MspConfig(AppConfig):
    name = "msp"
    verbose_name = "MSP Manager"

    def ready(self):
        from auditlog.registry import auditlog

        from .models import Partnership, PartnershipRole

        auditlog.register(
            Partnership,
            exclude_fields=["revision", "updated_at", "created_at", "phase_since"],
            m2m_fields={"countries", "sdg_goals", "sdg_targets"},
        )
        auditlog.register(PartnershipRole, exclude_fields=["granted_at"])
        # Every app's dashboard cards and tabs (see msp.registry).
        autodiscover_modules("dashboard")
