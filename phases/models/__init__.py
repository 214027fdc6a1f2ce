"""The lifecycle's records: phase transitions (`transitions`), the success-factor checklist (`checklist`) and the
partnering health check (`health_check`)."""

from .checklist import (
    ChecklistRun,
    EvaluationRequest,
    Judgement,
    ParameterOverride,
    RequestStatus,
    RunItem,
    Trigger,
)
from .health_check import HealthCheck, HealthCheckScore
from .transitions import AppendOnlyError, PhaseTransition

__all__ = [
    "AppendOnlyError",
    "ChecklistRun",
    "EvaluationRequest",
    "HealthCheck",
    "HealthCheckScore",
    "Judgement",
    "ParameterOverride",
    "PhaseTransition",
    "RequestStatus",
    "RunItem",
    "Trigger",
]
