"""What search looks through, for one person: each kind of record as a queryset already narrowed to what the person
may open, the fields searched (titles weigh more than bodies) and the page a result links to.

Who may see what is never decided here: the partnerships come from msp.access.role_allows (the ACTIONS table),
and the narrowing within them from the owning apps' own definitions (an MoU version's AGREED, minutes shown to the
members, a shared paper, an adopted decision), the same ones their pages use. tests/search/test_search_walk.py opens
every result as the person who found it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from governance.decision_rules import Outcome
from governance.models import Clause, Decision, DecisionStatus, MeetingPaper, Minutes, MouVersion, Seat
from governance.selectors.minutes import SHOWN_TO_MEMBERS
from monitoring.models import Indicator
from msp import access
from stakeholders.models import ContactPerson, Membership, Organisation


@dataclass(frozen=True)
class Source:
    """One kind of record. `title` fields weigh most (the first is the one shown), then `body`; `partnership` is
    the path to the record's partnership ("" for a partnership itself, None for the registry); `needs` are the
    further values `link` and `context` read from a result row; `context` says where in its partnership a result is
    (an MoU version, a meeting), when the title alone would not."""

    kind: str
    label: str
    # What the person may open, built when first read: a search whose query is already compiled (search.engines)
    # never needs it.
    scope: Callable[[], QuerySet]
    title: tuple[str, ...]
    body: tuple[str, ...]
    partnership: str | None
    link: Callable[[dict], str]
    needs: tuple[str, ...] = ()
    context: Callable[[dict], str] | None = None
    # A column of the table whose stored search document is searched, when not the first title field's.
    document: str = ""
    # Words matched in the partnership's working language; False: word for word, as the registry's records
    # (organisations and contact persons, shared by partnerships of every language).
    by_language: bool = True
    # The queryset joins a many-valued relation (a record may come once per partnership and more): only then are
    # duplicates removed, which makes the database mark up every match rather than the best `limit`.
    distinct: bool = False

    @cached_property
    def queryset(self) -> QuerySet:
        return self.scope()


def _url(name, **kwargs):
    return reverse(name, kwargs=kwargs)


def _in(path, user, action):
    return access.role_allows(user, action, path)


def _partnerships(user):
    return Source(
        kind="partnership",
        label=_("Partnership"),
        scope=lambda: access.partnerships_where(user, "view_summary"),
        title=("name",),
        body=("problem_statement", "vision", "planned_approach"),
        partnership="",
        link=lambda row: _url("msp:dashboard", partnership_pk=row["pk"]),
    )


def _organisations(user, registry):
    """Registry keepers find every organisation (its registry page); the others the members, past and present, of
    the partnerships whose member list they may read."""
    fields = {
        "title": ("organisation__name", "organisation__short_name"),
        "body": ("organisation__description",),
        "by_language": False,
    }
    if registry:
        return Source(
            kind="organisation",
            label=_("Organisation"),
            scope=lambda: Organisation.objects.all(),
            title=("name", "short_name"),
            body=("description",),
            partnership=None,
            link=lambda row: _url("organisations:detail", pk=row["pk"]),
            by_language=False,
        )
    return Source(
        kind="organisation",
        label=_("Organisation"),
        scope=lambda: Membership.objects.filter(_in("partnership", user, "view")),
        partnership="partnership",
        link=lambda row: _url("stakeholders:members", partnership_pk=row["partnership_pk"]),
        **fields,
    )


def _seats(user):
    """Where the member list is closed to them (donors), the organisations holding seats on the partnership's
    governance bodies, which everyone with a role sees (the body's page)."""
    path = "body__partnership"
    return Source(
        kind="organisation",
        label=_("Organisation"),
        scope=lambda: Seat.objects.filter(_in(path, user, "view_bodies")).exclude(
            **{f"{path}__in": access.partnerships_where(user, "view")}
        ),
        title=("organisation__name", "organisation__short_name"),
        body=("organisation__description",),
        partnership=path,
        link=lambda row: _url("governance:body", partnership_pk=row["partnership_pk"], pk=row["body_id"]),
        needs=("body_id", "body__name"),
        context=lambda row: row["body__name"],
        by_language=False,
    )


def _contacts(user, registry):
    """Contact persons: registry keepers all of them (their organisation's registry page); the others those of
    the member organisations of partnerships whose contact list they may read (donors none: personal data)."""
    if registry:
        return Source(
            kind="contact",
            label=_("Contact person"),
            scope=lambda: ContactPerson.objects.all(),
            title=("name",),
            body=("job_title", "organisation__name"),
            partnership=None,
            link=lambda row: _url("organisations:detail", pk=row["organisation_id"]),
            needs=("organisation_id",),
            by_language=False,
        )
    return Source(
        kind="contact",
        label=_("Contact person"),
        scope=lambda: ContactPerson.objects.filter(_in("organisation__memberships__partnership", user, "view")),
        title=("name",),
        body=("job_title", "organisation__name"),
        partnership="organisation__memberships__partnership",
        link=lambda row: _url("stakeholders:contacts", partnership_pk=row["partnership_pk"]),
        by_language=False,
        distinct=True,
    )


def _clauses(user):
    """MoU clauses: of every version for the members, of agreed versions (msp.access.can_read_version) for the
    others with a role."""
    return Source(
        kind="clause",
        label=_("MoU clause"),
        scope=lambda: Clause.objects.filter(
            _in("version__partnership", user, "view_unagreed_versions")
            | (
                _in("version__partnership", user, "view_agreements")
                & Q(version__in=MouVersion.objects.filter(MouVersion.AGREED))
            )
        ),
        title=("title",),
        body=("text",),
        partnership="version__partnership",
        link=lambda row: _url(
            "governance:mou_version", partnership_pk=row["partnership_pk"], number=row["version__number"]
        ),
        needs=("version__number",),
        context=lambda row: _("MoU version %(number)s") % {"number": row["version__number"]},
    )


def _papers(user):
    """Meeting papers: every one for the secretariat, shared ones for partners, none for donors (as
    governance.selectors.meeting_papers.visible_papers)."""
    path = "meeting__partnership"
    return Source(
        kind="paper",
        label=_("Meeting paper"),
        scope=lambda: MeetingPaper.objects.filter(
            _in(path, user, "view_draft_papers") | (_in(path, user, "view_meeting_papers") & Q(shared_at__isnull=False))
        ),
        title=("title",),
        body=("original_filename",),
        partnership=path,
        link=lambda row: _url("governance:meeting", partnership_pk=row["partnership_pk"], pk=row["meeting_id"]),
        needs=("meeting_id", "meeting__title"),
        context=lambda row: row["meeting__title"],
    )


def _minutes(user):
    """Minutes: drafts for those who may change the meeting, circulated and final ones for the members (as
    governance.selectors.minutes.minutes_of)."""
    path = "meeting__partnership"
    return Source(
        kind="minutes",
        label=_("Minutes"),
        scope=lambda: Minutes.objects.filter(
            _in(path, user, "change") | (_in(path, user, "view_meetings") & Q(status__in=SHOWN_TO_MEMBERS))
        ),
        title=("meeting__title",),
        body=("text",),
        partnership=path,
        link=lambda row: _url("governance:meeting", partnership_pk=row["partnership_pk"], pk=row["meeting_id"]),
        needs=("meeting_id",),
        document="text",
    )


def _decisions(user):
    """Decisions: all of them for those who see positions, adopted ones for the others with a role (as
    governance.selectors.decisions.decisions_for)."""
    adopted = Q(status=DecisionStatus.DECIDED, outcome=Outcome.ADOPTED)
    return Source(
        kind="decision",
        label=_("Decision"),
        scope=lambda: Decision.objects.filter(
            _in("partnership", user, "view_positions") | (_in("partnership", user, "view_decisions") & adopted)
        ),
        title=("title",),
        body=("text",),
        partnership="partnership",
        link=lambda row: _url("governance:decision", partnership_pk=row["partnership_pk"], pk=row["pk"]),
    )


def _indicators(user):
    return Source(
        kind="indicator",
        label=_("Indicator"),
        scope=lambda: Indicator.objects.filter(_in("partnership", user, "view_indicators")),
        title=("name",),
        body=("definition", "unit_label"),
        partnership="partnership",
        link=lambda row: _url("monitoring:indicator", partnership_pk=row["partnership_pk"], pk=row["pk"]),
    )


def sources_for(user) -> list[Source]:
    """Every kind of record `user` may search, scoped to what they may open. One query (are they a registry
    keeper?); the querysets are lazy."""
    registry = access.can_manage_registry(user)
    return [
        _partnerships(user),
        _organisations(user, registry),
        *([] if registry else [_seats(user)]),
        _contacts(user, registry),
        _clauses(user),
        _papers(user),
        _minutes(user),
        _decisions(user),
        _indicators(user),
    ]
