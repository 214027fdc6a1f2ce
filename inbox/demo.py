"""Demo of a person's desk.

My work: the cocoa and water partnerships have a health-check round open, so their partners (kofi, awa, wanjiru)
have a round to score beside the decision awaiting their position; the rest of what awaits the demo users comes
from the other apps' demo data (the water roadmap in review and MoU being signed, the released cocoa reports for
daniel, amina's overdue data, milestones and expiring invitations). A partnership that has a round keeps it.

Notifications: the day's reminders (the job run once, as beat would), a few earlier notices for the demo
users, some of them read, and one person's choice (Daniel, a donor, takes reports in the daily digest).

Written last (ctx["final"]), when every app's records exist. The earlier notices are rows of their own (no e-mail
goes out for the past); a second run of the demo adds none, as each has its key and is looked up without its day.
"""

import datetime as dt

from auditlog.context import set_actor
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from msp import profiles
from msp.models import Phase
from msp.notices import Channel, Notice, NoticeKind, NoticePreference
from msp.services import working_language
from phases.health_checks.services import health_check_open
from phases.models import HealthCheck

from . import services


def _subjects():
    """The subjects the events write, in the active language (their own texts, so they are translated)."""
    return {
        "phase": lambda p, n: (
            _("%(name)s moved to phase %(n)d: %(phase)s") % {"name": p.name, "n": n, "phase": Phase(n).label}
        ),
        "meeting": lambda p, n: _("Invitation: %(title)s") % {"title": "Steering Committee"},
        "roadmap": lambda p, n: _("Roadmap v%(n)d of %(name)s awaits your review") % {"n": n, "name": p.name},
        "report": lambda p, n: _("Donor report released: %(partnership)s") % {"partnership": p.name},
    }


def _earlier(ctx):
    """(username, partnership, kind, what, number, link, days ago, read)."""
    cocoa, water = ctx["partnerships"]["cocoa"], ctx["partnerships"]["water"]
    return [
        ("kofi", cocoa, NoticeKind.PHASE, "phase", 3, reverse("phases:history", args=[cocoa.pk]), 60, True),
        ("kofi", cocoa, NoticeKind.MEETING, "meeting", 0, reverse("governance:meetings", args=[cocoa.pk]), 9, True),
        ("kofi", cocoa, NoticeKind.REVIEW, "roadmap", 2, reverse("governance:roadmap", args=[cocoa.pk]), 2, False),
        ("awa", cocoa, NoticeKind.MEETING, "meeting", 0, reverse("governance:meetings", args=[cocoa.pk]), 9, False),
        ("wanjiru", water, NoticeKind.PHASE, "phase", 2, reverse("phases:history", args=[water.pk]), 40, True),
        ("daniel", cocoa, NoticeKind.REPORT, "report", 0, reverse("monitoring:reports", args=[cocoa.pk]), 20, True),
        ("daniel", water, NoticeKind.PHASE, "phase", 2, reverse("phases:history", args=[water.pk]), 40, False),
    ]


def write(ctx):
    users, now = ctx["users"], timezone.now()
    subjects = _subjects()
    for username, partnership, kind, what, number, link, days_ago, read in _earlier(ctx):
        user, key = users[username], f"demo:{what}"
        if Notice.objects.filter(recipient=user, kind=kind, key=key).exists():
            continue
        at = now - dt.timedelta(days=days_ago)
        with translation.override(profiles.user_languages([user])[user.pk] or working_language(partnership)):
            subject = subjects[what](partnership, number)
        notice = Notice.objects.create(
            recipient=user,
            partnership=partnership,
            kind=kind,
            key=key,
            day=timezone.localdate(at),
            subject=subject,
            link=link,
            read_at=at + dt.timedelta(hours=3) if read else None,
        )
        Notice.objects.filter(pk=notice.pk).update(created_at=at)  # auto_now_add: dated afterwards
    NoticePreference.objects.get_or_create(
        user=users["daniel"], kind=NoticeKind.REPORT, defaults={"channel": Channel.DAILY}
    )
    services.reminders_send()


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


def rounds(ctx):
    for key in ("cocoa", "water"):
        open_round(ctx["partnerships"][key], ctx["users"]["amina"])


def load(ctx):
    # The rounds first: opening one notifies its partners, like the rest of the day's events.
    ctx.setdefault("final", []).append(lambda: rounds(ctx))
    ctx["final"].append(lambda: write(ctx))
