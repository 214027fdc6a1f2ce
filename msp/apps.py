from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class MspConfig(AppConfig):
    name = "msp"
    verbose_name = "MSP Manager"

    def ready(self):
        from auditlog.registry import auditlog
        from django.apps import apps
        from django.contrib.auth.signals import user_logged_in

        from .models import Partnership, PartnershipRole
        from .profiles import remember_language_on_login
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
        # A signed-in user's chosen language, copied into their session (see msp.profiles).
        user_logged_in.connect(remember_language_on_login, dispatch_uid="msp.remember_language_on_login")
        # Every app's dashboard cards and tabs (see msp.registry).
        autodiscover_modules("dashboard")
