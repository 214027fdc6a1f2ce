"""The daily reminders (inbox.reminders, inbox.services.reminders_send, the send_reminders job): data falling due
and overdue go to who may enter it, overdue milestones to the secretariat and the owner's partners; once per
thing and day however often the job runs, again the next day while still due; each person's choice of channel
honoured (at once, daily digest, in the app only); in the recipient's language, with one link."""

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from governance.models import MilestoneStatus, RoadmapVersion
from inbox import services, tasks
from inbox.reminders import due_reminders
from monitoring.models import Actual
from msp import profiles
from msp import tasks as msp_tasks
from msp.notices import Channel, Notice, NoticeKind, NoticePreference
from msp.outbox import Notification
from stakeholders.models import Organisation
from tests.governance.factories import MilestoneFactory, member
from tests.monitoring import factories as f

TODAY = dt.date(2026, 5, 20)
DUE_DAYS = 30  # MONITORING_DATA_DUE_DAYS


@pytest.fixture(autouse=True)
def days(settings):
    settings.MONITORING_DATA_DUE_DAYS = DUE_DAYS
    settings.REMINDER_DATA_DUE_DAYS = 7


@pytest.fixture
def w(partnership, secretariat):
    kofi = member(partnership, "kofi", org_name="Ghana Cocoa Board")
    awa = member(partnership, "awa", org_name="Kavokiva")
    board = Organisation.objects.get(name="Ghana Cocoa Board")
    indicator = f.IndicatorFactory(partnership=partnership, name="Farmers trained", responsible=board)
    # Falls due in 3 days (ended 27 days ago); the other one is overdue (ended 40 days ago).
    soon = f.PeriodFactory(indicator=indicator, start=TODAY - dt.timedelta(days=57), end=TODAY - dt.timedelta(days=27))
    late = f.PeriodFactory(indicator=indicator, start=TODAY - dt.timedelta(days=90), end=TODAY - dt.timedelta(days=58))
    return {"kofi": kofi, "awa": awa, "board": board, "indicator": indicator, "soon": soon, "late": late}


def run(today=TODAY, *, capture):
    with capture(execute=True):
        return services.reminders_send(today=today)


def notices_of(user, kind=None):
    rows = Notice.objects.filter(recipient=user)
    return list(rows.filter(kind=kind) if kind else rows)


def test_data_falling_due_reminds_the_responsible_partner_once_when_the_job_runs_twice(
    w, partnership, django_capture_on_commit_callbacks
):
    run(capture=django_capture_on_commit_callbacks)
    run(capture=django_capture_on_commit_callbacks)
    keys = sorted(n.key for n in notices_of(w["kofi"], NoticeKind.DATA_DUE))
    assert keys == [f"data_due:{partnership.pk}", f"data_overdue:{partnership.pk}"]
    assert not notices_of(w["awa"])  # another organisation's indicator
    subjects = sorted(m.subject for m in mail.outbox if m.to == [w["kofi"].email])
    assert subjects == [
        "1 indicator value falls due within 7 days: Cocoa Partnership",
        "1 indicator value is overdue: Cocoa Partnership",
    ]


def test_the_next_day_it_reminds_again_while_the_data_is_still_due(w, django_capture_on_commit_callbacks):
    run(capture=django_capture_on_commit_callbacks)
    run(TODAY + dt.timedelta(days=1), capture=django_capture_on_commit_callbacks)
    days = sorted(n.day for n in notices_of(w["kofi"]) if n.key.startswith("data_due:"))
    assert days == [TODAY, TODAY + dt.timedelta(days=1)]


def test_data_entered_locked_or_not_due_yet_is_not_reminded(w, django_capture_on_commit_callbacks):
    Actual.objects.create(period=w["soon"], value=Decimal(10), measured_on=TODAY)
    w["late"].locked_at = timezone.now()
    w["late"].save()
    f.PeriodFactory(indicator=w["indicator"], start=TODAY - dt.timedelta(days=10), end=TODAY + dt.timedelta(days=20))
    run(capture=django_capture_on_commit_callbacks)
    assert not notices_of(w["kofi"])
    assert not mail.outbox


def test_the_secretariat_hears_only_of_overdue_data(w, partnership, secretariat, django_capture_on_commit_callbacks):
    run(capture=django_capture_on_commit_callbacks)
    assert [n.key for n in notices_of(secretariat, NoticeKind.DATA_DUE)] == [f"data_overdue:{partnership.pk}"]


def test_an_archived_partnership_reminds_nobody(w, partnership, django_capture_on_commit_callbacks):
    partnership.archived_at = timezone.now()
    partnership.save()
    assert due_reminders(TODAY) == []


def approve(version):
    """Milestones are added to a draft; the version is then agreed (here without the review, not what is tested)."""
    RoadmapVersion.objects.filter(pk=version.pk).update(status=RoadmapVersion.Status.APPROVED)


def test_an_overdue_milestone_reminds_the_secretariat_and_the_owners_partners(
    w, partnership, secretariat, django_capture_on_commit_callbacks
):
    version = RoadmapVersion.objects.get(partnership=partnership)  # the draft the indicator's node is on
    late = MilestoneFactory(
        version=version, title="Nursery built", due_on=TODAY - dt.timedelta(days=1), owner=w["board"]
    )
    MilestoneFactory(version=version, title="Done", due_on=TODAY - dt.timedelta(days=9), status=MilestoneStatus.DONE)
    MilestoneFactory(version=version, title="Later", due_on=TODAY + dt.timedelta(days=9))
    approve(version)
    draft = RoadmapVersion.objects.create(partnership=partnership, number=10)
    MilestoneFactory(version=draft, title="In a draft", due_on=TODAY - dt.timedelta(days=9))
    run(capture=django_capture_on_commit_callbacks)
    run(capture=django_capture_on_commit_callbacks)
    told = Notice.objects.filter(kind=NoticeKind.MILESTONE_OVERDUE)
    assert sorted(n.recipient.username for n in told) == ["kofi", "sara"]
    assert {n.key for n in told} == {f"milestone:{late.pk}"}
    assert {n.link for n in told} == {reverse("governance:roadmap", args=[partnership.pk])}
    assert (
        sorted(m.subject for m in mail.outbox if "Milestone" in m.subject) == ["Milestone overdue: Nursery built"] * 2
    )


def test_in_the_app_only_means_a_notice_and_no_e_mail(w, django_capture_on_commit_callbacks):
    NoticePreference.objects.create(user=w["kofi"], kind=NoticeKind.DATA_DUE, channel=Channel.APP)
    run(capture=django_capture_on_commit_callbacks)
    assert len(notices_of(w["kofi"])) == 2
    assert not [m for m in mail.outbox if m.to == [w["kofi"].email]]
    assert not Notification.objects.filter(email=w["kofi"].email).exists()


def test_the_daily_digest_gathers_the_reminders_in_one_e_mail(w, django_capture_on_commit_callbacks):
    NoticePreference.objects.create(user=w["kofi"], kind=NoticeKind.DATA_DUE, channel=Channel.DAILY)
    run(capture=django_capture_on_commit_callbacks)
    run(capture=django_capture_on_commit_callbacks)
    assert not [m for m in mail.outbox if m.to == [w["kofi"].email]]  # waits for the digest
    mail.outbox.clear()
    assert msp_tasks.send_daily_digests.apply().get() == 1
    [digest] = mail.outbox
    assert digest.to == [w["kofi"].email]
    assert "falls due within 7 days" in digest.body and "is overdue" in digest.body


def test_the_e_mail_is_in_the_recipients_language_with_one_link(w, partnership, django_capture_on_commit_callbacks):
    profiles.user_language_set(user=w["kofi"], language="fr")
    run(capture=django_capture_on_commit_callbacks)
    [due] = [m for m in mail.outbox if "7" in m.subject]
    assert due.subject == "1 valeur d’indicateur arrive à échéance dans les 7 jours : Cocoa Partnership"
    link = reverse("monitoring:data_entry", args=[partnership.pk])
    assert due.body.count("http") == 1 and link in due.body


def test_the_job_is_on_the_beat_schedule_and_runs_from_the_command(w, settings):
    assert settings.CELERY_BEAT_SCHEDULE["send-reminders"]["task"] == "inbox.tasks.send_reminders"
    out = StringIO()
    call_command("run_scheduled_jobs", "send-reminders", stdout=out)
    assert "send-reminders: done" in out.getvalue()
    assert Notice.objects.filter(recipient=w["kofi"]).count() == 1  # today, both periods are long overdue
    assert tasks.send_reminders.apply().get() == 0  # the same day again: nothing new
