"""The donor report's status of the partnership: its phase at the period's end and the moves so far, who its members
are by sector, IATI organisation type and role, and the power/interest grid as on the stakeholder map page
(stakeholders.chart, drawn inline with its table). Reads the report context's transitions, members and map: no
query of its own."""

from collections import Counter

from django.utils.translation import gettext as _

from msp.models import Phase
from stakeholders.chart import power_interest_chart
from stakeholders.models import MemberRole, Sector

from .. import partnership_reads


def _counted(memberships, value_of, choices):
    """[(label, number, [organisation names])] in the order of `choices`, those with nobody left out."""
    names = {}
    for membership in memberships:
        names.setdefault(value_of(membership), []).append(membership.organisation.name)
    return [(label, len(names[value]), names[value]) for value, label in choices if value in names]


def collect(ctx) -> dict:
    phase, since = partnership_reads.phase_at_end(ctx)
    end = partnership_reads.period_end(ctx)
    members = ctx.memberships
    types = Counter(m.organisation.iati_type for m in members if m.organisation.iati_type_id)
    chart = power_interest_chart(
        ctx.map_entries, title=_("Power/interest grid of %(name)s") % {"name": ctx.partnership.name}
    )
    return {
        "phase": Phase(phase),
        "since": since,
        "transitions": [t for t in ctx.transitions if t.created_at < end],
        "members": members,
        "by_sector": _counted(members, lambda m: m.organisation.sector, Sector.choices),
        "by_role": _counted(members, lambda m: m.role, MemberRole.choices),
        "by_type": sorted(types.items(), key=lambda pair: (-pair[1], str(pair[0]))),
        "untyped": sum(1 for m in members if not m.organisation.iati_type_id),
        "chart": chart,
    }
