"""Writes of the roadmap and the MoU, and of governance bodies.

Every service takes the acting user as `by=` and asks msp.access; every one that depends on a version's status
locks the version row (`select_for_update`) before looking at it, so a version sent or signed in the meantime is
seen as it is now. Status moves go through `VersionBase.move_to`, the one status machine. E-mails are written
into the outbox in the same transaction (msp.services.notify) and sent after commit.

One module per subject (`roadmap_drafting`, `roadmap_review`, `mou_drafting`, `mou_signing`, `scans`,
`comments`, `parties`; `common` holds the row lock and the parties' helpers; `bodies` keeps governance bodies,
seats and the secretariat's staff; `rates` the installation's exchange rates; `budget` the budget lines, reviews and
transactions, `transaction_imports` the bank import); decisions, meetings, minutes, meeting papers and `commitments` have theirs. Every service is
importable from here; the modules import each other only downwards (parties uses the approval and signature
modules, never the reverse), so there is no import circle.
"""

from .bodies import body_delete, body_save, seat_remove, seat_save, staff_remove, staff_save
from .budget import (
    budget_line_delete,
    budget_line_revise,
    budget_line_save,
    budget_review_save,
    transaction_delete,
    transaction_save,
)
from .comments import comment_resolve, mou_comment, roadmap_comment
from .commitments import commitment_save, spread
from .decisions import (
    adoption,
    decision_decide,
    decision_open,
    decision_save,
    position_record,
    position_record_on_behalf,
)
from .meeting_papers import meeting_paper_remove, meeting_paper_share, meeting_paper_upload
from .meetings import meeting_cancel, meeting_invite, meeting_save
from .minutes import minutes_circulate, minutes_comment, minutes_finalise, minutes_save
from .mou_drafting import (
    clause_delete,
    clause_move,
    clause_save,
    mou_version_create,
    mou_version_discard,
    mou_version_update,
)
from .mou_signing import (
    mou_after_signature,
    mou_approve,
    mou_send_for_review,
    mou_send_for_signature,
    mou_sign,
    mou_terminate,
)
from .parties import (
    EVIDENCE_MAX_BYTES,
    approve_on_record,
    check_evidence,
    mou_sign_on_paper,
    party_add,
    party_remove,
)
from .rates import rate_save, rates_import
from .roadmap_drafting import (
    milestone_delete,
    milestone_progress,
    milestone_save,
    result_node_delete,
    result_node_save,
    roadmap_version_create,
    roadmap_version_discard,
    roadmap_version_update,
)
from .roadmap_review import roadmap_approve, roadmap_approve_if_complete, roadmap_send_for_review
from .scans import SCAN_MAX_BYTES, mou_scan_upload
from .transaction_imports import (
    ImportRefused,
    pending_transaction_import_create,
    remembered_mapping,
    transactions_import,
)

__all__ = [
    "ImportRefused",
    "pending_transaction_import_create",
    "remembered_mapping",
    "transactions_import",
    "budget_line_delete",
    "budget_line_revise",
    "budget_line_save",
    "budget_review_save",
    "transaction_delete",
    "transaction_save",
    "commitment_save",
    "spread",
    "adoption",
    "decision_decide",
    "decision_open",
    "decision_save",
    "position_record",
    "position_record_on_behalf",
    "EVIDENCE_MAX_BYTES",
    "SCAN_MAX_BYTES",
    "approve_on_record",
    "body_delete",
    "body_save",
    "check_evidence",
    "meeting_cancel",
    "meeting_paper_remove",
    "meeting_paper_share",
    "meeting_paper_upload",
    "meeting_invite",
    "meeting_save",
    "minutes_circulate",
    "minutes_comment",
    "minutes_finalise",
    "minutes_save",
    "clause_delete",
    "clause_move",
    "clause_save",
    "comment_resolve",
    "milestone_delete",
    "milestone_progress",
    "milestone_save",
    "mou_after_signature",
    "mou_approve",
    "mou_comment",
    "mou_scan_upload",
    "mou_send_for_review",
    "mou_send_for_signature",
    "mou_sign",
    "mou_sign_on_paper",
    "mou_terminate",
    "mou_version_create",
    "mou_version_discard",
    "mou_version_update",
    "party_add",
    "party_remove",
    "rate_save",
    "rates_import",
    "result_node_delete",
    "result_node_save",
    "roadmap_approve",
    "roadmap_approve_if_complete",
    "roadmap_comment",
    "roadmap_send_for_review",
    "roadmap_version_create",
    "roadmap_version_discard",
    "roadmap_version_update",
    "seat_remove",
    "seat_save",
    "staff_remove",
    "staff_save",
]
