"""The roadmap (vision, goals, results chain, milestones) and the memorandum of understanding, in versions.

Both are agreed in versions that the secretariat drafts and partners review, approve and (the MoU) sign for their
organisation. A version is editable only while it is a draft; once sent (for review, approval or signature) it is
frozen, and changes make a new version, which starts as a copy of the last one. The freeze holds on every path:
services check the status under a row lock, model `save`/`delete` and queryset `update`/`delete` refuse, and the
admin shows frozen versions read-only.

Results-chain nodes and clauses carry a `key` that is copied into the next version, so a node or clause can be
followed across versions (the MoU comparison matches clauses by it; indicators and budget lines can point at a
node's key and find its current wording).

One module per subject: `base` (the draft rule and what versions, parts, comments, approvals and parties share),
`roadmap`, `mou`, `signatures` (what a signed MoU keeps), `bodies` (bodies, their seats, the secretariat and its
staff), `decisions` (the decision log and positions), `meetings`, `minutes`, `meeting_papers`, `rates` (exchange
rates, the installation's), `commitments` (what each member brings), `budget` (budget lines, reviews and
transactions). Every model is importable from here, as before the split (migrations name
`governance.models.private_storage`).
"""

from msp.records import AppendOnlyError
from msp.storage import PrivateStorage, private_storage

from .base import (
    DRAFT,
    EVIDENCE_UPLOAD_TO,
    ApprovalBase,
    CommentBase,
    DraftOnlyQuerySet,
    FrozenVersion,
    Method,
    PartyBase,
    RecordedOffline,
    VersionBase,
    VersionPart,
    content_hash,
)
from .bodies import FULL_TIME, Body, BodyType, MajorityThreshold, Seat, SecretariatStaff, StaffRole
from .budget import (
    AGAINST_A_LINE,
    RECEIVED_TYPES,
    RECORDED_TYPES,
    SPENT_TYPES,
    BudgetCategory,
    BudgetLine,
    BudgetReview,
    BudgetType,
    Transaction,
    TransactionType,
)
from .commitments import Commitment, CommitmentStatus, CommitmentType, CommitmentYear
from .decisions import (
    DECISION_EVIDENCE_UPLOAD_TO,
    FUTURE_DIRECTIONS,
    Decision,
    DecisionPosition,
    DecisionStatus,
    DecisionTopic,
)
from .meeting_papers import MEETING_PAPER_UPLOAD_TO, MeetingPaper
from .meetings import Meeting, MeetingStatus
from .minutes import Minutes, MinutesComment, MinutesStatus
from .mou import Clause, ClauseType, MouApproval, MouComment, MouParty, MouVersion
from .rates import ExchangeRate
from .roadmap import (
    LEVEL_ORDER,
    Level,
    Milestone,
    MilestoneStatus,
    ResultNode,
    RoadmapApproval,
    RoadmapComment,
    RoadmapGoal,
    RoadmapParty,
    RoadmapVersion,
    parent_level,
)
from .signatures import MouScan, MouSignature
from .transaction_imports import PendingTransactionImport, TransactionImportMapping

__all__ = [
    "AGAINST_A_LINE",
    "RECEIVED_TYPES",
    "RECORDED_TYPES",
    "SPENT_TYPES",
    "BudgetCategory",
    "BudgetLine",
    "BudgetReview",
    "BudgetType",
    "Transaction",
    "TransactionType",
    "DRAFT",
    "EVIDENCE_UPLOAD_TO",
    "LEVEL_ORDER",
    "AppendOnlyError",
    "FULL_TIME",
    "ApprovalBase",
    "Body",
    "BodyType",
    "Clause",
    "Commitment",
    "CommitmentStatus",
    "CommitmentType",
    "CommitmentYear",
    "DECISION_EVIDENCE_UPLOAD_TO",
    "Decision",
    "DecisionPosition",
    "DecisionStatus",
    "DecisionTopic",
    "FUTURE_DIRECTIONS",
    "ClauseType",
    "CommentBase",
    "DraftOnlyQuerySet",
    "ExchangeRate",
    "FrozenVersion",
    "Level",
    "MajorityThreshold",
    "Meeting",
    "MeetingStatus",
    "Minutes",
    "MinutesComment",
    "MinutesStatus",
    "MEETING_PAPER_UPLOAD_TO",
    "MeetingPaper",
    "Method",
    "Milestone",
    "MilestoneStatus",
    "MouApproval",
    "MouComment",
    "MouParty",
    "MouScan",
    "MouSignature",
    "MouVersion",
    "PartyBase",
    "PendingTransactionImport",
    "PrivateStorage",
    "RecordedOffline",
    "ResultNode",
    "RoadmapApproval",
    "RoadmapComment",
    "RoadmapGoal",
    "RoadmapParty",
    "RoadmapVersion",
    "Seat",
    "SecretariatStaff",
    "StaffRole",
    "TransactionImportMapping",
    "VersionBase",
    "VersionPart",
    "content_hash",
    "parent_level",
    "private_storage",
]
