"""Writes about who is who, one module per subject (registry, members, stakeholder map, invitations, imports).
Every service checks its caller's right through msp.access and validates with full_clean(); those touching a
partnership lock its row (common._lock), so two secretariat members cannot interleave.

The public services are re-exported here: callers write `from stakeholders import services` and
`services.invitation_create(...)`. A test that replaces a name replaces it in the module that looks it up."""

from .imports import (
    ImportRefused,
    pending_import_create,
    pending_import_take,
    pending_imports_purge,
    stakeholders_import,
)
from .invitations import (
    InvitationClosed,
    invitation_accept,
    invitation_create,
    invitation_problem,
    invitation_resend,
    invitation_revoke,
)
from .members import membership_add, membership_update
from .registry import (
    contact_create,
    contact_link_user,
    contact_update,
    may_change_authority,
    organisation_create,
    organisation_delete,
    organisation_update,
)
from .stakeholder_map import map_entry_create, map_entry_delete, map_entry_update

__all__ = [
    "ImportRefused",
    "InvitationClosed",
    "contact_create",
    "contact_link_user",
    "contact_update",
    "invitation_accept",
    "invitation_create",
    "invitation_problem",
    "invitation_resend",
    "invitation_revoke",
    "map_entry_create",
    "map_entry_delete",
    "map_entry_update",
    "may_change_authority",
    "membership_add",
    "membership_update",
    "organisation_create",
    "organisation_delete",
    "organisation_update",
    "pending_import_create",
    "pending_import_take",
    "pending_imports_purge",
    "stakeholders_import",
]
