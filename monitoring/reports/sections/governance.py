"""The donor report's governance: the bodies with their seats, the meetings held in the period with the decisions
taken there, and the key decisions adopted in the period with how they were reached (the method, the body, the
positions the entitled organisations recorded). Four queries whatever the number of bodies, meetings or positions,
plus the decisions the report context loads once.

Donors may read adopted decisions and how many positions of each kind were recorded, not who took which position
(governance.selectors.decisions): the report counts positions, it does not name them.
"""

from collections import Counter

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from governance.decision_rules import Position
from governance.models import DecisionPosition, Meeting, MeetingStatus, Seat
from governance.selectors.bodies import bodies_for

from .. import partnership_reads


def _positions(counts: Counter) -> str:
    """ "Support: 5; Abstain: 1" in the report's language; "" when nobody recorded one."""
    return "; ".join(
        _("%(position)s: %(n)d") % {"position": label, "n": counts[value]}
        for value, label in Position.choices
        if counts[value]
    )


def collect(ctx) -> dict:
    partnership = ctx.partnership
    bodies = list(bodies_for(partnership))
    seats = {}
    for seat in Seat.objects.filter(body__partnership=partnership).select_related("organisation"):
        seats.setdefault(seat.body_id, []).append(seat)
    for body in bodies:
        body.report_seats = seats.get(body.pk, [])

    start, end = partnership_reads.period_start(ctx), partnership_reads.period_end(ctx)
    meetings = list(
        Meeting.objects.filter(partnership=partnership, start__gte=start, start__lt=min(end, timezone.now()))
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("body")
        .annotate(organisation_count=Count("organisations", distinct=True))
        .order_by("start", "pk")
    )
    decisions = ctx.decisions
    by_meeting = {}
    for decision in decisions:
        by_meeting.setdefault(decision.meeting_id, []).append(decision)
    for meeting in meetings:
        meeting.report_decisions = by_meeting.get(meeting.pk, [])

    counts = {}
    rows = DecisionPosition.objects.filter(decision__in=[d.pk for d in decisions]).values("decision", "position")
    for row in rows.annotate(n=Count("pk")).order_by():
        counts.setdefault(row["decision"], Counter())[row["position"]] = row["n"]
    for decision in decisions:
        decision.report_positions = _positions(counts.get(decision.pk, Counter()))
    return {
        "bodies": [b for b in bodies if not b.is_secretariat],
        "secretariat": next((b for b in bodies if b.is_secretariat), None),
        "meetings": meetings,
        "decisions": decisions,
    }
