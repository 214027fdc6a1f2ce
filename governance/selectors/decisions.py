"""Reads of the decision log: a fixed number of queries whatever the number of decisions or positions.

Donors see adopted decisions only, and never the positions (DESIGN section 2): `decisions_for` and
`can_see_positions` are where the log says so, asking msp.access."""

from django.db.models import Count, F, Q
from django.utils.translation import gettext as _

from msp import access
from msp.charts import Bar, HorizontalBarChart
from stakeholders.selectors import active_member_organisations

from .. import decision_rules as rules
from ..decision_rules import Outcome, Position
from ..models import Body, BodyType, Decision, DecisionPosition, DecisionStatus


def entitled(decision) -> list:
    """The organisations entitled to a position on `decision` (decision_rules.entitled_organisations)."""
    members = active_member_organisations(decision.partnership)
    holders = None
    if decision.body_id:
        holders = [s.organisation for s in decision.body.seats.filter(is_voting=True).select_related("organisation")]
    return rules.entitled_organisations(active_members=members, voting_seat_holders=holders)


def secretariat_host(partnership):
    body = Body.objects.filter(partnership=partnership, type=BodyType.SECRETARIAT).select_related("host_organisation")
    body = body.first()
    return body.host_organisation if body else None


def can_see_positions(user, partnership) -> bool:
    return access.can(user, "view_positions", partnership)


# The log's order: undecided first, then the latest decided.
LOG_ORDER = (F("decided_on").desc(nulls_first=True), "-created_at", "-pk")


def visible_decisions(user, partnership, *, pk=None):
    """The decisions `user` may see in the log (donors: adopted ones), in the log's order, bare. `pk`: the
    partnership's id to filter on instead of its own (msp.compiled's placeholder)."""
    decisions = Decision.objects.filter(partnership=partnership.pk if pk is None else pk)
    if not can_see_positions(user, partnership):
        decisions = decisions.filter(status=DecisionStatus.DECIDED, outcome=Outcome.ADOPTED)
    return decisions.order_by(*LOG_ORDER)


def decisions_for(user, partnership):
    """The decisions `user` may see in the log, with their body, meeting and position counts: one query."""
    counted = visible_decisions(user, partnership).select_related("body", "meeting")
    return counted.annotate(position_count=Count("positions")).order_by(*LOG_ORDER)


def open_awaiting(partnership, organisation):
    """Decisions open for positions on which `organisation` has recorded none yet (for a partner's dashboard)."""
    mine = Q(positions__organisation=organisation)
    return (
        Decision.objects.filter(partnership=partnership, status=DecisionStatus.OPEN)
        .annotate(mine=Count("positions", filter=mine))
        .filter(mine=0)
        .order_by("created_at", "pk")
    )


def positions_table(decision):
    """One row per entitled organisation (its position or None), then the positions of organisations no longer
    entitled (kept, not counted): a fixed number of queries."""
    recorded = {
        p.organisation_id: p
        for p in DecisionPosition.objects.filter(decision=decision).select_related("organisation", "recorded_by")
    }
    rows = [(org, recorded.pop(org.pk, None), True) for org in entitled(decision)]
    rows += [(p.organisation, p, False) for p in recorded.values()]
    return rows


def positions_chart(decision, rows):
    """The positions counted by kind (msp.charts), for the detail page."""
    counts = dict.fromkeys(Position.values, 0)
    for _org, position, counted in rows:
        if position is not None and counted:
            counts[position.position] += 1
    missing = sum(1 for _org, position, counted in rows if counted and position is None)
    bars = [Bar(label=str(label), value=counts[value]) for value, label in Position.choices]
    bars.append(Bar(label=_("No position yet"), value=missing))
    return HorizontalBarChart(
        bars=bars,
        title=_("Positions on “%(title)s”") % {"title": decision.title},
        description=_("How many entitled organisations recorded each position, and how many have not yet."),
        label_header=_("Position"),
        value_header=_("Organisations"),
        chart_id=f"positions-{decision.pk}",
    )


def changed_records(user, partnership, decision):
    """What `decision` changed, as far as `user` may read it: {"phase_transition", "roadmap_version",
    "mou_version"}, each the record or None. A version that is not agreed is the members' (a donor does not hear of
    it: msp.access.can_read_version). No query when `decision` was loaded with its links (decision_or_404)."""
    versions = {}
    for name in ("roadmap_version", "mou_version"):
        version = getattr(decision, name)
        if version is not None:
            version.partnership = partnership  # the same row: its role is cached on it for the request
        versions[name] = version if version is not None and access.can_read_version(user, version) else None
    return {"phase_transition": decision.phase_transition, **versions}
