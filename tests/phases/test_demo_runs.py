"""The demo ends with a checklist run for every demo partnership, and for cocoa a judgement between two runs, so the
checklist, its runs and "what changed since the previous run" show real results; loading it twice adds nothing."""

from django.core.management import call_command

from msp.models import Partnership
from phases import runs
from phases.catalogue import Result
from phases.models import ChecklistRun, EvaluationRequest, Judgement, RequestStatus


def test_the_demo_evaluates_every_partnership_and_cocoa_shows_a_change(db, shared_demo):
    partnerships = list(Partnership.objects.all())
    assert len(partnerships) == 3
    for partnership in partnerships:
        run = runs.latest_run(partnership)
        assert run is not None and run.phase == partnership.phase
        assert run.items.count() > 0 and run.overall is not None
    assert not EvaluationRequest.objects.exclude(status=RequestStatus.DONE).exists()

    cocoa = Partnership.objects.get(name__icontains="cocoa")
    judgement = Judgement.objects.get(partnership=cocoa)
    assert (judgement.item_id, judgement.result, judgement.by.username) == ("CM-6", Result.PASS, "amina")
    assert judgement.note
    latest = runs.latest_run(cocoa)
    changed = runs.changes(latest, runs.previous_run(latest))
    assert [(item.id, after) for item, _before, after in changed] == [("CM-6", Result.PASS)]
    assert latest.items.get(item_id="CM-6").judgement_note == judgement.note

    call_command("demo", quiet_logins=True)
    assert ChecklistRun.objects.count() == 4
    assert Judgement.objects.count() == 1
