"""The evaluation as Celery jobs: the task, its retry on a transient database error, the nightly schedule (celery
beat, and run_scheduled_jobs / evaluate_checklists without beat), and a real worker on Redis."""

import datetime as dt
import time
from io import StringIO

import pytest
from celery.exceptions import Retry
from celery.schedules import crontab
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import OperationalError
from django.utils import timezone

from msp.celery import app
from phases import tasks
from phases.catalogue import ITEMS, Result
from phases.checks import Finding
from phases.evaluation import queued_request
from phases.models import ChecklistRun, EvaluationRequest, RequestStatus, Trigger
from phases.services import evaluation_request
from tests.brokers import thread_worker
from tests.factories import PartnershipFactory

from .evaluation_support import only_these_rules


@pytest.fixture
def rules():
    with only_these_rules() as registry:
        yield registry


def test_the_task_runs_a_request_and_says_which_run(partnership, rules):
    request, _created = queued_request(partnership=partnership, trigger=Trigger.MANUAL)
    run_id = tasks.evaluate_partnership.apply(args=[request.pk]).get()
    assert ChecklistRun.objects.get(pk=run_id).request == request
    assert tasks.evaluate_partnership.apply(args=[request.pk]).get() is None  # duplicated: nothing more


def test_a_task_that_fails_leaves_the_request_failed_with_the_error(partnership, rules):
    @rules.rule("CS-1")
    def broken(facts, params):
        raise ValueError("no such field")

    request, _created = queued_request(partnership=partnership, trigger=Trigger.MANUAL)
    result = tasks.evaluate_partnership.apply(args=[request.pk])
    assert result.failed()
    request.refresh_from_db()
    assert (request.status, request.error) == (RequestStatus.FAILED, "ValueError: no such field")


def test_a_transient_database_error_is_retried(partnership, rules, monkeypatch):
    calls = []

    @rules.rule("CS-1")
    def database_away(facts, params):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return Finding(Result.PASS)

    retried = []
    monkeypatch.setattr(tasks.evaluate_partnership, "apply_async", lambda *a, **kw: retried.append((a, kw)))
    request, _created = queued_request(partnership=partnership, trigger=Trigger.EVENT)
    tasks.evaluate_partnership.push_request(id="t-1", retries=0, is_eager=False, called_directly=False)
    try:
        with pytest.raises(Retry):
            tasks.evaluate_partnership.run(request.pk)
    finally:
        tasks.evaluate_partnership.pop_request()
    request.refresh_from_db()
    assert request.status == RequestStatus.FAILED
    assert len(retried) == 1  # sent again, later

    assert tasks.evaluate_partnership.apply(args=[request.pk], retries=1).get() is not None  # the retry
    request.refresh_from_db()
    assert request.status == RequestStatus.DONE


def test_the_sweep_runs_requests_whose_task_was_lost(partnership, outsider, rules, django_capture_on_commit_callbacks):
    dropped, _created = queued_request(partnership=partnership, trigger=Trigger.EVENT)
    EvaluationRequest.objects.filter(pk=dropped.pk).update(requested_at=timezone.now() - dt.timedelta(minutes=10))
    elsewhere = outsider.partnership_roles.get().partnership
    waiting, _created = queued_request(partnership=elsewhere, trigger=Trigger.EVENT)  # its task is on its way

    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.queue_dropped_evaluations.apply().get() == 1

    assert ChecklistRun.objects.get().request == dropped
    waiting.refresh_from_db()
    assert waiting.status == RequestStatus.QUEUED


def test_the_sweep_runs_a_request_whose_worker_died(partnership, rules):
    request, _created = queued_request(partnership=partnership, trigger=Trigger.EVENT)
    EvaluationRequest.objects.filter(pk=request.pk).update(
        status=RequestStatus.RUNNING, started_at=timezone.now() - dt.timedelta(hours=1)
    )
    assert tasks.queue_dropped_evaluations.apply().get() == 1
    request.refresh_from_db()
    assert request.status == RequestStatus.DONE


def test_the_nightly_evaluation_is_in_the_beat_schedule():
    entry = settings.CELERY_BEAT_SCHEDULE["evaluate-checklists"]
    assert entry["task"] == "phases.tasks.evaluate_all_active"
    assert entry["task"] in app.tasks
    assert entry["schedule"] == crontab(hour=2, minute=30)
    sweep = settings.CELERY_BEAT_SCHEDULE["queue-dropped-evaluations"]
    assert sweep["task"] in app.tasks


def test_run_scheduled_jobs_runs_the_nightly_evaluation(partnership, rules, django_capture_on_commit_callbacks):
    archived = PartnershipFactory(name="Closed", archived_at=timezone.now())
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_scheduled_jobs", "evaluate-checklists", stdout=out)
    assert "evaluate-checklists: done" in out.getvalue()
    [run] = ChecklistRun.objects.all()
    assert (run.partnership, run.trigger) == (partnership, Trigger.NIGHTLY)
    assert not EvaluationRequest.objects.filter(partnership=archived).exists()


def test_evaluate_checklists_evaluates_every_active_partnership_in_process(partnership, outsider, rules):
    @rules.rule("CS-1")
    def problem(facts, params):
        return Finding(Result.PASS)

    PartnershipFactory(name="Closed", archived_at=timezone.now())
    out = StringIO()
    call_command("evaluate_checklists", stdout=out)
    assert f"Cocoa Partnership (#{partnership.pk}): done, health 100%" in out.getvalue()
    assert "Somebody else's partnership" in out.getvalue()
    assert "Closed" not in out.getvalue()
    assert ChecklistRun.objects.count() == 2
    assert set(ChecklistRun.objects.values_list("trigger", flat=True)) == {Trigger.NIGHTLY}


def test_evaluate_checklists_for_one_partnership(partnership, outsider, rules):
    out = StringIO()
    call_command("evaluate_checklists", "--partnership", str(partnership.pk), stdout=out)
    assert "no item counts yet" in out.getvalue()
    [run] = ChecklistRun.objects.all()
    assert (run.partnership, run.trigger) == (partnership, Trigger.MANUAL)
    with pytest.raises(CommandError, match="There is no partnership 999999"):
        call_command("evaluate_checklists", "--partnership", "999999")


def test_evaluate_checklists_reports_a_failure(partnership, rules):
    @rules.rule("CS-1")
    def broken(facts, params):
        raise ValueError("no such field")

    err = StringIO()
    with pytest.raises(CommandError, match="1 evaluation"):
        call_command("evaluate_checklists", stderr=err, stdout=StringIO())
    assert "no such field" in err.getvalue()


@pytest.fixture
def redis_worker():
    """A real Celery worker (in a thread) consuming from the real Redis, on a queue of its own."""
    with thread_worker():
        yield


@pytest.mark.django_db(transaction=True)
def test_a_worker_on_redis_evaluates_a_partnership(reference_data, redis_worker):
    partnership = PartnershipFactory(name="Water Partnership")

    request = evaluation_request(partnership=partnership, trigger=Trigger.MANUAL)  # commits: queued to Redis

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        request.refresh_from_db()
        if request.status in (RequestStatus.DONE, RequestStatus.FAILED):
            break
        time.sleep(0.1)
    assert (request.status, request.error) == (RequestStatus.DONE, "")
    run = ChecklistRun.objects.get(request=request)
    assert run.partnership == partnership
    assert run.items.count() == len(ITEMS)
