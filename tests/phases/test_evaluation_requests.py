"""Asking for an evaluation: one queued request per partnership, so a burst of edits runs one evaluation; the events
that ask (a phase transition, an MoU signature, coming into force, termination); who may ask."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from governance import services as governance
from msp.models import Role
from phases import tasks
from phases.gate import run_gate
from phases.models import ChecklistRun, EvaluationRequest, RequestStatus, Trigger
from phases.services import after_change, evaluation_request, phase_transition
from tests.factories import RoleFactory, UserFactory
from tests.governance.factories import member, mou_draft, sign

from .evaluation_support import only_these_rules


@pytest.fixture(autouse=True)
def rules():
    with only_these_rules() as registry:
        yield registry


def test_a_burst_of_ten_edits_runs_one_evaluation(partnership, monkeypatch, django_capture_on_commit_callbacks):
    """With a broker, each edit commits on its own: the first queues a task that starts a few seconds later, the
    next ones find its request still waiting."""
    sent = []
    monkeypatch.setattr(
        tasks.evaluate_partnership, "apply_async", lambda args, countdown=None: sent.append((args, countdown))
    )
    for _ in range(10):
        with django_capture_on_commit_callbacks(execute=True):
            after_change(partnership)

    assert EvaluationRequest.objects.filter(partnership=partnership, status=RequestStatus.QUEUED).count() == 1
    assert len(sent) == 1
    for args, _countdown in sent:  # the worker, when the countdown is over
        tasks.evaluate_partnership.apply(args=args)
    assert ChecklistRun.objects.filter(partnership=partnership).count() == 1
    [request] = EvaluationRequest.objects.filter(partnership=partnership)
    assert (request.status, request.trigger) == (RequestStatus.DONE, Trigger.EVENT)


def test_ten_edits_in_one_transaction_run_one_evaluation(partnership, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        for _ in range(10):
            after_change(partnership)
        assert EvaluationRequest.objects.filter(partnership=partnership, status=RequestStatus.QUEUED).count() == 1

    assert len(callbacks) == 1  # one task queued, run in process (no broker)
    assert ChecklistRun.objects.filter(partnership=partnership).count() == 1


def test_ten_partners_signing_in_a_burst_run_one_evaluation(
    partnership, secretariat, django_capture_on_commit_callbacks
):
    signers = [member(partnership, f"signer{n}") for n in range(10)]
    version = governance.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)

    with django_capture_on_commit_callbacks(execute=True):
        for signer in signers:
            sign(version, signer)

    version.refresh_from_db()
    assert version.status == "in_force"
    [run] = ChecklistRun.objects.filter(partnership=partnership)
    assert run.trigger == Trigger.EVENT


def test_a_change_while_an_evaluation_runs_asks_for_the_next_one(partnership):
    first = after_change(partnership)
    EvaluationRequest.objects.filter(pk=first.pk).update(status=RequestStatus.RUNNING)
    second = after_change(partnership)
    assert second.pk != first.pk
    assert after_change(partnership).pk == second.pk


def test_two_callers_racing_share_one_request(partnership, monkeypatch):
    """The second caller does not see the first's row when it looks, and its insert meets the constraint."""
    from phases import evaluation

    first = after_change(partnership)
    real_filter = EvaluationRequest.objects.filter
    monkeypatch.setattr(evaluation.EvaluationRequest.objects, "filter", lambda *a, **kw: real_filter(*a, **kw).none())
    monkeypatch.setattr(evaluation.EvaluationRequest.objects, "get", lambda **kw: real_filter(**kw).get())
    assert after_change(partnership).pk == first.pk
    monkeypatch.undo()
    assert EvaluationRequest.objects.filter(partnership=partnership).count() == 1


def test_a_change_waits_a_little_and_a_person_asking_does_not(partnership, secretariat, monkeypatch):
    queued = []
    monkeypatch.setattr(
        tasks.evaluate_partnership, "apply_async", lambda args, countdown=None: queued.append((args, countdown))
    )
    monkeypatch.setattr("django.db.transaction.on_commit", lambda function, *a, **kw: function())
    request = after_change(partnership)
    assert queued == [([request.pk], 10)]
    evaluation_request(partnership=partnership, trigger=Trigger.MANUAL, by=secretariat)
    assert queued[-1] == ([request.pk], None)  # the waiting request, queued again at once


def test_a_person_asking_is_recorded(partnership, secretariat, partner):
    request = evaluation_request(partnership=partnership, trigger=Trigger.MANUAL, by=partner)
    assert (request.trigger, request.requested_by) == (Trigger.MANUAL, partner)


def test_outsiders_and_donors_cannot_ask(partnership, outsider, donor):
    with pytest.raises(Http404):
        evaluation_request(partnership=partnership, trigger=Trigger.MANUAL, by=outsider)
    with pytest.raises(PermissionDenied):
        evaluation_request(partnership=partnership, trigger=Trigger.MANUAL, by=donor)
    assert not EvaluationRequest.objects.exists()


def test_a_phase_transition_asks_for_an_evaluation(partnership, secretariat, django_capture_on_commit_callbacks):
    gate = run_gate(partnership)  # phase 1's gate: the secretariat answers every item that does not pass
    justified = {e.item.id: "Agreed at the kick-off." for e in gate if e.blocks}
    acknowledged = {e.item.id: "Noted." for e in gate if not e.passes and not e.blocks}
    with django_capture_on_commit_callbacks(execute=True):
        phase_transition(
            partnership=partnership, to=2, by=secretariat, justifications=justified, acknowledgements=acknowledged
        )
    [run] = ChecklistRun.objects.filter(partnership=partnership)
    assert (run.trigger, run.phase) == (Trigger.EVENT, 2)


def test_a_transition_refused_asks_for_nothing(partnership, secretariat):
    with pytest.raises(Exception):  # noqa: B017 - the refusal itself is tested elsewhere
        phase_transition(partnership=partnership, to=4, by=secretariat)
    assert not EvaluationRequest.objects.exists()


def test_signatures_and_the_mou_coming_into_force_ask_for_an_evaluation(partnership, secretariat):
    acme, river = member(partnership, "acme"), member(partnership, "river")
    version = governance.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    assert not EvaluationRequest.objects.exists()

    sign(version, acme)
    [request] = EvaluationRequest.objects.filter(partnership=partnership, status=RequestStatus.QUEUED)
    assert request.trigger == Trigger.EVENT
    EvaluationRequest.objects.filter(pk=request.pk).update(status=RequestStatus.DONE)

    sign(version, river)  # the last signature: in force
    version.refresh_from_db()
    assert version.status == "in_force"
    assert EvaluationRequest.objects.filter(partnership=partnership, status=RequestStatus.QUEUED).count() == 1


def test_terminating_the_mou_asks_for_an_evaluation(partnership, secretariat):
    acme = member(partnership, "acme")
    version = governance.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    sign(version, acme)
    EvaluationRequest.objects.update(status=RequestStatus.DONE)
    governance.mou_terminate(version=version, by=secretariat, reason="The partnership ended.")
    assert EvaluationRequest.objects.filter(partnership=partnership, status=RequestStatus.QUEUED).count() == 1


def test_the_nightly_job_asks_for_every_partnership_not_archived(
    partnership, outsider, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    from tests.factories import PartnershipFactory

    archived = PartnershipFactory(name="Closed", archived_at=timezone.now())
    waiting = after_change(partnership)  # a change earlier: its request is reused, not doubled

    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.evaluate_all_active.apply().get() == 2

    assert not EvaluationRequest.objects.filter(partnership=archived).exists()
    assert list(EvaluationRequest.objects.filter(partnership=partnership)) == [waiting]
    elsewhere = outsider.partnership_roles.get().partnership
    assert EvaluationRequest.objects.get(partnership=elsewhere).trigger == Trigger.NIGHTLY
    assert ChecklistRun.objects.count() == 2
    assert not ChecklistRun.objects.filter(partnership=archived).exists()


def test_the_nightly_job_asks_for_many_partnerships_in_a_few_queries(partnership, django_assert_max_num_queries):
    from msp.models import Partnership
    from phases.evaluation import queued_requests
    from tests.factories import PartnershipFactory

    others = [PartnershipFactory(name=f"Partnership {n}") for n in range(6)]
    waiting = after_change(partnership)

    with django_assert_max_num_queries(4):
        ids = queued_requests(Partnership.objects.all(), trigger=Trigger.NIGHTLY)

    queued = EvaluationRequest.objects.filter(status=RequestStatus.QUEUED)
    assert sorted(ids) == sorted(queued.values_list("pk", flat=True))
    assert {r.partnership_id for r in queued} == {partnership.pk, *(p.pk for p in others)}
    assert queued.get(partnership=partnership) == waiting  # kept, not doubled
    assert queued_requests(Partnership.objects.all(), trigger=Trigger.NIGHTLY) == ids  # asked again: the same


def test_a_worker_may_run_a_request_of_someone_who_left(partnership, django_capture_on_commit_callbacks):
    leaver = UserFactory(username="leaver")
    RoleFactory(partnership=partnership, user=leaver, role=Role.SECRETARIAT)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        request = evaluation_request(partnership=partnership, trigger=Trigger.MANUAL, by=leaver)
    leaver.delete()
    for callback in callbacks:
        callback()
    request.refresh_from_db()
    assert (request.status, request.requested_by) == (RequestStatus.DONE, None)
