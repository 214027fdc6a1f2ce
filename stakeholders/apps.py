from django.apps import AppConfig


class StakeholdersConfig(AppConfig):
    name = "stakeholders"
    verbose_name = "Stakeholders"

    def ready(self):
        from auditlog.registry import auditlog

        from .models import ContactPerson, Membership, Organisation

        auditlog.register(Organisation, exclude_fields=["created_at", "updated_at"])
        auditlog.register(ContactPerson, exclude_fields=["created_at"])
        auditlog.register(Membership, exclude_fields=["created_at"])
