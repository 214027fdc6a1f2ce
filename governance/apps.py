from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = "Roadmap and MoU"

    def ready(self):
        from auditlog.registry import auditlog

        from msp import access

        from . import models

        # Reading the agreed texts: everyone with a role (donors read, they do not act). Review comments are the
        # members' discussion and stay behind "view".
        access.register_action("view_agreements", access.EVERYONE)
        access.register_action("comment_agreement", access.MEMBERS)
        # Approving and signing: people of member organisations, for their own organisation only. The
        # secretariat is neutral and does neither (and so superusers, who act as the secretariat, do not either).
        access.register_action("act_for_organisation", {access.PARTNER})
        # Recording an approval or signature a party gave outside the app (on paper, by e-mail), with the evidence.
        access.register_action("record_for_organisation", access.STAFF)

        auditlog.register(models.RoadmapVersion)
        auditlog.register(models.RoadmapGoal)
        auditlog.register(models.ResultNode, exclude_fields=["key"])
        auditlog.register(models.Milestone, exclude_fields=["key"])
        auditlog.register(models.RoadmapComment)
        auditlog.register(models.RoadmapApproval)
        auditlog.register(models.MouVersion)
        auditlog.register(models.Clause, exclude_fields=["key"])
        auditlog.register(models.MouComment)
        auditlog.register(models.MouApproval)
        auditlog.register(models.MouSignature)
        auditlog.register(models.RoadmapParty)
        auditlog.register(models.MouParty)
        auditlog.register(models.MouScan)
