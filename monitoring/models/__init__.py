"""Monitoring, learning and context (DESIGN capabilities 8 and 9).

One module per subject: `indicators` (indicators on results-chain nodes, disaggregation dimensions, reporting
periods with targets, actual values and their breakdown) and `learning` (lessons, capacity gaps, the context
analysis and related initiatives, risks) and `reports` (donor, public and portfolio reports as versions, the public story,
reporting schedules). Every model is importable from here.
"""

from .indicators import (
    NUMERIC_MEASURES,
    Actual,
    Aggregation,
    Breakdown,
    Category,
    Dimension,
    Direction,
    Indicator,
    Light,
    Measure,
    Period,
)
from .learning import (
    NEEDS_ALIGNMENT,
    CapacityGap,
    ContextAnalysis,
    GapLevel,
    GapStatus,
    InitiativeKind,
    Lesson,
    LessonSource,
    RelatedInitiative,
    Risk,
    RiskStatus,
)
from .reports import Frequency, PublicStory, Report, ReportKind, ReportSchedule, ReportStatus, ReportTrigger

__all__ = [
    "NEEDS_ALIGNMENT",
    "NUMERIC_MEASURES",
    "Actual",
    "Aggregation",
    "Breakdown",
    "CapacityGap",
    "Category",
    "ContextAnalysis",
    "Dimension",
    "Direction",
    "GapLevel",
    "GapStatus",
    "Indicator",
    "InitiativeKind",
    "Lesson",
    "LessonSource",
    "Light",
    "Measure",
    "Period",
    "RelatedInitiative",
    "Risk",
    "RiskStatus",
    "Frequency",
    "PublicStory",
    "Report",
    "ReportKind",
    "ReportSchedule",
    "ReportStatus",
    "ReportTrigger",
]
