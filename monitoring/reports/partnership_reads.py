"""Reads of a partnership that several donor-report sections share, each one query whatever the number of rows.
ReportContext (donor.py) caches them, so the summary and the section that details a subject read it once."""

import datetime as dt

from django.utils import timezone

from governance.decision_rules import Outcome
from governance.models import Decision, DecisionStatus
from phases.models import ChecklistRun
from phases.selectors import transitions_for
from stakeholders.models import Membership, StakeholderMapEntry


def period_end(ctx) -> dt.datetime:
    """The first moment after the period (its last day included), in the installation's time zone."""
    return timezone.make_aware(dt.datetime.combine(ctx.end + dt.timedelta(days=1), dt.time.min))


def period_start(ctx) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(ctx.start, dt.time.min))


def transitions(ctx) -> list:
    return sorted(transitions_for(ctx.partnership), key=lambda t: (t.created_at, t.pk))


def map_entries(ctx) -> list:
    return list(StakeholderMapEntry.objects.filter(partnership=ctx.partnership).select_related("organisation"))


def memberships(ctx) -> list:
    return list(
        Membership.objects.active(on=ctx.end)
        .filter(partnership=ctx.partnership)
        .select_related("organisation__iati_type")
        .order_by("organisation__name", "pk")
    )


def decisions(ctx) -> list:
    return list(
        Decision.objects.filter(
            partnership=ctx.partnership,
            status=DecisionStatus.DECIDED,
            outcome=Outcome.ADOPTED,
            decided_on__gte=ctx.start,
            decided_on__lte=ctx.end,
        )
        .select_related("body", "meeting", "delegated_by")
        .order_by("decided_on", "pk")
    )


def checklist_run(ctx):
    return (
        ChecklistRun.objects.filter(partnership=ctx.partnership, created_at__lt=period_end(ctx))
        .order_by("-created_at", "-pk")
        .first()
    )


def phase_at_end(ctx) -> tuple:
    """(phase, the moment it was entered or None) at the period's end, from the transitions (no query once they
    are loaded): a report on an earlier period shows the phase of then, not of today."""
    end = period_end(ctx)
    done = [t for t in ctx.transitions if t.created_at < end]
    later = [t for t in ctx.transitions if t.created_at >= end]
    if done:
        return done[-1].to_phase, done[-1].created_at
    if later:
        return later[0].from_phase, None
    since = ctx.partnership.phase_since
    return ctx.partnership.phase, since if since < end else None
