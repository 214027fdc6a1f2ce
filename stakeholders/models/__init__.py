"""Who is who: the organisation registry (shared by all partnerships), their contact persons, membership of
organisations in partnerships, each partnership's stakeholder map and invitations, one module per subject.

Everything is re-exported here, so `from stakeholders.models import Organisation` and the migrations (which name
`stakeholders.models._nonce`) keep working; the models keep the app label and tables they always had.
"""

# isort: off
# In the order of the old single module, so the app registry lists the models as before.
from ..pending_imports import PendingImport
from .limits import (
    EARLIEST_DATE,
    JOIN_AHEAD,
    LEAVE_AHEAD,
    MAX_CAPACITY,
    MAX_INVITATION_DAYS,
    capacity_too_large,
    date_out_of_range,
    latest_date,
)
from .registry import (
    AUTHORITY_FIELDS,
    ContactPerson,
    Organisation,
    OrganisationType,
    Sector,
    Seniority,
    authority_refusal,
)
from .membership import IatiRole, MemberRole, Membership, MembershipQuerySet
from .stakeholder_map import (
    HIGH,
    SCORE_CHOICES,
    SCORE_VALIDATORS,
    EngagementLevel,
    Quadrant,
    StakeholderMapEntry,
)
from .invitations import (
    INVITATION_VALIDITY,
    TOKEN_SALT,
    Invitation,
    InvitationQuerySet,
    InvitationStatus,
    _nonce,
)
# isort: on

__all__ = [
    "AUTHORITY_FIELDS",
    "EARLIEST_DATE",
    "HIGH",
    "INVITATION_VALIDITY",
    "JOIN_AHEAD",
    "LEAVE_AHEAD",
    "MAX_CAPACITY",
    "MAX_INVITATION_DAYS",
    "SCORE_CHOICES",
    "SCORE_VALIDATORS",
    "TOKEN_SALT",
    "ContactPerson",
    "EngagementLevel",
    "IatiRole",
    "Invitation",
    "InvitationQuerySet",
    "InvitationStatus",
    "MemberRole",
    "Membership",
    "MembershipQuerySet",
    "Organisation",
    "OrganisationType",
    "PendingImport",
    "Quadrant",
    "Sector",
    "Seniority",
    "StakeholderMapEntry",
    "_nonce",
    "authority_refusal",
    "capacity_too_large",
    "date_out_of_range",
    "latest_date",
]
