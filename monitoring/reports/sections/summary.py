"""The donor report's summary: the period in a few formal sentences and a table of headline figures (phase,
members, indicators on and off track, budget planned, committed and spent, checklist health, decisions adopted).

Reads what the other sections load through the report's context (members, decisions, the checklist run), plus the
indicator summary (monitoring.selectors.table.summary_for, two queries) and the resources figures
(governance.resources, five queries). Indicators are counted as a donor sees them: checked (locked) periods only.
"""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _

from governance import resources
from msp.models import Phase

from ...selectors.table import summary_for
from .. import partnership_reads


def collect(ctx) -> dict:
    partnership = ctx.partnership
    figures = resources.for_partnership(partnership).total
    run = ctx.checklist_run
    phase, since = partnership_reads.phase_at_end(ctx)
    return {
        "phase": Phase(phase).label,
        "phase_since": since,
        "members": len(ctx.memberships),
        "core": sum(1 for m in ctx.memberships if m.is_core_group),
        "indicators": summary_for(AnonymousUser(), partnership, today=ctx.end),
        "money": [
            (_("Planned"), figures.planned),
            (_("Committed"), figures.committed),
            (_("Spent"), figures.spent),
        ],
        "coverage": figures.coverage,
        "run": run,
        "decisions": len(ctx.decisions),
    }
