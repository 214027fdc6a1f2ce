"""The adoption rules of the decision log (issue 10), as pure functions of plain values.

Nothing here reads the database: the decision services load the entitled organisations and the recorded positions
and ask these functions whether an outcome may be recorded, so every path (form, admin, demo data) applies the same
rules and the rules are tested on their own. Organisations are whatever the caller passes (Organisation rows or
names): they are compared as given and named in messages by `str()`.

Who is entitled to a position: the organisations holding voting seats on the deciding body; without a body, every
active member. The secretariat is neutral: it records positions and takes no part, except that its host
organisation, when it is also entitled (a member, with a voting seat where a body decides), may record a position
as a member in its own right, marked so (the checklist warns about it later, SR-2).
"""

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field

from babel.lists import format_list
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language, gettext, ngettext, pgettext_lazy, to_locale


class Method(models.TextChoices):
    """How a decision is reached (DESIGN capability 6)."""

    CONSENSUS = "consensus", pgettext_lazy("decision method", "Consensus")
    CONSENT = "consent", pgettext_lazy("decision method", "Consent")
    NEGOTIATED_COMPROMISE = "negotiated_compromise", pgettext_lazy("decision method", "Negotiated compromise")
    MAJORITY = "majority", pgettext_lazy("decision method", "Majority")
    DELEGATED = "delegated", pgettext_lazy("decision method", "Delegated")


class Position(models.TextChoices):
    """An entitled organisation's position on a proposal."""

    SUPPORT = "support", pgettext_lazy("decision position", "Support")
    WITH_RESERVATIONS = "with_reservations", pgettext_lazy("decision position", "Support with reservations")
    ABSTAIN = "abstain", pgettext_lazy("decision position", "Abstain")
    OBJECT = "object", pgettext_lazy("decision position", "Object")
    BLOCK = "block", pgettext_lazy("decision position", "Block")


class Outcome(models.TextChoices):
    ADOPTED = "adopted", pgettext_lazy("decision outcome", "Adopted")
    REJECTED = "rejected", pgettext_lazy("decision outcome", "Rejected")
    DEFERRED = "deferred", pgettext_lazy("decision outcome", "Deferred")


class Threshold(models.TextChoices):
    """A body's threshold for majority decisions (the demo MoU's governance clause asks two-thirds)."""

    SIMPLE = "simple", pgettext_lazy("majority threshold", "Simple majority")
    TWO_THIRDS = "two_thirds", pgettext_lazy("majority threshold", "Two-thirds majority")


SUPPORTING = frozenset({Position.SUPPORT, Position.WITH_RESERVATIONS})
# Under majority a block is no veto: it counts as an objection, i.e. as a recorded position that does not support.
OPPOSING = frozenset({Position.OBJECT, Position.BLOCK})


@dataclass(frozen=True)
class Adoption:
    """Whether a decision may be recorded as adopted, and if not, every reason (translated sentences).

    `objections`: under negotiated compromise, the objections that stay on record and are shown with the decision,
    as (organisation, statement) pairs in the order of the entitled organisations.
    """

    reasons: tuple[str, ...] = ()
    objections: tuple[tuple[Hashable, str], ...] = field(default=())

    @property
    def allowed(self):
        return not self.reasons

    def __bool__(self):
        return self.allowed

    def raise_if_refused(self):
        """For services: a ValidationError with every reason, or nothing when adoption is allowed."""
        if self.reasons:
            raise ValidationError(list(self.reasons), code="adoption_refused")


@dataclass(frozen=True)
class PositionCheck:
    """Whether an organisation may record a position, and if it does so as the secretariat's host (the mark)."""

    allowed: bool
    reason: str = ""
    host_in_own_right: bool = False

    def __bool__(self):
        return self.allowed

    def raise_if_refused(self):
        if not self.allowed:
            raise ValidationError(self.reason, code="position_refused")


def entitled_organisations(*, active_members: Iterable, voting_seat_holders: Iterable | None = None) -> list:
    """The organisations entitled to a position, in the order given, each once.

    `voting_seat_holders` is None when no body decides: then every active member is entitled. Where a body decides,
    only its voting seats count, and only while their holder is still an active member (a seat outlives a member
    that left until the secretariat removes it; the member that left has no say any more). A body without voting
    seats entitles nobody: adoption is then refused, not silently handed to all members.
    """
    members = list(dict.fromkeys(active_members))
    if voting_seat_holders is None:
        return members
    current = set(members)
    return [org for org in dict.fromkeys(voting_seat_holders) if org in current]


def check_position(*, organisation, entitled: Iterable, secretariat_host=None, body_name: str = "") -> PositionCheck:
    """May `organisation` record a position on a decision with these entitled organisations?

    The secretariat's host is refused unless it is entitled in its own right; then its position is allowed and
    marked `host_in_own_right`. `body_name` is the deciding body's name, or "" when no body decides (it only
    shapes the message).
    """
    entitled = set(entitled)
    is_host = secretariat_host is not None and organisation == secretariat_host
    if organisation in entitled:
        return PositionCheck(allowed=True, host_in_own_right=is_host)
    if is_host:
        reason = gettext(
            "%(organisation)s hosts the secretariat, which records positions and does not take part in decisions; "
            "it may record a position only as an entitled member in its own right."
        ) % {"organisation": organisation}
    elif body_name:
        reason = gettext(
            "%(organisation)s holds no voting seat on %(body)s, so it cannot record a position on this decision."
        ) % {"organisation": organisation, "body": body_name}
    else:
        reason = gettext(
            "%(organisation)s is not an active member of the partnership, so it cannot record a position on this "
            "decision."
        ) % {"organisation": organisation}
    return PositionCheck(allowed=False, reason=reason)


def check_outcome(*, outcome, **rules) -> Adoption:
    """The rules for recording `outcome`: only adoption has conditions; a proposal may always be rejected or deferred."""
    if Outcome(outcome) == Outcome.ADOPTED:
        return check_adoption(**rules)
    return Adoption()


def check_adoption(
    *,
    method,
    entitled: Iterable,
    positions: Mapping,
    threshold=Threshold.SIMPLE,
    delegation_linked: bool = False,
    statements: Mapping | None = None,
) -> Adoption:
    """May a decision be recorded as adopted under `method`?

    `positions` maps organisations to Position values; positions of organisations that are not (or no longer)
    entitled do not count. `threshold` is the deciding body's (majority only). `delegation_linked`: a delegated
    decision links the earlier adopted decision that delegated it. `statements` maps organisations to the
    statements given with their positions (kept with the objections under negotiated compromise).
    """
    method = Method(method)
    if method == Method.DELEGATED:
        return _delegated(delegation_linked)
    entitled = list(dict.fromkeys(entitled))
    if not entitled:
        return Adoption(
            reasons=(
                gettext(
                    "No organisation is entitled to a position on this decision (the deciding body has no voting "
                    "seats, or the partnership has no active members), so it cannot be adopted."
                ),
            )
        )
    recorded = {org: Position(positions[org]) for org in entitled if org in positions}
    return RULES[method](entitled, recorded, threshold=Threshold(threshold), statements=statements or {})


def _names(organisations):
    """The organisations' names as one phrase in the current language ("A, B and C")."""
    names = [str(org) for org in organisations]
    return format_list(names, locale=to_locale(get_language() or "en"))


def _with(recorded, wanted):
    return [org for org, position in recorded.items() if position in wanted]


def _missing(entitled, recorded):
    return [org for org in entitled if org not in recorded]


def _consensus(entitled, recorded, **_):
    reasons = []
    if blocking := _with(recorded, {Position.BLOCK}):
        reasons.append(
            ngettext(
                "%(organisations)s blocks this proposal: under consensus it cannot be adopted.",
                "%(organisations)s block this proposal: under consensus it cannot be adopted.",
                len(blocking),
            )
            % {"organisations": _names(blocking)}
        )
    if objecting := _with(recorded, {Position.OBJECT}):
        reasons.append(
            ngettext(
                "%(organisations)s objects to this proposal: under consensus it cannot be adopted.",
                "%(organisations)s object to this proposal: under consensus it cannot be adopted.",
                len(objecting),
            )
            % {"organisations": _names(objecting)}
        )
    if missing := _missing(entitled, recorded):
        reasons.append(
            gettext(
                "No position yet from %(organisations)s: under consensus every entitled organisation must record one."
            )
            % {"organisations": _names(missing)}
        )
    return Adoption(reasons=tuple(reasons))


def _consent(entitled, recorded, **_):
    reasons = []
    if blocking := _with(recorded, {Position.BLOCK}):
        reasons.append(
            ngettext(
                "%(organisations)s blocks this proposal: under consent it cannot be adopted.",
                "%(organisations)s block this proposal: under consent it cannot be adopted.",
                len(blocking),
            )
            % {"organisations": _names(blocking)}
        )
    if objecting := _with(recorded, {Position.OBJECT}):
        reasons.append(
            ngettext(
                "%(organisations)s objects to this proposal: under consent it cannot be adopted.",
                "%(organisations)s object to this proposal: under consent it cannot be adopted.",
                len(objecting),
            )
            % {"organisations": _names(objecting)}
        )
    if not _has_quorum(entitled, recorded):
        reasons.append(_quorum_message(Method.CONSENT, len(recorded), len(entitled)))
    return Adoption(reasons=tuple(reasons))


def _negotiated_compromise(entitled, recorded, *, statements, **_):
    reasons = []
    if blocking := _with(recorded, {Position.BLOCK}):
        reasons.append(
            ngettext(
                "%(organisations)s blocks this proposal: a negotiated compromise cannot be adopted over a block.",
                "%(organisations)s block this proposal: a negotiated compromise cannot be adopted over a block.",
                len(blocking),
            )
            % {"organisations": _names(blocking)}
        )
    if missing := _missing(entitled, recorded):
        reasons.append(
            gettext(
                "No position yet from %(organisations)s: a negotiated compromise needs a position from every "
                "entitled organisation."
            )
            % {"organisations": _names(missing)}
        )
    objections = tuple((org, statements.get(org, "")) for org in _with(recorded, {Position.OBJECT}))
    return Adoption(reasons=tuple(reasons), objections=objections)


def votes_needed(recorded: int, threshold) -> int:
    """The least support that carries a majority decision among `recorded` positions.

    Simple majority: more than half. Two-thirds: at least two-thirds, the usual reading of a "two-thirds majority"
    (2 of 3, 4 of 6, 7 of 10), in integers so that no rounding of 2/3 can let 3 of 5 through.
    """
    if Threshold(threshold) == Threshold.TWO_THIRDS:
        return (2 * recorded + 2) // 3
    return recorded // 2 + 1


def _majority(entitled, recorded, *, threshold, **_):
    if not _has_quorum(entitled, recorded):
        return Adoption(reasons=(_quorum_message(Method.MAJORITY, len(recorded), len(entitled)),))
    support = len(_with(recorded, SUPPORTING))
    needed = votes_needed(len(recorded), threshold)
    if support >= needed:
        return Adoption()
    values = {"support": support, "recorded": len(recorded), "needed": needed}
    if threshold == Threshold.TWO_THIRDS:
        message = ngettext(
            "%(support)d of the %(recorded)d organisations that recorded a position supports this proposal; a "
            "two-thirds majority needs at least %(needed)d.",
            "%(support)d of the %(recorded)d organisations that recorded a position support this proposal; a "
            "two-thirds majority needs at least %(needed)d.",
            support,
        )
    else:
        message = ngettext(
            "%(support)d of the %(recorded)d organisations that recorded a position supports this proposal; a "
            "simple majority needs at least %(needed)d.",
            "%(support)d of the %(recorded)d organisations that recorded a position support this proposal; a "
            "simple majority needs at least %(needed)d.",
            support,
        )
    return Adoption(reasons=(message % values,))


def _delegated(linked):
    if linked:
        return Adoption()
    return Adoption(
        reasons=(
            gettext(
                "A delegated decision can be adopted only when it links the earlier adopted decision that delegated it."
            ),
        )
    )


def _has_quorum(entitled, recorded):
    """At least half the entitled organisations have recorded a position (exactly half is enough)."""
    return 2 * len(recorded) >= len(entitled)


def _quorum_message(method, recorded, entitled):
    values = {"recorded": recorded, "entitled": entitled}
    if method == Method.CONSENT:
        if not recorded:
            return gettext("No entitled organisation has recorded a position yet; consent needs at least half of them.")
        return (
            ngettext(
                "Only %(recorded)d of %(entitled)d entitled organisations has recorded a position; consent needs at "
                "least half.",
                "Only %(recorded)d of %(entitled)d entitled organisations have recorded a position; consent needs at "
                "least half.",
                recorded,
            )
            % values
        )
    if not recorded:
        return gettext(
            "No entitled organisation has recorded a position yet; a majority decision needs at least half of them."
        )
    return (
        ngettext(
            "Only %(recorded)d of %(entitled)d entitled organisations has recorded a position; a majority decision "
            "needs at least half.",
            "Only %(recorded)d of %(entitled)d entitled organisations have recorded a position; a majority decision "
            "needs at least half.",
            recorded,
        )
        % values
    )


RULES = {
    Method.CONSENSUS: _consensus,
    Method.CONSENT: _consent,
    Method.NEGOTIATED_COMPROMISE: _negotiated_compromise,
    Method.MAJORITY: _majority,
}
