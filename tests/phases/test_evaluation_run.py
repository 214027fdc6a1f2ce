"""An evaluation stores a dated run: every catalogue item's result and evidence, the health per area and overall;
a request is run once, a failure is recorded and may be retried."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from phases.catalogue import ITEMS, Result
from phases.checks import Finding
from phases.evaluation import queued_request
from phases.models import ChecklistRun, EvaluationRequest, Judgement, ParameterOverride, RequestStatus, Trigger
from phases.services import evaluation_run

from .evaluation_support import only_these_rules


@pytest.fixture
def rules():
    with only_these_rules() as registry:
        yield registry


@pytest.fixture
def phase_one_rules(rules):
    """Phase-1 items: CS-1 passes, CS-2 compares the core group (2 organisations) with its `min_core` parameter,
    CM-1 warns, CX-1 passes. Every other item has no rule (needs confirmation) or does not apply in phase 1."""

    @rules.loader("fake")
    def load(partnership, today):
        return {"core": ["Acme Ltd", "River NGO"]}

    @rules.rule("CS-1")
    def problem(facts, params):
        return Finding(Result.PASS, "The problem is stated.", [("Partnership", "/partnerships/1/")])

    @rules.rule("CS-2", needs="fake")
    def core_group(facts, params):
        core = facts.fake["core"]
        result = Result.PASS if len(core) >= params["min_core"] else Result.FAIL
        return Finding(result, f"{len(core)} of {params['min_core']} core organisations: {', '.join(core)}")

    @rules.rule("CM-1")
    def sectors(facts, params):
        return Finding(Result.WARN, "Two sectors of three.")

    @rules.rule("CX-1")
    def context(facts, params):
        return Finding(Result.PASS)

    return rules


def run_now(partnership, trigger=Trigger.MANUAL):
    request, _created = queued_request(partnership=partnership, trigger=trigger)
    return evaluation_run(request.pk)


def results(run):
    return dict(run.items.values_list("item_id", "result"))


def test_a_run_stores_every_item_with_its_result_and_evidence(partnership, phase_one_rules):
    run = run_now(partnership)

    assert run.items.count() == len(ITEMS)
    got = results(run)
    assert got["CS-1"] == Result.PASS
    assert got["CS-2"] == Result.FAIL  # 2 organisations, the installation's default asks for 3
    assert got["CM-1"] == Result.WARN
    assert got["CX-3"] == Result.CONFIRM  # no rule yet
    assert got["CS-3"] == Result.NOT_APPLICABLE  # a phase-2 item
    cs2 = run.items.get(item_id="CS-2")
    assert cs2.evidence == "2 of 3 core organisations: Acme Ltd, River NGO"
    assert run.items.get(item_id="CS-1").links == [["Partnership", "/partnerships/1/"]]
    assert (run.phase, run.trigger, run.partnership) == (1, Trigger.MANUAL, partnership)


def test_the_run_holds_the_health_per_area_and_overall(partnership, phase_one_rules):
    run = run_now(partnership)

    # Counted: CS-1 pass, CS-2 fail, CM-1 warn, CX-1 pass; "needs confirmation" and "not applicable" are left out.
    assert run.health["CS"] == pytest.approx(0.5)  # (1 + 0) / 2
    assert run.health["CM"] == pytest.approx(0.5)  # ½ / 1
    assert run.health["CX"] == pytest.approx(1.0)
    assert run.health["SR"] is None  # nothing counts there in phase 1
    assert run.overall == pytest.approx(0.625)  # (1 + 0 + ½ + 1) / 4
    assert "overall" not in run.health


def test_the_request_is_done_and_linked_to_its_run(partnership, phase_one_rules):
    request, _created = queued_request(partnership=partnership, trigger=Trigger.NIGHTLY)
    run = evaluation_run(request.pk)
    request.refresh_from_db()
    assert request.status == RequestStatus.DONE
    assert request.started_at <= request.finished_at
    assert run.request == request
    assert run.trigger == Trigger.NIGHTLY


def test_a_partnerships_own_threshold_changes_the_result(partnership, phase_one_rules):
    ParameterOverride.objects.create(partnership=partnership, item_id="CS-2", name="min_core", value=Decimal(2))

    run = run_now(partnership)

    assert results(run)["CS-2"] == Result.PASS
    assert run.items.get(item_id="CS-2").evidence.startswith("2 of 2 core organisations")


def test_another_partnerships_threshold_changes_nothing_here(partnership, phase_one_rules, outsider):
    elsewhere = outsider.partnership_roles.get().partnership
    ParameterOverride.objects.create(partnership=elsewhere, item_id="CS-2", name="min_core", value=Decimal(2))
    assert results(run_now(partnership))["CS-2"] == Result.FAIL


def judge(partnership, item_id, result, *, days_ago, note="Seen at the workshop."):
    return Judgement.objects.create(
        partnership=partnership,
        item_id=item_id,
        result=result,
        note=note,
        at=timezone.now() - dt.timedelta(days=days_ago),
    )


def test_a_manual_item_shows_the_newest_judgement(partnership, rules):
    judge(partnership, "CM-6", Result.FAIL, days_ago=40, note="Roles unclear.")
    judge(partnership, "CM-6", Result.PASS, days_ago=10, note="Roles agreed at the retreat.")

    item = run_now(partnership).items.get(item_id="CM-6")

    assert (item.result, item.judgement_note, item.stale) == (Result.PASS, "Roles agreed at the retreat.", False)


def test_a_stale_judgement_needs_confirmation_again(partnership, rules):
    judge(partnership, "CM-6", Result.PASS, days_ago=200, note="Roles agreed at the retreat.")  # CM-6: 6 months

    item = run_now(partnership).items.get(item_id="CM-6")

    assert (item.result, item.stale) == (Result.CONFIRM, True)
    assert item.judgement_note == "Roles agreed at the retreat."


def test_a_judgement_goes_stale_after_the_partnerships_own_age(partnership, rules):
    judge(partnership, "CM-6", Result.PASS, days_ago=100)
    assert results(run_now(partnership))["CM-6"] == Result.PASS
    ParameterOverride.objects.create(partnership=partnership, item_id="CM-6", name="stale_months", value=Decimal(3))
    assert results(run_now(partnership))["CM-6"] == Result.CONFIRM


def test_an_assisted_item_keeps_the_datas_hint(partnership, rules):
    @rules.rule("CS-6")
    def hint(facts, params):
        return Finding(Result.PASS, "Every influential organisation is engaged.")

    item = run_now(partnership).items.get(item_id="CS-6")
    assert (item.result, item.hint, item.evidence) == (
        Result.CONFIRM,
        Result.PASS,
        "Every influential organisation is engaged.",
    )


def test_a_request_is_run_once(partnership, phase_one_rules):
    request, _created = queued_request(partnership=partnership, trigger=Trigger.EVENT)
    assert evaluation_run(request.pk) is not None
    assert evaluation_run(request.pk) is None  # a duplicated or redelivered task
    assert ChecklistRun.objects.filter(partnership=partnership).count() == 1


def test_a_request_another_worker_runs_is_left_to_it(partnership, phase_one_rules):
    request, _created = queued_request(partnership=partnership, trigger=Trigger.EVENT)
    EvaluationRequest.objects.filter(pk=request.pk).update(status=RequestStatus.RUNNING, started_at=timezone.now())
    assert evaluation_run(request.pk) is None
    assert not ChecklistRun.objects.exists()


def test_a_request_whose_worker_died_is_run_again(partnership, phase_one_rules):
    request, _created = queued_request(partnership=partnership, trigger=Trigger.EVENT)
    long_ago = timezone.now() - dt.timedelta(hours=1)
    EvaluationRequest.objects.filter(pk=request.pk).update(status=RequestStatus.RUNNING, started_at=long_ago)
    assert evaluation_run(request.pk) is not None


def test_a_request_that_is_gone_is_nothing_to_run(db):
    assert evaluation_run(123456) is None


def test_a_failure_is_recorded_and_a_retry_succeeds(partnership, rules):
    calls = []

    @rules.rule("CS-1")
    def flaky(facts, params):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("the rule broke")
        return Finding(Result.PASS)

    request, _created = queued_request(partnership=partnership, trigger=Trigger.EVENT)
    with pytest.raises(RuntimeError):
        evaluation_run(request.pk)
    request.refresh_from_db()
    assert request.status == RequestStatus.FAILED
    assert request.error == "RuntimeError: the rule broke"
    assert not ChecklistRun.objects.exists()

    run = evaluation_run(request.pk)  # Celery's retry of the same task

    request.refresh_from_db()
    assert (request.status, request.error) == (RequestStatus.DONE, "")
    assert results(run)["CS-1"] == Result.PASS
    assert ChecklistRun.objects.count() == 1


def test_the_evidence_is_written_in_the_partnerships_working_language(partnership, rules):
    from django.utils.translation import gettext

    @rules.rule("CS-1")
    def words(facts, params):
        return Finding(Result.PASS, gettext("Reason: %s") % "CS-1")

    partnership.language = "fr"
    partnership.save(update_fields=["language"])
    assert (
        run_now(partnership).items.get(item_id="CS-1").evidence == "Motif\u00a0: CS-1"
    )  # French punctuation: a no-break space
