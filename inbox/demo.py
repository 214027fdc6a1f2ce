"""My work in the demo: the cocoa and water partnerships have a health-check round open, so their partners (kofi,
awa, wanjiru) have a round to score beside the decision awaiting their position; the rest of what awaits the demo users comes from the
other apps' demo data (the water roadmap in review and MoU being signed, the released cocoa reports for daniel,
amina's overdue data, milestones and expiring invitations). Runs last, once everything else is in place; a
partnership that has a round keeps it."""

import datetime as dt

from auditlog.context import set_actor
from django.utils import timezone

from phases.health_checks.services import health_check_open
from phases.models import HealthCheck


def load(ctx):
    def rounds():
        for key in ("cocoa", "water"):
            open_round(ctx["partnerships"][key], ctx["users"]["amina"])

    ctx.setdefault("final", []).append(rounds)


def open_round(partnership, secretariat):
    if HealthCheck.objects.filter(partnership=partnership).exists():
        return None
    with set_actor(secretariat):
        return health_check_open(
            partnership=partnership,
            by=secretariat,
            title="Mid-year partnership health check",
            closes_on=timezone.localdate() + dt.timedelta(days=10),
            item_ids=["CM-6", "PM-4", "SR-2"],
        )
