"""Rights over what belongs to the installation, not to one partnership: starting a partnership, the organisation
registry, exchange rates. Part of msp.access (which re-exports these): every permission decision lives in this package.
"""

from ..models import PartnershipRole, Role

SECRETARIAT = Role.SECRETARIAT


def can_create_partnership(user) -> bool:
    """Secretariat staff (of any partnership), superusers and holders of the permission start partnerships."""
    return _holds_role_somewhere(user, SECRETARIAT) or user.has_perm("msp.add_partnership")


def can_manage_registry(user, partnership=None) -> bool:
    """The organisation registry (organisations and their contact persons) is shared by all partnerships: secretariat
    staff keep it (superusers, anyone who is secretariat somewhere, holders of the model permission). Partners and
    donors see the organisations and contacts of their own partnerships, through its pages, not the registry (it
    would show them other partnerships' people). With `partnership` (on its pages): is its secretariat, from the
    role already loaded (no query); staff who are secretariat only elsewhere reach the registry from their own."""
    if not user.is_authenticated:
        return False
    if partnership is not None:
        from . import can

        return can(user, "change", partnership)
    return _holds_role_somewhere(user, SECRETARIAT) or user.has_perm("stakeholders.change_organisation")


def can_change_authority(user, member_of) -> bool:
    """May `user` change who acts and signs for an organisation (its contact persons' flags, e-mail addresses and
    linked accounts)? `member_of`: ids of the partnerships it is a current member of. Signing authority belongs to
    those partnerships: only someone in the secretariat of every one (or a superuser) changes it."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if not can_manage_registry(user):
        return False
    wanted = set(member_of)
    if not wanted:
        return True
    staff_on = PartnershipRole.objects.filter(user=user, role=SECRETARIAT, partnership_id__in=wanted)
    return wanted <= set(staff_on.values_list("partnership_id", flat=True))


def _holds_role_somewhere(user, role=None) -> bool:
    """A superuser, or someone holding a role (`role`, when given) on some partnership."""
    if not user.is_authenticated:
        return False
    roles = PartnershipRole.objects.filter(user=user, **({"role": role} if role else {}))
    return user.is_superuser or roles.exists()


def can_read_rates(user) -> bool:
    """Exchange rates are read by anyone with a role on some partnership, and superusers; to others: 404."""
    return _holds_role_somewhere(user)


def can_manage_rates(user) -> bool:
    """Exchange rates belong to the installation: like the registry, secretariat staff (of any partnership) keep
    them."""
    return _holds_role_somewhere(user, SECRETARIAT)
