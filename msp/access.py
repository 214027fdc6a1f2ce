"""The one place where permission decisions are made.

A user sees a partnership only when they hold a role on it (or are a superuser); to everyone else it does not
exist (404). Within a partnership, what a role may do is the ACTIONS table below: views and services ask
`can(user, action, partnership)` or call `require(...)`, never look at roles themselves.

Partners see everything of their partnerships (equal access to information is a success factor); donors see
the summary and reports; only the secretariat changes things. Superusers may do what the secretariat may.

An archived partnership is read-only for everyone: every action is refused on it except reading (actions named
`view...`) and `restore`. This is the one place that rule lives; views and services get it through `can`.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from .models import Partnership, PartnershipRole, Role

SECRETARIAT, PARTNER, DONOR = Role.SECRETARIAT, Role.PARTNER, Role.DONOR
EVERYONE = frozenset({SECRETARIAT, PARTNER, DONOR})
MEMBERS = frozenset({SECRETARIAT, PARTNER})
STAFF = frozenset({SECRETARIAT})

# action -> the roles that may perform it. Later apps add their actions with `register_action`.
ACTIONS: dict[str, frozenset[str]] = {
    "view_summary": EVERYONE,  # the dashboard summary, published reports
    "view": MEMBERS,  # everything else of the partnership, read-only
    "change": STAFF,  # edit the partnership and its records
    "move_phase": STAFF,
    "manage_roles": STAFF,
    "archive": STAFF,  # archive or restore the partnership (never delete it with its records)
}
# What an archived partnership still allows; everything else would change it.
WHILE_ARCHIVED = frozenset({"archive"})


def allowed_while_archived(action: str) -> bool:
    return action.startswith("view") or action in WHILE_ARCHIVED


def register_action(action: str, roles) -> None:
    """Declare an action of a later app (e.g. 'sign_mou' for partners). Re-declaring with other roles is a bug."""
    roles = frozenset(roles)
    if ACTIONS.get(action, roles) != roles:
        raise ValueError(f"Action {action!r} is already declared with other roles.")
    ACTIONS[action] = roles


def partnerships_for(user):
    """The partnerships `user` may know about."""
    if not user.is_authenticated:
        return Partnership.objects.none()
    if user.is_superuser:
        return Partnership.objects.all()
    # One role per user and partnership (a unique constraint), so the join yields no duplicates.
    return Partnership.objects.filter(roles__user=user)


def role_on(user, partnership) -> str | None:
    """The user's role on the partnership, or None. Cached on the partnership object for the request."""
    if not user.is_authenticated:
        return None
    cache = partnership.__dict__.setdefault("_role_cache", {})
    if user.pk not in cache:
        cache[user.pk] = (
            PartnershipRole.objects.filter(partnership=partnership, user=user)
            .order_by()
            .values_list("role", flat=True)
            .first()
        )
    return cache[user.pk]


def can(user, action: str, partnership) -> bool:
    roles = ACTIONS[action]
    if not user.is_authenticated:
        return False
    if partnership.archived_at is not None and not allowed_while_archived(action):
        return False
    if user.is_superuser and SECRETARIAT in roles:
        return True
    return role_on(user, partnership) in roles


def can_see(user, partnership) -> bool:
    return user.is_authenticated and (user.is_superuser or role_on(user, partnership) is not None)


def require(user, action: str, partnership) -> None:
    """Raise Http404 for someone who may not know the partnership, PermissionDenied for a role too weak."""
    if not can_see(user, partnership):
        raise Http404("No such partnership.")
    if not can(user, action, partnership):
        if partnership.archived_at is not None and not allowed_while_archived(action):
            raise PermissionDenied(_("This partnership is archived and can no longer be changed. Restore it first."))
        raise PermissionDenied(f"Your role on this partnership does not allow this ({action}).")


def get_partnership(user, pk, action: str = "view_summary") -> Partnership:
    """Load a partnership for `user` and check `action`: 404 for outsiders, 403 for a role too weak."""
    try:
        partnership = Partnership.objects.select_related("currency").get(pk=pk)
    except (Partnership.DoesNotExist, ValueError, TypeError):
        raise Http404("No such partnership.") from None
    require(user, action, partnership)
    return partnership


def can_create_partnership(user) -> bool:
    """Secretariat staff start partnerships: superusers, holders of the model permission, or anyone who is
    already secretariat somewhere."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or PartnershipRole.objects.filter(user=user, role=SECRETARIAT).exists():
        return True
    return user.has_perm("msp.add_partnership")


def can_manage_registry(user) -> bool:
    """The organisation registry (organisations and their contact persons) is shared by all partnerships, so it
    belongs to no single one: secretariat staff keep it (superusers, anyone who is secretariat somewhere, or holders
    of the model permission). Partners and donors see the organisations and contacts of their own partnerships,
    through those partnerships' pages, not the registry (it would show them other partnerships' people)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or PartnershipRole.objects.filter(user=user, role=SECRETARIAT).exists():
        return True
    return user.has_perm("stakeholders.change_organisation")


def can_change_authority(user, member_of) -> bool:
    """May `user` change who acts and signs for an organisation: its contact persons' active and may-sign flags,
    e-mail addresses (where invitations and signature requests go) and linked user accounts?

    `member_of` are the ids of the partnerships the organisation is a current member of (the caller knows them;
    this module does not look into stakeholders). The registry is shared, but signing authority belongs to those
    partnerships: only someone in the secretariat of every one of them (or a superuser) changes it. An
    organisation no partnership relies on is kept by any registry keeper."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if not can_manage_registry(user):
        return False
    wanted = set(member_of)
    if not wanted:
        return True
    staff_on = set(
        PartnershipRole.objects.filter(user=user, role=SECRETARIAT, partnership_id__in=wanted).values_list(
            "partnership_id", flat=True
        )
    )
    return wanted <= staff_on
