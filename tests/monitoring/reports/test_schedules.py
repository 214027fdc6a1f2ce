"""Reporting schedules: the period arithmetic, and the daily task that makes a period's drafts once and tells the
secretariat (acceptance 6); running it twice makes one set, an inactive schedule nothing, and after a pause only
the latest ended period gets drafts."""

import datetime as dt
from io import StringIO

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from monitoring import tasks
from monitoring.models import Report, ReportKind, ReportSchedule, ReportStatus, ReportTrigger
from monitoring.reports.schedule_periods import add_months, current, latest_ended, period
from monitoring.services import schedules
from msp.models import Notification

D = dt.date


# The period arithmetic -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "first, frequency, index, expected",
    [
        (D(2026, 1, 1), 3, 0, (D(2026, 1, 1), D(2026, 3, 31))),
        (D(2026, 1, 1), 3, 1, (D(2026, 4, 1), D(2026, 6, 30))),
        (D(2026, 1, 1), 3, 3, (D(2026, 10, 1), D(2026, 12, 31))),
        (D(2026, 1, 1), 3, 4, (D(2027, 1, 1), D(2027, 3, 31))),
        (D(2026, 1, 1), 6, 1, (D(2026, 7, 1), D(2026, 12, 31))),
        (D(2025, 7, 1), 6, 1, (D(2026, 1, 1), D(2026, 6, 30))),
        (D(2026, 1, 1), 12, 0, (D(2026, 1, 1), D(2026, 12, 31))),
        (D(2025, 4, 1), 12, 1, (D(2026, 4, 1), D(2027, 3, 31))),  # a fiscal year
        (D(2026, 1, 15), 3, 0, (D(2026, 1, 15), D(2026, 4, 14))),  # mid-month
        (D(2026, 1, 15), 3, 1, (D(2026, 4, 15), D(2026, 7, 14))),
    ],
)
def test_periods_are_counted_from_the_first_start(first, frequency, index, expected):
    assert period(first, frequency, index) == expected


def test_month_ends_stay_month_ends():
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2028, 1, 31), 1) == D(2028, 2, 29)
    assert add_months(D(2026, 11, 30), 3) == D(2027, 2, 28)
    # Counted from the first start, a schedule from 31 January does not drift to the 28th after February.
    assert period(D(2025, 11, 30), 3, 0) == (D(2025, 11, 30), D(2026, 2, 27))
    assert period(D(2025, 11, 30), 3, 1) == (D(2026, 2, 28), D(2026, 5, 29))
    assert period(D(2025, 11, 30), 3, 2) == (D(2026, 5, 30), D(2026, 8, 29))
    assert period(D(2026, 1, 31), 1, 2) == (D(2026, 3, 31), D(2026, 4, 29))


def test_the_latest_ended_period_and_the_current_one():
    first = D(2026, 1, 1)
    assert latest_ended(first, 3, D(2025, 12, 1)) is None  # not started
    assert latest_ended(first, 3, D(2026, 3, 31)) is None  # the first ends today: not over yet
    assert latest_ended(first, 3, D(2026, 4, 1)) == (D(2026, 1, 1), D(2026, 3, 31))
    assert latest_ended(first, 3, D(2026, 11, 30)) == (D(2026, 7, 1), D(2026, 9, 30))
    assert latest_ended(first, 12, D(2029, 2, 1)) == (D(2028, 1, 1), D(2028, 12, 31))
    assert current(first, 3, D(2025, 6, 1)) == (D(2026, 1, 1), D(2026, 3, 31))
    assert current(first, 3, D(2026, 11, 30)) == (D(2026, 10, 1), D(2026, 12, 31))
    assert current(D(2026, 1, 15), 3, D(2026, 4, 14)) == (D(2026, 1, 15), D(2026, 4, 14))
    assert current(D(2026, 1, 15), 3, D(2026, 4, 15)) == (D(2026, 4, 15), D(2026, 7, 14))


# Making the drafts ----------------------------------------------------------------------------------------------


def _schedule(partnership, **kwargs):
    fields = {"frequency": 3, "first_period_start": D(2026, 1, 1), "donor": True, "public": True, "active": True}
    return ReportSchedule.objects.create(partnership=partnership, **{**fields, **kwargs})


def _make(schedule, today, queued=None):
    queue = queued.append if queued is not None else (lambda pk: None)
    return schedules.scheduled_reports_make(schedule_id=schedule.pk, queue=queue, today=today)


@pytest.mark.django_db
def test_at_a_period_end_drafts_are_made_and_the_secretariat_is_told(
    partnership, secretariat, partner, donor, django_capture_on_commit_callbacks
):
    schedule = _schedule(partnership)
    queued = []
    with django_capture_on_commit_callbacks(execute=True):
        made = _make(schedule, D(2026, 7, 1), queued)

    assert sorted((r.kind, r.period_start, r.period_end) for r in made) == [
        (ReportKind.DONOR, D(2026, 4, 1), D(2026, 6, 30)),
        (ReportKind.PUBLIC, D(2026, 4, 1), D(2026, 6, 30)),
    ]
    for report in made:
        assert (report.trigger, report.requested_by, report.status) == (ReportTrigger.SCHEDULE, None, "queued")
        assert report.language == partnership.language
        assert report.released_at is None and report.published_at is None  # drafts
    assert sorted(queued) == sorted(r.pk for r in made)  # handed to a worker once committed
    schedule.refresh_from_db()
    assert schedule.last_period_end == D(2026, 6, 30)

    told = Notification.objects.get()
    assert told.recipient == secretariat  # neither the partner nor the donor
    assert "2026-04-01 – 2026-06-30" in told.subject and partnership.name in told.subject
    assert "Donor report, Public report" in told.body
    assert told.link.startswith(f"/partnerships/{partnership.pk}/reports/")


@pytest.mark.django_db
def test_running_twice_the_same_day_makes_one_set(partnership, secretariat):
    schedule = _schedule(partnership)
    assert len(_make(schedule, D(2026, 7, 1))) == 2
    assert _make(schedule, D(2026, 7, 1)) == []
    assert _make(schedule, D(2026, 9, 30)) == []  # the next period has not ended yet
    assert Report.objects.count() == 2 and Notification.objects.count() == 1
    assert len(_make(schedule, D(2026, 10, 1))) == 2  # it has now
    assert Report.objects.filter(period_end=D(2026, 9, 30)).count() == 2


@pytest.mark.django_db
def test_an_inactive_schedule_one_whose_first_period_runs_or_an_archived_partnerships_makes_nothing(
    partnership, secretariat
):
    assert _make(_schedule(partnership, active=False), D(2026, 7, 1)) == []
    ReportSchedule.objects.all().delete()
    assert _make(_schedule(partnership, first_period_start=D(2026, 5, 1)), D(2026, 7, 1)) == []
    ReportSchedule.objects.all().delete()
    partnership.archived_at = timezone.now()
    partnership.save(update_fields=["archived_at"])
    assert _make(_schedule(partnership), D(2026, 7, 1)) == []  # an archived partnership is read-only
    assert not Report.objects.exists() and not Notification.objects.exists()


@pytest.mark.django_db
def test_after_a_pause_only_the_latest_ended_period_gets_drafts(partnership, secretariat):
    schedule = _schedule(partnership, public=False, last_period_end=D(2025, 12, 31))
    made = _make(schedule, D(2026, 11, 2))  # Q1, Q2 and Q3 ended meanwhile
    assert [(r.kind, r.period_start, r.period_end) for r in made] == [(ReportKind.DONOR, D(2026, 7, 1), D(2026, 9, 30))]


@pytest.mark.django_db
def test_the_daily_task_makes_the_drafts_of_every_due_schedule_once(
    partnership, secretariat, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    first = add_months(today, -3)
    _schedule(partnership, first_period_start=first, public=False)  # its first period has just ended
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert tasks.make_scheduled_reports() == 1
    assert len(callbacks) == 2  # the job queued, the e-mail sent
    assert tasks.make_scheduled_reports() == 0
    report = Report.objects.get()
    assert (report.kind, report.period_start, report.status) == (ReportKind.DONOR, first, "queued")
    assert report.period_end == latest_ended(first, 3, today)[1] < today


@pytest.mark.django_db
def test_the_task_is_on_the_beat_and_runs_from_cron(partnership, secretariat):
    assert settings.CELERY_BEAT_SCHEDULE["make-scheduled-reports"]["task"] == "monitoring.tasks.make_scheduled_reports"
    _schedule(partnership, first_period_start=add_months(timezone.localdate(), -6), frequency=6, public=False)
    call_command("run_scheduled_jobs", "make-scheduled-reports", stdout=StringIO())
    report = Report.objects.get()
    assert report.trigger == ReportTrigger.SCHEDULE
    assert report.status in (ReportStatus.QUEUED, ReportStatus.DONE, ReportStatus.FAILED)


# Saving a schedule ------------------------------------------------------------------------------------------------


def _save(partnership, by, **kwargs):
    fields = {"frequency": 3, "first_period_start": D(2026, 1, 1), "donor": True, "public": False, "active": True}
    return schedules.schedule_save(partnership=partnership, by=by, **{**fields, **kwargs})


@pytest.mark.django_db
def test_the_secretariat_sets_and_changes_the_schedule(partnership, secretariat):
    first = _save(partnership, secretariat)
    again = _save(partnership, secretariat, frequency=12, public=True)
    assert first.pk == again.pk and ReportSchedule.objects.count() == 1
    assert (again.frequency, again.donor, again.public) == (12, True, True)


@pytest.mark.django_db
def test_a_schedule_needs_a_kind_and_the_secretariat(partnership, secretariat, partner):
    with pytest.raises(ValidationError) as refused:
        _save(partnership, secretariat, donor=False, public=False)
    assert "Choose at least one kind of report" in str(refused.value)
    assert _save(partnership, secretariat, donor=False, public=False, active=False).active is False
    with pytest.raises(PermissionDenied):
        _save(partnership, partner)


@pytest.mark.django_db
def test_a_new_schedule_starts_with_the_period_under_way(partnership, secretariat):
    schedule = _save(partnership, secretariat, today=D(2026, 11, 30))  # quarters from 1 January: Q3 is over
    assert schedule.last_period_end == D(2026, 9, 30)
    assert _make(schedule, D(2026, 11, 30)) == []  # no drafts for the quarters before it was set
    assert [r.period_end for r in _make(schedule, D(2027, 1, 1))] == [D(2026, 12, 31)]


@pytest.mark.django_db
def test_switched_off_and_on_again_it_starts_with_the_period_under_way(partnership, secretariat):
    schedule = _save(partnership, secretariat, today=D(2026, 2, 1))
    assert schedule.last_period_end is None  # the first quarter is under way
    _save(partnership, secretariat, active=False, today=D(2026, 5, 1))
    again = _save(partnership, secretariat, today=D(2026, 8, 1))
    assert again.last_period_end == D(2026, 6, 30)
    assert _make(again, D(2026, 8, 1)) == []
