"""Demo notifications: the day's reminders (the job run once, as beat would), a few earlier notices for the demo
users, some of them read, and one person's choice (Daniel, a donor, takes reports in the daily digest).

Written last (ctx["final"]), when every app's records exist. The earlier notices are rows of their own (no e-mail
goes out for the past); a second run of the demo adds none, as each has its key and is looked up without its day.
"""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from msp.notices import Channel, Notice, NoticeKind, NoticePreference

from . import services


def _earlier(ctx):
    """(username, partnership key, kind, key, subject, link name, days ago, read)."""
    cocoa, water = ctx["partnerships"]["cocoa"], ctx["partnerships"]["water"]
    return [
        ("kofi", cocoa, NoticeKind.PHASE, "demo:phase", "Cocoa moved to phase 3: Implementation",
         reverse("phases:history", args=[cocoa.pk]), 60, True),
        ("kofi", cocoa, NoticeKind.MEETING, "demo:meeting", "Invitation: Steering committee",
         reverse("governance:meetings", args=[cocoa.pk]), 9, True),
        ("kofi", cocoa, NoticeKind.REVIEW, "demo:roadmap", "A roadmap version of Cocoa awaits your review",
         reverse("governance:roadmap", args=[cocoa.pk]), 2, False),
        ("awa", cocoa, NoticeKind.MEETING, "demo:meeting", "Invitation: Steering committee",
         reverse("governance:meetings", args=[cocoa.pk]), 9, False),
        ("wanjiru", water, NoticeKind.PHASE, "demo:phase", "Upper Tana water moved to phase 2: Design",
         reverse("phases:history", args=[water.pk]), 40, True),
        ("daniel", cocoa, NoticeKind.REPORT, "demo:report", "Donor report released: Cocoa",
         reverse("monitoring:reports", args=[cocoa.pk]), 20, True),
        ("daniel", water, NoticeKind.PHASE, "demo:phase", "Upper Tana water moved to phase 2: Design",
         reverse("phases:history", args=[water.pk]), 40, False),
    ]  # fmt: skip


def write(ctx):
    users, now = ctx["users"], timezone.now()
    for username, partnership, kind, key, subject, link, days_ago, read in _earlier(ctx):
        user = users[username]
        if Notice.objects.filter(recipient=user, kind=kind, key=key).exists():
            continue
        at = now - dt.timedelta(days=days_ago)
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


def load(ctx):
    ctx.setdefault("final", []).append(lambda: write(ctx))
