"""Which organisation a user acts for.

msp knows users and their roles; organisations and their contact persons live in a later app (stakeholders),
which registers here how to read and set that link, so msp never imports it. A partner acts for exactly one
organisation (through the contact person their account is linked to): that is on whose behalf they approve and
sign. Without the link a partner sees everything and can act for nobody.

These are facts, not decisions: whether someone may approve or sign is decided in msp.access, from the `Acting`
facts read here.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Acting:
    """What decides whether a user may act for an organisation on a partnership (see msp.access)."""

    contact: object  # the contact person row the user's account is linked to (shown on pages)
    organisation: object
    user_id: int | None
    is_active: bool  # the contact record is active
    may_sign: bool  # the contact is registered as allowed to sign for the organisation
    is_member: bool | None  # the organisation is an active member of the partnership asked about (None: not asked)


@dataclass(frozen=True)
class Affiliations:
    # OuterRef to a user id -> an expression giving the name of the organisation that user acts for (or NULL)
    organisation_name: Callable
    # user -> the name of the organisation the user acts for, or None
    organisation_of: Callable
    # partnership -> [(contact person id, label)]: people of member organisations without an account yet
    choices_for: Callable
    # (*, contact_id, user, partnership, by) -> None: link the account to the contact person, or ValidationError
    link: Callable
    # (user, partnership) -> Acting or None: the contact person the user acts through, with the facts about it
    acting_for: Callable
    # (user, partnership ids) -> {partnership id: Acting or None}: acting_for for many partnerships (two queries)
    acting_across: Callable
    # organisation ids -> [Acting] (is_member None): every contact person of them with a linked account
    people_of: Callable
    # partnership -> [organisation]: the active member organisations today, by name (one query)
    members_of: Callable


_registered: list[Affiliations] = []


def register(affiliations: Affiliations) -> None:
    _registered[:] = [affiliations]


def get() -> Affiliations | None:
    """The registered link between users and organisations (None while no app provides one)."""
    return _registered[0] if _registered else None


def preload(user, partnerships) -> None:
    """Load what msp.access.acting_for asks per partnership for all of `partnerships` at once (two queries
    whatever their number), into the cache it reads (each partnership object's `_acting_cache`, by user id). For
    pages across a person's partnerships (My work); what is cached is the same fact acting_for would read."""
    links = get()
    partnerships = [p for p in partnerships if user.pk not in p.__dict__.get("_acting_cache", {})]
    if links is None or not user.is_authenticated or not partnerships:
        return
    found = links.acting_across(user, [p.pk for p in partnerships])
    for partnership in partnerships:
        partnership.__dict__.setdefault("_acting_cache", {})[user.pk] = found[partnership.pk]
