"""The roadmap, MoU, Governance and Resources tabs, and the dashboard's agreements card (see msp.registry)."""

from django.db.models import Count, Exists, Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from msp import access, compiled
from msp.models import Partnership
from msp.registry import Card, Tab, register_card, register_tab

from . import selectors
from .models import (
    Commitment,
    CommitmentYear,
    DecisionStatus,
    MouParty,
    MouVersion,
    RoadmapParty,
    RoadmapVersion,
    Transaction,
    TransactionType,
)
from .money import RateBook
from .resources import Loaded
from .resources import figures as overview_figures
from .selectors import decisions as decision_selectors
from .selectors import meetings as meeting_selectors
from .selectors.budget import planned_lines

register_tab(Tab("roadmap", _("Roadmap"), "governance:roadmap", order=20, action="view_agreements"))
register_tab(Tab("mou", _("MoU"), "governance:mou_list", order=30, action="view_agreements"))
# Bodies and seats, the secretariat (and, later, meetings and decisions): see governance/views/bodies.py.
register_tab(Tab("governance", _("Governance"), "governance:bodies", order=35, action="view_bodies"))
# The overview, commitments, the budget, transactions, exchange rates: see governance/views/resources.py.
# Donors see the tab too (resource totals, their own organisation's commitments).
register_tab(Tab("resources", _("Resources"), "governance:resources", order=37, action="view_resources"))


def agreements(request, partnership):
    """The roadmap and MoU versions that matter now, and which member organisations have not yet acted on them.

    Roadmap: the version in review if there is one (approvals outstanding), else the approved one. MoU: the
    version being signed if there is one (signatures outstanding), else the one in force, else the latest. Of the
    versions the user may read: a donor hears of agreed versions only, never of drafts (msp.access).

    Two queries (the versions), and the approvals or signatures and parties of a version only when one is in
    review or being signed (and the active members, for a version not sent yet: governance.selectors).
    """
    user = request.user
    roadmaps = _versions(user, partnership, RoadmapVersion)
    roadmap = next((v for v in roadmaps if v.status == RoadmapVersion.Status.IN_REVIEW), None) or next(
        (v for v in roadmaps if v.status == RoadmapVersion.Status.APPROVED), None
    )
    roadmap_draft = next((v for v in roadmaps if v.status == RoadmapVersion.Status.DRAFT), None)
    mous = _versions(user, partnership, MouVersion)
    mou = (
        next((v for v in mous if v.status in MouVersion.SIGNABLE), None)
        or next((v for v in mous if v.status == MouVersion.Status.IN_REVIEW), None)
        or next((v for v in mous if v.status == MouVersion.Status.IN_FORCE), None)
        or (mous[0] if mous else None)
    )
    in_force = next((v for v in mous if v.status == MouVersion.Status.IN_FORCE), None)
    context = {
        "roadmap": roadmap,
        "roadmap_draft": roadmap_draft,
        "mou": mou,
        "mou_in_force": in_force,
        "sees_unagreed": access.can(user, "view_unagreed_versions", partnership),
    }
    if roadmap is not None and roadmap.status == RoadmapVersion.Status.IN_REVIEW:
        prefetch_related_objects([roadmap], "approvals", _parties(RoadmapParty))
        statuses = selectors.approval_status(roadmap)
        context["roadmap_missing"] = selectors.outstanding(statuses)
    if mou is not None and mou.status in MouVersion.SIGNABLE:
        prefetch_related_objects([mou], "signatures", _parties(MouParty))
        statuses = selectors.signature_status(mou)
        context["mou_missing"] = selectors.outstanding(statuses)
    elif mou is not None and mou.status == MouVersion.Status.IN_REVIEW:
        prefetch_related_objects([mou], "approvals", _parties(MouParty))
        statuses = selectors.approval_status(mou)
        context["mou_missing_approval"] = selectors.outstanding(statuses)
    return context


def _versions(user, partnership, model) -> list:
    """The partnership's roadmap or MoU versions `user` may read but superseded ones, newest first (one query)."""
    if not access.can(user, "view_agreements", partnership):
        return []  # readable_versions: none

    def build(p):
        versions = access.readable_versions(user, partnership, model.objects.filter(partnership=p))
        return versions.exclude(status=model.Status.SUPERSEDED).order_by("-number")

    # Compiled once for each of readable_versions' shapes (with or without the versions not agreed yet).
    unagreed = access.can(user, "view_unagreed_versions", partnership)
    versions = compiled.instances(("governance.dashboard.versions", model._meta.label, unagreed), build, partnership.pk)
    for version in versions:
        version.partnership = partnership  # the loaded one (its role cache), not a query per version
    return versions


def _parties(model):
    return Prefetch("parties", queryset=model.objects.select_related("organisation"))


register_card(
    Card("agreements", "governance/cards/agreements.html", order=18, context=agreements, action="view_agreements")
)


def governance(request, partnership):
    """The governance card: for members, the next meeting (donors see no meetings); the decisions open for
    positions (for a partner, those awaiting their organisation's position, with a link) and the last decisions
    taken (donors: adopted ones)."""
    user = request.user
    acting = access.acting_for(user, partnership) if access.can(user, "record_position", partnership) else None
    pk = partnership.pk
    # visible_decisions has two shapes (all decisions, or the adopted ones): each compiled once (msp.compiled).
    shape = decision_selectors.can_see_positions(user, partnership)

    def seen(p):
        return decision_selectors.visible_decisions(user, partnership, pk=p)

    def open_count(p):
        counted = seen(p).filter(status=DecisionStatus.OPEN).order_by().values("partnership")
        return counted.annotate(count=Count("pk")).values_list("count")

    def last(p):
        return seen(p).filter(status=DecisionStatus.DECIDED).only("title", "outcome", "decided_on")[:3]

    open_counts = compiled.rows(("governance.dashboard.open", shape), open_count, pk)
    sees_meetings = access.can(user, "view_meetings", partnership)
    return {
        "sees_meetings": sees_meetings,
        "next_meeting": _next_meeting(partnership) if sees_meetings else None,
        "awaiting": list(decision_selectors.open_awaiting(partnership, acting.organisation)[:5]) if acting else [],
        "open_count": open_counts[0][0] if open_counts else 0,
        "last": compiled.instances(("governance.dashboard.last", shape), last, pk),
    }


register_card(
    Card("governance", "governance/cards/governance.html", order=19, context=governance, action="view_decisions")
)


def resources_card(request, partnership):
    """The resources card: planned vs committed this year, its coverage, and the concentration warning. Everyone
    with a role sees it (totals only, no funder named).

    The overview's figures (governance.resources) of what the card shows only: every commitment (the concentration
    is over all years), this year's planned lines, no transaction (the card shows no received or spent amount; it
    only asks whether there is one, to tell an empty partnership). Five queries."""
    today = timezone.localdate()
    # The columns figures() reads, unordered (sums and shares do not depend on the order; a source's name breaks
    # ties): not the commitments' descriptions and expectations, nor the organisations' other columns.
    commitments = compiled.instances("governance.dashboard.commitments", _commitments, partnership.pk)
    _with_years(commitments, partnership.pk)

    def this_year(p):
        return planned_lines(p).filter(year=today.year).order_by().only("year", "amount", "currency", "category")

    lines = compiled.instances(("governance.dashboard.lines", today.year), this_year, partnership.pk)
    codes = {partnership.currency_id} | {c.currency_id for c in commitments if c.currency_id}
    codes |= {line.currency_id for line in lines}
    codes = tuple(sorted(codes))  # the codes are the query's parameters: in the key
    rates = compiled.rows(("governance.dashboard.rates", codes), lambda: RateBook.rows(codes))
    figures = overview_figures(Loaded(partnership.currency_id, commitments, lines, [], RateBook.from_rows(rates)))
    # Always asked (not only when nothing is planned or committed): a query count that does not depend on the data.
    empty = not _has_lines_or_funds(partnership) and not commitments
    return {"figures": figures, "year": figures.current_year(today), "empty": empty}


def _next_meeting(partnership):
    """meeting_selectors.next_meeting, compiled once (msp.compiled)."""
    build = lambda p, now: meeting_selectors.scheduled_from(p, now)[:1]  # noqa: E731
    found = compiled.instances("governance.dashboard.next_meeting", build, partnership.pk, now=timezone.now())
    return found[0] if found else None


def _commitments(pk):
    return (
        Commitment.objects.filter(partnership=pk)
        .select_related("organisation")
        .only("organisation__name", "type", "value", "currency", "status")
        .order_by()
    )


def _with_years(commitments, pk):
    """Each commitment's years, as prefetch_related("years") leaves them (commitment.years.all()), in one query
    of a fixed shape (the partnership's, not the commitments' ids)."""

    def build(p):
        return (
            CommitmentYear.objects.filter(commitment__partnership=p).order_by().only("commitment_id", "year", "amount")
        )

    if not commitments:
        return  # as prefetch_related: no query
    years = {}
    for year in compiled.instances("governance.dashboard.years", build, pk):
        years.setdefault(year.commitment_id, []).append(year)
    for commitment in commitments:
        found = CommitmentYear.objects.all()
        found._result_cache, found._prefetch_done = years.get(commitment.pk, []), True
        commitment._prefetched_objects_cache = {"years": found}


def _has_lines_or_funds(partnership) -> bool:
    """A planned line of any year, or a transaction the overview counts (governance.resources.load): one query."""
    counted = [TransactionType.INCOMING_FUNDS, TransactionType.EXPENDITURE, TransactionType.DISBURSEMENT]

    def build(p):
        transactions = Transaction.objects.filter(partnership=p, type__in=counted)
        return Partnership.objects.filter(pk=p).values_list(Exists(planned_lines(p)), Exists(transactions))

    found = compiled.rows("governance.dashboard.lines_or_funds", build, partnership.pk)
    return any(found[0])


register_card(
    Card("resources", "governance/cards/resources.html", order=21, context=resources_card, action="view_resources")
)
