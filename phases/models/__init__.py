"""The lifecycle's records: phase transitions (`transitions`) and the success-factor checklist (`checklist`)."""

from .checklist import (
    ChecklistRun,
    EvaluationRequest,
    Judgement,
    ParameterOverride,
    RequestStatus,
    RunItem,
    Trigger,
)
from .transitions import AppendOnlyError, PhaseTransition

__all__ = [
    "AppendOnlyError",
    "ChecklistRun",
    "EvaluationRequest",
    "Judgement",
    "ParameterOverride",
    "PhaseTransition",
    "RequestStatus",
    "RunItem",
    "Trigger",
]
