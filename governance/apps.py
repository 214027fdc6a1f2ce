from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = _("Roadmap and MoU")

    def ready(self):
        from auditlog.registry import auditlog

        from . import checks, models  # noqa: F401  (checks: the success-factor rules register themselves)

        # Who may do what with roadmaps and MoUs is declared in msp.access (ACTIONS), with every other rule.
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
        auditlog.register(models.Body)
        auditlog.register(models.Seat)
        auditlog.register(models.SecretariatStaff)
        auditlog.register(models.Decision)
        auditlog.register(models.DecisionPosition)
        auditlog.register(models.Commitment)
        auditlog.register(models.CommitmentYear)
        auditlog.register(models.BudgetLine)
        auditlog.register(models.BudgetReview)
        auditlog.register(models.Transaction, exclude_fields=["fingerprint", "import_batch"])
        auditlog.register(models.Meeting, m2m_fields={"organisations", "attendees"}, exclude_fields=["sequence"])
        auditlog.register(models.MeetingPaper)
        auditlog.register(models.Minutes, exclude_fields=["recorded_by", "finalised_by"])
        auditlog.register(models.MinutesComment, exclude_fields=["author"])
        # Exchange rates are the installation's: their corrections are in the log (not in a partnership's feed).
        auditlog.register(models.ExchangeRate, exclude_fields=["recorded_at"])
