"""Reporting schedules: the secretariat sets one per partnership, and each day the beat task
(monitoring.tasks.make_scheduled_reports) makes the draft reports of every period that has just ended and tells the
secretariat.

The drafts are asked for like any report (monitoring.reports.jobs.report_request, then queued after commit), but
without monitoring.services.reports: that module queues through monitoring.tasks, which calls this one, so the task
hands its `queue` function in instead (no import circle).

A schedule remembers the end of the last period it made drafts for (`last_period_end`), and the row is locked while
the drafts are asked for, so the task run twice (or by two workers) makes one set. Missed periods are not caught up
one by one: after a pause (the schedule inactive, the beat down) only the latest ended period gets drafts, since
several stale drafts at once help nobody and any period can still be asked for by hand.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from msp import access
from msp.services import notify

from ..models import Report, ReportKind, ReportSchedule, ReportTrigger
from ..reports import jobs, schedule_periods


def schedule_save(
    *, partnership, by, frequency, first_period_start, donor, public, active, today=None
) -> ReportSchedule:
    """Create or change the partnership's reporting schedule (secretariat).

    A schedule set up, given other periods or switched on starts with the period under way: the periods that ended
    before get no drafts (they may be asked for by hand), so the page's "the current period ends on ..." holds."""
    access.require(by, "change", partnership)
    if active and not (donor or public):
        raise ValidationError({"donor": _("Choose at least one kind of report, or switch the schedule off.")})
    today = today or timezone.localdate()
    with transaction.atomic():
        schedule = ReportSchedule.objects.select_for_update().filter(partnership=partnership).first()
        before = (schedule.frequency, schedule.first_period_start, schedule.active) if schedule else None
        schedule = schedule or ReportSchedule(partnership=partnership)
        schedule.frequency, schedule.first_period_start = frequency, first_period_start
        schedule.donor, schedule.public, schedule.active = donor, public, active
        if before is None or before[:2] != (frequency, first_period_start) or (active and not before[2]):
            ended = schedule_periods.latest_ended(first_period_start, frequency, today)
            if ended is not None:
                schedule.last_period_end = max(ended[1], schedule.last_period_end or ended[1])
        schedule.full_clean()
        schedule.save()
    return schedule


def schedule_kinds(schedule) -> list[str]:
    return [
        kind for kind, wanted in ((ReportKind.DONOR, schedule.donor), (ReportKind.PUBLIC, schedule.public)) if wanted
    ]


def due_period(schedule, today):
    """(start, end) of the period the schedule owes drafts for on `today`, or None (also for an archived
    partnership: it is read-only)."""
    if not schedule.active or not schedule_kinds(schedule) or schedule.partnership.archived_at is not None:
        return None
    ended = schedule_periods.latest_ended(schedule.first_period_start, schedule.frequency, today)
    if ended is None or (schedule.last_period_end is not None and ended[1] <= schedule.last_period_end):
        return None
    return ended


def next_period_end(schedule, today=None):
    """The end of the period under way: the day after it, its drafts are made."""
    today = today or timezone.localdate()
    return schedule_periods.current(schedule.first_period_start, schedule.frequency, today)[1]


def schedule_drafts(schedule) -> list[Report]:
    """The drafts this schedule made so far, newest first."""
    return list(
        Report.objects.filter(partnership_id=schedule.partnership_id, trigger=ReportTrigger.SCHEDULE).order_by(
            "-period_end", "kind", "-number"
        )
    )


def scheduled_reports_make(*, schedule_id, queue, today=None) -> list[Report]:
    """Ask for the drafts of the schedule's latest ended period if it has none yet, and tell the secretariat.
    Returns the reports asked for ([] when nothing was due). `queue(report_id)` hands each to a worker after
    commit. The drafts are in the partnership's working language."""
    today = today or timezone.localdate()
    with transaction.atomic():
        schedule = ReportSchedule.objects.select_for_update().select_related("partnership").get(pk=schedule_id)
        period = due_period(schedule, today)
        if period is None:
            return []
        start, end = period
        partnership = schedule.partnership
        language = partnership.language if partnership.language in dict(settings.LANGUAGES) else None
        made = [
            jobs.report_request(
                kind=kind,
                period_start=start,
                period_end=end,
                language=language or settings.LANGUAGE_CODE,
                partnership=partnership,
                trigger=ReportTrigger.SCHEDULE,
            )  # fmt: skip
            for kind in schedule_kinds(schedule)
        ]
        for report in made:
            transaction.on_commit(lambda pk=report.pk: queue(pk))
        ReportSchedule.objects.filter(pk=schedule.pk).update(last_period_end=end)
        _tell_secretariat(schedule.partnership, made, start, end)
    return made


def due_schedule_ids(today=None) -> list[int]:
    """Active schedules whose latest ended period may still lack drafts (each is checked again under its lock)."""
    today = today or timezone.localdate()
    active = ReportSchedule.objects.filter(active=True, partnership__archived_at__isnull=True)
    return [s.pk for s in active.select_related("partnership") if due_period(s, today) is not None]


def reports_link(partnership) -> str:
    """The partnership's reports page."""
    return reverse("monitoring:reports", args=[partnership.pk])


def _tell_secretariat(partnership, made, start, end):
    recipients = [role.user for role in access.holders(partnership, "change").select_related("user")]
    period = f"{start:%Y-%m-%d} – {end:%Y-%m-%d}"
    kinds = [report.kind for report in made]

    def body():
        names = ", ".join(str(ReportKind(kind).label) for kind in kinds)
        return _(
            "The reporting period %(period)s of %(partnership)s has ended. Following the reporting schedule, drafts "
            "are being made: %(kinds)s. Check them, then release the donor report and publish the public report "
            "when they are right:"
        ) % {"period": period, "partnership": partnership.name, "kinds": names}

    notify(
        partnership=partnership,
        recipients=recipients,
        subject=lambda: (
            _("Draft reports for %(period)s: %(partnership)s")
            % {
                "period": period,
                "partnership": partnership.name,
            }
        ),  # fmt: skip
        body=body,
        link=reports_link(partnership),
    )
