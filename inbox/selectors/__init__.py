"""What awaits a person across all their partnerships ("My work"): one query per kind of work.

Each kind (KINDS) is a query over every partnership the person has a role on, filtered and ordered (most urgent
first) in SQL: which partnerships (and, for what is done for an organisation, which organisation) count is asked of
msp.access once per partnership (the same `can(...)` the page's button asks), so the rules live in one place. The
person's role on each partnership and the organisation they act for are loaded for all of them at once (`_Scope`),
so asking is free. My work shows the first SHOWN entries of each kind with their number (one query per kind, the
count a window over the same rows); the page of a kind (`kind_page`) pages through all of them.
"""

from dataclasses import dataclass

from django.db.models import Count, Q, Window
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from msp import access, affiliations
from msp.listing import CountingPaginator, url_for_each
from msp.models import Partnership

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
    those (and whether it is archived: none here is) are what access.can decides from. The partnerships are read
    as (id, name) rows: a model object is made only for a place asked about and an entry shown (a secretariat has
    hundreds of partnerships, and My work shows a few dozen entries)."""

    def __init__(self, user, today=None):
        user.pk  # noqa: B018 (loads request.user, so that asking access below skips the lazy object)
        self.user = user = getattr(user, "_wrapped", user)
        self.today = today or timezone.localdate()
        self.now = timezone.now()
        live = access.partnerships_for(user).filter(archived_at__isnull=True)
        self._names = dict(live.order_by("name", "pk").values_list("pk", "name"))
        self.pks = list(self._names)
        self._roles = access.roles_within(user, live)
        links = affiliations.get()
        found = links.acting_across(user, self.pks) if links is not None and self.pks else {}
        self._acting = {pk: found[pk] for pk in self.pks} if links is not None else dict.fromkeys(self.pks)
        self._places = {pk: self._place(pk) for pk in self.pks}
        self._first = {}  # place -> the first partnership id of that kind of place
        for pk, place in self._places.items():
            self._first.setdefault(place, pk)
        self._objects = {}
        self._urls = {}
        self._answers = {}

    def _place(self, pk):
        acting = self._acting[pk]
        facts = acting and (acting.organisation.pk, acting.is_member, acting.is_active, acting.may_sign)
        return self._roles.get(pk), facts

    def acting(self, pk):
        """access.acting_for(user, partnership `pk`), as loaded."""
        return self._acting[pk]

    def can(self, action, pk) -> bool:
        """access.can(user, action, partnership `pk`), asked once per kind of place."""
        return self._answer(action, self._places[pk])

    def _answer(self, action, place) -> bool:
        key = (action, place)
        if key not in self._answers:
            self._answers[key] = access.can(self.user, action, self.partnership(self._first[place]))
        return self._answers[key]

    def where(self, action):
        """The ids of the partnerships where the person may do `action`, in the order of their names."""
        allowed = {place for place in self._first if self._answer(action, place)}
        if len(allowed) == len(self._first):
            return list(self.pks)
        return [pk for pk in self.pks if self._places[pk] in allowed]

    def among(self, field, pks, action) -> Q:
        """`field` (a partnership id) among `pks`, found with `action`: when that is all the person's partnerships
        (the secretariat's, a partner's acting everywhere), as msp.access's own query for `action`
        (access.partnerships_where: the role half, for an organisation action "act_for_organisation") rather than
        hundreds of ids in the SQL. A partnership that query finds and the scope did not (a role granted a moment
        ago) is left out when the entries are made (`partnership`)."""
        if len(pks) < len(self.pks):
            return Q(**{f"{field}__in": pks})
        found = access.partnerships_where(self.user, action).filter(archived_at__isnull=True)
        return Q(**{f"{field}__in": found.values("pk")})

    def url(self, name, each=2):
        """msp.listing.url_for_each(name, each=each) (the partnership's id and the row's), made once a page."""
        if (name, each) not in self._urls:
            self._urls[name, each] = url_for_each(name, each=each)
        return self._urls[name, each]

    def partnership(self, pk):
        """The partnership of an entry (its id and name, the person's role and acting facts cached as msp.access
        reads them); Elsewhere for one not in the scope (see `among`)."""
        if pk not in self._names:
            raise Elsewhere(pk)
        if pk not in self._objects:
            partnership = Partnership(pk=pk, name=self._names[pk], archived_at=None)
            partnership.__dict__["_role_cache"] = {self.user.pk: self._roles.get(pk)}
            partnership.__dict__["_acting_cache"] = {self.user.pk: self._acting[pk]}
            self._objects[pk] = partnership
        return self._objects[pk]


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
    if not scope.pks:
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
    rows = kind.rows(scope) if scope.pks else None
    # The page and the count in one query.
    page = CountingPaginator(rows if rows is not None else [], PER_PAGE).get_page(page_number)
    entries = _entries(scope, kind, page.object_list)
    return Group(key, kind.label, entries, page.paginator.count), page
