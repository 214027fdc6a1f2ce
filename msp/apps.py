from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class MspConfig(AppConfig):
    name = "msp"
    verbose_name = "MSP Manager"

    def ready(self):
        from auditlog.registry import auditlog
        from django.apps import apps

        from .models import Partnership, PartnershipRole
        from .text import guard_single_line_fields

        auditlog.register(
            Partnership,
            # archived_by: the entry's actor already says who archived it.
            exclude_fields=["revision", "updated_at", "created_at", "phase_since", "archived_by"],
            m2m_fields={"countries", "sdg_goals", "sdg_targets"},
        )
        auditlog.register(PartnershipRole, exclude_fields=["granted_at"])
        # Names, titles and other single-line fields refuse line breaks and control characters (see msp.text).
        guard_single_line_fields(apps.get_models())
        # Every app's dashboard cards and tabs (see msp.registry).
        autodiscover_modules("dashboard")
