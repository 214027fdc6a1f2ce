"""What awaits a person across all their partnerships ("My work"): one query per kind of work.

Each kind (KINDS) is a query over every partnership the person has a role on, filtered and ordered (most urgent
first) in SQL: which partnerships (and, for what is done for an organisation, which organisation) count is asked of
msp.access once per partnership (the same `can(...)` the page's button asks), so the rules live in one place. The
person's role on each partnership and the organisation they act for are loaded for all of them at once (`_Scope`),
so asking is free. My work shows the first SHOWN entries of each kind with their number (one query per kind, the
count a window over the same rows); the page of a kind (`kind_page`) pages through all of them.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count, Q, Window
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from msp import access, affiliations

from . import agreements, progress
from .entries import Entry, Group

__all__ = ["Entry", "Group", "KINDS", "kind_page", "my_work"]

SHOWN = 10  # entries of each kind on My work; the rest on the kind's own page
PER_PAGE = 50  # entries per page of a kind's own page


@dataclass(frozen=True)
class Kind:
    label: str
    rows: object  # scope -> the kind's rows (a queryset ordered most urgent first), or None: none for this person
    entry: object  # (scope, row) -> Entry


class _Scope:
    """The person's live (not archived) partnerships, with their role on each and the organisation they act for
    there loaded (three queries whatever their number).

    `can` asks msp.access once per action and *kind of place*: partnerships where the person holds the same role
    and acts for the same organisation with the same facts (msp.affiliations.Acting) get the same answer, since
    those (and whether it is archived: none here is) are what access.can decides from."""

    def __init__(self, user, today=None):
        user.pk  # noqa: B018 (loads request.user, so that asking access below skips the lazy object)
        self.user = user = getattr(user, "_wrapped", user)
        self.today = today or timezone.localdate()
        self.now = timezone.now()
        live = access.partnerships_for(user).filter(archived_at__isnull=True)
        partnerships = access.with_roles(user, live.only("pk", "name", "archived_at").order_by("name", "pk"))
        affiliations.preload(user, partnerships)
        self.partnerships = {p.pk: p for p in partnerships}
        self._places = {pk: self._place(p) for pk, p in self.partnerships.items()}
        self._answers = {}

    def _place(self, partnership):
        acting = access.acting_for(self.user, partnership)
        facts = acting and (acting.organisation.pk, acting.is_member, acting.is_active, acting.may_sign)
        return access.role_on(self.user, partnership), facts

    def can(self, action, pk) -> bool:
        """access.can(user, action, partnership `pk`), asked once per kind of place."""
        key = (action, self._places[pk])
        if key not in self._answers:
            self._answers[key] = access.can(self.user, action, self.partnerships[pk])
        return self._answers[key]

    def where(self, action):
        """The ids of the partnerships where the person may do `action` (not an organisation action)."""
        return [pk for pk in self.partnerships if self.can(action, pk)]

    def among(self, field, pks, action) -> Q:
        """`field` (a partnership id) among `pks`, found with `action`: when that is all the person's partnerships
        (the secretariat's, a partner's acting everywhere), as msp.access's own query for `action`
        (access.partnerships_where: the role half, for an organisation action "act_for_organisation") rather than
        hundreds of ids in the SQL. A partnership that query finds and the scope did not (a role granted a moment
        ago) is left out when the entries are made (`partnership`)."""
        if len(pks) < len(self.partnerships):
            return Q(**{f"{field}__in": pks})
        found = access.partnerships_where(self.user, action).filter(archived_at__isnull=True)
        return Q(**{f"{field}__in": found.values("pk")})

    def partnership(self, pk):
        """The partnership of an entry; Elsewhere for one not in the scope (see `among`)."""
        if pk not in self.partnerships:
            raise Elsewhere(pk)
        return self.partnerships[pk]


class Elsewhere(Exception):
    """A row of a partnership the scope does not hold."""


def _entries(scope, kind, rows):
    entries = []
    for row in rows:
        try:
            entries.append(kind.entry(scope, row))
        except Elsewhere:
            continue
    return entries


# kind -> Kind, in the order groups appear when equally urgent.
KINDS = {
    "roadmap_approve": Kind(
        _("Roadmap versions to approve"), agreements.roadmaps_to_approve, agreements.roadmap_to_approve
    ),
    "mou_approve": Kind(_("MoU versions to approve"), agreements.mous_to_approve, agreements.mou_to_approve),
    "mou_sign": Kind(_("MoUs to sign"), agreements.mous_to_sign, agreements.mou_to_sign),
    "position": Kind(_("Positions to record on open decisions"), agreements.positions_to_record, agreements.position),
    "health_check": Kind(_("Health checks to score"), progress.health_checks_to_score, progress.health_check),
    "data": Kind(_("Indicator data due or overdue"), progress.data_due, progress.data),
    "milestone": Kind(_("Overdue milestones"), progress.overdue_milestones, progress.milestone),
    "report": Kind(_("Reports released to you"), progress.reports_released, progress.report),
    "invitation": Kind(_("Invitations about to expire"), progress.invitations_expiring, progress.invitation),
}


def my_work(user, today=None) -> list[Group]:
    """The groups of work awaiting `user`: each its first SHOWN entries, most urgent first (overdue, then by due
    date), and their total; the groups themselves by their most urgent entry. Empty groups are left out."""
    scope = _Scope(user, today)
    if not scope.partnerships:
        return []
    groups = []
    for key, kind in KINDS.items():
        rows = kind.rows(scope)
        if rows is None:
            continue
        rows = list(rows.annotate(work_total=Window(Count("pk")))[:SHOWN])
        if rows:
            entries = _entries(scope, kind, rows)
            if entries:
                groups.append(Group(key, kind.label, entries, rows[0].work_total))
    order = list(KINDS)
    groups.sort(key=lambda g: (g.entries[0].urgency()[:2], order.index(g.kind)))
    return groups


def kind_page(user, key, page_number, today=None):
    """(Group with the entries of page `page_number`, its page object) of the kind `key`, most urgent first."""
    kind = KINDS[key]
    scope = _Scope(user, today)
    rows = kind.rows(scope) if scope.partnerships else None
    page = Paginator(rows if rows is not None else [], PER_PAGE).get_page(page_number)
    entries = _entries(scope, kind, page.object_list)
    return Group(key, kind.label, entries, page.paginator.count), page
