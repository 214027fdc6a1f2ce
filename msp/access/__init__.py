"""The one place where permission decisions are made.

A user sees a partnership only when they hold a role on it (or are a superuser); to everyone else it does not
exist (404). Within a partnership, what a role may do is the ACTIONS table below: views and services ask
`can(user, action, obj)` or call `require(...)`, never look at roles (or who may sign) themselves;
tests/msp/test_access_single_home.py fails when a module outside this one does.

Partners see everything of their partnerships (equal access to information is a success factor); donors see
the summary and reports, and of the roadmap and the MoU only what was agreed (DESIGN section 2: never drafts,
comments or the evidence of individual approvals); only the secretariat changes things. Superusers may do what
the secretariat may.

Some actions are done *for an organisation* (ORGANISATION_ACTIONS): approving, signing, recording a position.
Who may sign an MoU? A partner whose account is linked to an active contact person, allowed to sign, of an
organisation that is an active member today, and only for it. The facts come from the app that keeps organisations,
through msp.affiliations, so this module never imports it. Whether the organisation is a *party* to a given
version is a fact of that version, checked by governance's services under the version's row lock.

An archived partnership is read-only for everyone: every action is refused on it except reading (actions named
`view...`), `restore` and `export`. This is the one place that rule lives; views and services get it through `can`.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import affiliations
from ..models import Partnership, PartnershipRole, Role
from . import reads

SECRETARIAT, PARTNER, DONOR = Role.SECRETARIAT, Role.PARTNER, Role.DONOR
EVERYONE = frozenset({SECRETARIAT, PARTNER, DONOR})
MEMBERS = frozenset({SECRETARIAT, PARTNER})
STAFF = frozenset({SECRETARIAT})
PARTNERS = frozenset({PARTNER})
DONORS = frozenset({DONOR})
ALL = "all"  # commitments_scope: every organisation's

# action -> the roles that may perform it, for every app: one table answers "who may do what".
ACTIONS: dict[str, frozenset[str]] = {
    "view_summary": EVERYONE,  # the dashboard summary, published reports
    "view": MEMBERS,  # everything else of the partnership, read-only
    "change": STAFF,  # edit the partnership and its records
    "move_phase": STAFF,
    "manage_roles": STAFF,
    # Roadmap and MoU: the agreed texts (the approved roadmap, the MoU in force, the agreed versions they replaced,
    # their PDFs and signed copy) are everyone's with a role; versions not agreed are the members' work in progress,
    # to anyone else they do not exist (can_read_version). Review comments stay behind "view".
    "view_agreements": EVERYONE,
    "view_unagreed_versions": MEMBERS,
    # The evidence of an approval or signature given outside the app (a letter, a signed page) and earlier scans
    # of a signed copy: records of individual approvals, for the members.
    "view_evidence": MEMBERS,
    "comment_agreement": MEMBERS,
    # Approving and signing: people of member organisations, for their own organisation only; the secretariat (and
    # superusers) are neutral. "act_for_organisation" is the role half alone, for pages and their URLs.
    "act_for_organisation": PARTNERS,
    "approve_roadmap": PARTNERS,
    "approve_mou": PARTNERS,
    "sign_mou": PARTNERS,
    # Recording an approval or signature a party gave outside the app (on paper, by e-mail), with the evidence.
    "record_for_organisation": STAFF,
    # Governance bodies and their seats: the partnership's structure, not sensitive, so donors see it too, and the
    # secretariat's host and how many staff it has in which role; the staff themselves (contact persons' personal
    # data) stay behind "view". The secretariat keeps all of it ("change").
    "view_bodies": EVERYONE,
    # The decision log: everyone with a role reads it, donors only adopted decisions and never the positions
    # (governance.selectors.decisions); partners record their own organisation's position; the secretariat drafts,
    # opens, records positions on a member's behalf ("record_for_organisation") and records the outcome ("change").
    "view_decisions": EVERYONE,
    "view_positions": MEMBERS,
    "record_position": PARTNERS,
    # Meetings (dates, places, agendas, attendees): the members' working space. Donors see none of it: decisions
    # and reports tell them what was decided. The secretariat records meetings and invites ("change").
    "view_meetings": MEMBERS,
    # Minutes of a meeting: the secretariat writes, circulates and marks them final ("change"); the members see
    # them once circulated (drafts are the secretariat's). Commenting on circulated minutes is the partners', and
    # only those who attended (a person invited, or acting for an attending organisation): that rule is a fact of
    # the meeting, checked by governance.services.minutes under the minutes' row lock.
    "comment_minutes": PARTNERS,
    # Meeting papers: the members see the papers shared with them (governance.selectors.meeting_papers); papers
    # not yet shared are the secretariat's drafts, and to a partner they do not exist (404).
    "view_meeting_papers": MEMBERS,
    "view_draft_papers": STAFF,
    # Resources: the totals (the overview) are everyone's; every commitment is the members'; a donor reads those of
    # the organisation they act for only (`commitments_scope`). The secretariat records them ("change").
    "view_resources": EVERYONE,
    "view_commitments": MEMBERS,
    "view_own_commitments": DONORS,
    # The budget (lines, revisions, reviews) and the transactions: the members' books. Donors get the totals on the
    # resources overview, not the lines or who was paid. The secretariat keeps them ("change").
    "view_budget": MEMBERS,
    "view_transactions": MEMBERS,
    # Monitoring: everyone reads indicators and the SDG page, donors only locked periods ("view_open_periods" is
    # the members'); partners enter actuals for their own organisation's indicators (`can_enter_actual`); the
    # secretariat defines indicators and periods and locks them ("change"). Lessons, capacity gaps, context and
    # risks are the members' ("view_learning").
    "view_indicators": EVERYONE,
    "view_open_periods": MEMBERS,
    "enter_actual": PARTNERS,
    "view_learning": MEMBERS,
    "score_health_check": PARTNERS,  # for their own organisation; on a member's behalf: "record_for_organisation"
    # Reports: a released donor report or a published public report is everyone's with a role; one not delivered
    # yet is the secretariat's draft, to others it does not exist (404: `can_read_report`). The secretariat asks
    # for, releases and publishes them ("change"). A portfolio is its owner's alone.
    "view_reports": EVERYONE,
    "view_report_drafts": STAFF,
    "archive": STAFF,  # archive or restore the partnership (never delete it with its records)
    "export": STAFF,  # download the partnership's export ZIP (transfer), which reads only
    # IATI publication (opendata): the secretariat previews the file and marks the partnership for publication;
    # once published, the file is public (no sign-in), so it holds nothing a donor could not see.
    "publish_open_data": STAFF,
}

# Actions done for one organisation: what the refusals say the person cannot do, and whether the contact person
# must be registered as allowed to sign. Each also needs its role in ACTIONS.
ORGANISATION_ACTIONS: dict[str, tuple] = {
    "approve_roadmap": (gettext_lazy("approve this roadmap"), False),
    "approve_mou": (gettext_lazy("approve this MoU"), False),
    "sign_mou": (gettext_lazy("sign this MoU"), True),
    "record_position": (gettext_lazy("record a position on this decision"), False),
    "enter_actual": (gettext_lazy("enter data for this indicator"), False),
    "score_health_check": (gettext_lazy("score this health check"), False),
}
WHILE_ARCHIVED = frozenset({"archive", "export"})  # what an archived partnership allows besides reading


def allowed_while_archived(action: str) -> bool:
    return action.startswith("view") or action in WHILE_ARCHIVED


def holders(partnership, action):
    """The roles (PartnershipRole rows) on `partnership` whose holders may do `action`: who to ask or tell.
    Superusers without a role are not listed: they are nobody's addressee."""
    return PartnershipRole.objects.filter(partnership=partnership, role__in=ACTIONS[action])


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
        cache[user.pk] = reads.role(partnership, user)
    return cache[user.pk]


def partnerships_where(user, action: str):
    """`can(user, action, ·)` as a queryset of partnerships (not for organisation actions), for reads across them."""
    roles = ACTIONS[action]
    if user.is_authenticated and user.is_superuser and SECRETARIAT in roles:
        found = Partnership.objects.all()
    else:  # one role per user and partnership: no duplicates
        found = Partnership.objects.filter(roles__user=user.pk or 0, roles__role__in=roles)
    return found if allowed_while_archived(action) else found.filter(archived_at__isnull=True)


def role_allows(user, action: str, path: str = ""):
    """`can(user, action, ·)` as a filter (a Q) on the partnership at `path` from the queried model ("" for
    partnerships themselves): a join to the person's role rather than a subquery per action. Use it in one
    filter() call, ORed with other actions on the same path (one role per user and partnership: the join
    is shared and makes no duplicates)."""
    prefix = f"{path}__" if path else ""
    roles = ACTIONS[action]
    if user.is_authenticated and user.is_superuser and SECRETARIAT in roles:
        allowed = Q(**{f"{prefix}pk__isnull": False})
    else:
        allowed = Q(**{f"{prefix}roles__user": user.pk or 0, f"{prefix}roles__role__in": sorted(roles)})
    return allowed if allowed_while_archived(action) else allowed & Q(**{f"{prefix}archived_at__isnull": True})


def roles_within(user, partnerships) -> dict:
    """{partnership id: `user`'s role} on the partnerships of the queryset `partnerships` (one query; read through
    it as a subquery: no list of hundreds of ids in the SQL). Partnerships without a role are left out."""
    roles = PartnershipRole.objects.filter(user=user.pk or 0, partnership__in=partnerships.order_by().values("pk"))
    return dict(roles.order_by().values_list("partnership_id", "role"))


def with_roles(user, partnerships) -> list:
    """`partnerships` as a list, `user`'s role on each loaded into role_on's cache (one query)."""
    if isinstance(partnerships, QuerySet):
        roles = roles_within(user, partnerships)
        partnerships = list(partnerships)
    else:
        partnerships = list(partnerships)
        roles = PartnershipRole.objects.filter(user=user.pk or 0, partnership__in=[p.pk for p in partnerships])
        roles = dict(roles.order_by().values_list("partnership_id", "role"))
    for partnership in partnerships:
        partnership.__dict__.setdefault("_role_cache", {})[user.pk] = roles.get(partnership.pk)
    return partnerships


def _partnership_of(obj) -> Partnership:
    """Actions are asked about a partnership or about one of its records (a roadmap or MoU version...)."""
    return obj if isinstance(obj, Partnership) else obj.partnership


def acting_for(user, partnership):
    """The facts about the organisation `user` acts for on `partnership` (msp.affiliations.Acting), or None when
    the account is linked to no contact person. Cached on the partnership object for the request."""
    links = affiliations.get()
    if links is None or not user.is_authenticated:
        return None
    cache = partnership.__dict__.setdefault("_acting_cache", {})
    if user.pk not in cache:
        cache[user.pk] = links.acting_for(user, partnership)
    return cache[user.pk]


def _organisation_refusal(acting, action, organisation=None, *, check_membership=True) -> str | None:
    """Why the person described by `acting` may not do the organisation action, or None when they may."""
    doing, needs_signing_right = ORGANISATION_ACTIONS[action]
    if acting is None:
        return _("You are not registered as the contact person of an organisation, so you cannot %(doing)s.") % {
            "doing": doing
        }
    if organisation is not None and organisation.pk != acting.organisation.pk:
        return _("You can only %(doing)s for your own organisation, %(own)s, not for %(other)s.") % {
            "doing": doing,
            "own": acting.organisation,
            "other": organisation,
        }
    if check_membership and not acting.is_member:
        return _("%(org)s is not an active member of this partnership, so you cannot %(doing)s.") % {
            "org": acting.organisation,
            "doing": doing,
        }
    if not acting.is_active:
        return _("Your contact record is marked inactive, so you cannot %(doing)s.") % {"doing": doing}
    if needs_signing_right and not acting.may_sign:
        return _(
            "You are not registered as allowed to sign for %(org)s. Ask the secretariat to record who may sign."
        ) % {"org": acting.organisation}
    return None


def can(user, action: str, obj, *, organisation=None) -> bool:
    """May `user` do `action` on `obj` (a partnership or one of its records)? For an organisation action,
    `organisation` is the one the user means to act for (None: the one they act for)."""
    roles = ACTIONS[action]
    if not user.is_authenticated:
        return False
    partnership = _partnership_of(obj)
    if partnership.archived_at is not None and not allowed_while_archived(action):
        return False
    if user.is_superuser and SECRETARIAT in roles:
        return True
    if role_on(user, partnership) not in roles:
        return False
    if action in ORGANISATION_ACTIONS:
        return _organisation_refusal(acting_for(user, partnership), action, organisation) is None
    return True


def commitments_scope(user, partnership):
    """Whose commitments `user` may read on `partnership`: ALL (members, superusers), the organisation a donor acts
    for (msp.affiliations), or None (a donor linked to no contact person, or no right to read any)."""
    if can(user, "view_commitments", partnership):
        return ALL
    if not can(user, "view_own_commitments", partnership):
        return None
    acting = acting_for(user, partnership)
    return acting.organisation if acting is not None else None


def can_enter_actual(user, indicator) -> bool:
    """May `user` enter or correct actuals of `indicator`: the secretariat, or a partner acting for the organisation
    responsible for it. (Whether the period is locked is a fact of the period.)"""
    return can(user, "change", indicator) or can(user, "enter_actual", indicator, organisation=indicator.responsible)


def can_read_report(user, report) -> bool:
    """May `user` read (and download) this report version? A portfolio: its owner. Otherwise "view_reports" and,
    unless it was released or published, "view_report_drafts"."""
    if report.partnership_id is None:
        return user.is_authenticated and report.owner_id == user.pk
    return can(user, "view_reports", report) and (report.is_delivered or can(user, "view_report_drafts", report))


def can_see(user, partnership) -> bool:
    return user.is_authenticated and (user.is_superuser or role_on(user, partnership) is not None)


def require(user, action: str, obj, *, organisation=None):
    """Raise Http404 for someone who may not know the partnership, PermissionDenied for a role too weak or, for
    an organisation action, with the reason the person may not act for the organisation. Returns the facts of
    the organisation acted for (msp.affiliations.Acting) for an organisation action, else None."""
    partnership = _partnership_of(obj)
    if not can_see(user, partnership):
        raise Http404(_("No such partnership."))
    if partnership.archived_at is not None and not allowed_while_archived(action):
        raise PermissionDenied(_("This partnership is archived and can no longer be changed. Restore it first."))
    roles = ACTIONS[action]
    if not (user.is_superuser and SECRETARIAT in roles) and role_on(user, partnership) not in roles:
        raise PermissionDenied(
            _("Your role on this partnership does not allow this (%(action)s).") % {"action": action}
        )
    if action not in ORGANISATION_ACTIONS:
        return None
    acting = acting_for(user, partnership)
    refusal = _organisation_refusal(acting, action, organisation)
    if refusal:
        raise PermissionDenied(refusal)
    return acting


def can_read_version(user, version) -> bool:
    """May `user` read this roadmap or MoU version: its page, PDF, signed copy, its place in lists? An agreed
    version (the version says so: `is_agreed`), everyone with a role; any other, the members only."""
    return can(user, "view_agreements", version) and (version.is_agreed or can(user, "view_unagreed_versions", version))


def require_version(user, version):
    """Raise Http404 unless `user` may read `version`: a donor asking for a draft learns no more than from a
    version that does not exist."""
    require(user, "view_agreements", version)
    if not can_read_version(user, version):
        raise Http404(_("No such version."))


def readable_versions(user, partnership, versions):
    """`versions` (of one partnership) narrowed to those `user` may read: can_read_version as a filter."""
    if can(user, "view_unagreed_versions", partnership):
        return versions
    if not can(user, "view_agreements", partnership):
        return versions.none()
    return versions.filter(versions.model.AGREED)


def unable_to_act(partnership, organisations, action) -> list[tuple]:
    """(organisation, reason) for each of `organisations` nobody can do the organisation `action` for in the app:
    "no_partner" (no active contact person with an account whose role allows it), "no_signer" (none may sign, for
    an action that needs it). Membership is not asked. Two queries whatever the number of organisations."""
    organisations = list(organisations)
    able_users = set(
        PartnershipRole.objects.filter(partnership=partnership, role__in=ACTIONS[action]).values_list(
            "user_id", flat=True
        )
    )
    links = affiliations.get()
    people = links.people_of([o.pk for o in organisations]) if links else []
    result = []
    for organisation in organisations:
        mine = [p for p in people if p.organisation.pk == organisation.pk and p.user_id in able_users]
        if not any(p.is_active for p in mine):
            result.append((organisation, "no_partner"))
        elif any(_organisation_refusal(p, action, check_membership=False) is None for p in mine):
            continue
        else:
            result.append((organisation, "no_signer"))
    return result


def get_partnership(user, pk, action: str = "view_summary") -> Partnership:
    """Load a partnership for `user` and check `action` (404 for outsiders, 403 for a role too weak)."""
    try:
        partnership = reads.partnership(pk)
    except (Partnership.DoesNotExist, ValueError, TypeError):
        raise Http404(_("No such partnership.")) from None
    require(user, action, partnership)
    return partnership


# Rights over what belongs to the installation rather than to one partnership (the registry, exchange rates,
# starting a partnership, API tokens): msp/access/installation.py, re-exported here so callers ask one module.
from .installation import (  # noqa: E402
    can_change_authority,
    can_create_partnership,
    can_manage_rates,
    can_manage_registry,
    can_read_rates,
)

__all__ = [
    "can_change_authority",
    "can_create_partnership",
    "can_manage_rates",
    "can_manage_registry",
    "can_read_rates",
]
