from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StakeholdersConfig(AppConfig):
    name = "stakeholders"
    verbose_name = _("Stakeholders")

    def ready(self):
        from auditlog.registry import auditlog

        from msp import affiliations, outbox
        from msp.selectors import register_activity_source

        from . import (
            checks,  # noqa: F401  (registers the success-factor rules with phases.checks)
            emails,
            snapshots,  # noqa: F401  (registers the stakeholder map's snapshot with phases.snapshots)
        )
        from .affiliations import AFFILIATIONS
        from .models import ContactPerson, Invitation, Membership, Organisation, StakeholderMapEntry
        from .selectors import registry_activity

        auditlog.register(Organisation, exclude_fields=["created_at", "updated_at"])
        auditlog.register(ContactPerson, exclude_fields=["created_at"])
        auditlog.register(Membership, exclude_fields=["created_at"])
        auditlog.register(StakeholderMapEntry, exclude_fields=["created_at", "updated_at"])
        # The nonce is the secret half of the link; the sending bookkeeping is not news.
        auditlog.register(
            Invitation,
            exclude_fields=["nonce", "sent_at", "send_count", "created_at"],
        )
        # Registry changes show in the feed of each partnership the organisation is a member of.
        register_activity_source(registry_activity)
        # "People & roles" links a partner's account to a contact person, so to an organisation.
        affiliations.register(AFFILIATIONS)
        # The invitation e-mail is written when it is sent, from the invitation's current link.
        outbox.register(emails.INVITATION_EMAIL, render=emails.invitation_message, sent=emails.invitation_sent)
