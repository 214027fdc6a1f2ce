"""The cocoa partnership's reports (phase 3): a quarterly reporting schedule, the donor reports of the last two
quarters with data (monitoring.demo.common: offsets -1 and 0), both released to its donors and partners, and the
public report of the half-year they make, published (with the story of `story`).

The older donor report is the schedule's draft, made in the partnership's working language (French); the newer
one the secretariat asked for in English, as donors may. Each is made for real by the report job
(jobs.report_generate), so its PDF exists. This runs among the demo's last steps (after the phase histories, whose
map snapshots the donor report reads) and before the checklist runs, so ME-3 sees the reports released and
published. A partnership that has reports keeps them.
"""

import datetime as dt

from auditlog.context import set_actor

from ..models import Report, ReportKind, ReportSchedule, ReportTrigger
from ..reports import jobs
from . import story
from .common import at, quarters


def load(ctx):
    ctx.setdefault("last", []).append(lambda: make(ctx["partnerships"]["cocoa"], ctx["users"]["amina"]))


def make(partnership, secretariat):
    if partnership.reports.exists():
        return
    with set_actor(secretariat):
        story.load(partnership)  # the public report's story, photo and key results (idempotent)
        (_, start, _), (_, last_start, end) = quarters(-1, 0)
        schedule = ReportSchedule.objects.create(
            partnership=partnership, frequency=3, first_period_start=quarters(-10, -10)[0][1], donor=True,
            public=False, last_period_end=end,
        )  # fmt: skip
        older = _made(partnership, ReportKind.DONOR, start, last_start - dt.timedelta(days=1), partnership.language)
        newer = _made(partnership, ReportKind.DONOR, last_start, end, "en", by=secretariat)
        public = _made(partnership, ReportKind.PUBLIC, start, end, "en", by=secretariat)
        for report in (older, newer):
            _deliver(report, "released", secretariat)
        _deliver(public, "published", secretariat)
    return schedule


def _made(partnership, kind, start, end, language, by=None):
    """A report asked for the day after its period (by the schedule when `by` is None), made by the job."""
    trigger = ReportTrigger.REQUESTED if by else ReportTrigger.SCHEDULE
    report = jobs.report_request(
        kind=kind, period_start=start, period_end=end, language=language, by=by, partnership=partnership,
        trigger=trigger,
    )  # fmt: skip
    asked = at(end + dt.timedelta(days=1), hour=6)
    Report.objects.filter(pk=report.pk).update(requested_at=asked)  # before it is made: the cover shows it
    report = jobs.report_generate(report.pk)
    Report.objects.filter(pk=report.pk).update(started_at=asked, finished_at=asked + dt.timedelta(minutes=2))
    report.started_at, report.finished_at = asked, asked + dt.timedelta(minutes=2)
    return report


def _deliver(report, what, by):
    """Released (donor) or published (public) a few days after the period, once the secretariat checked it; no
    e-mails (the services would send them, dated today)."""
    setattr(report, f"{what}_at", at(report.period_end + dt.timedelta(days=12)))
    setattr(report, f"{what}_by", by)
    report.save(update_fields=[f"{what}_at", f"{what}_by"])  # saved: the activity feed records it
