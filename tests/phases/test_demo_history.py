"""The demo's phase histories are written once every app has loaded its part, so each past transition stores the
stakeholder map as the demo has it."""

from django.core.management import call_command

from phases.models import PhaseTransition
from stakeholders.models import StakeholderMapEntry


def test_the_demos_past_transitions_store_the_stakeholder_map(db, shared_demo):
    transitions = list(PhaseTransition.objects.select_related("partnership"))
    assert len(transitions) == 5
    for transition in transitions:
        stored = transition.snapshots["stakeholder_map"]
        entries = StakeholderMapEntry.objects.filter(partnership=transition.partnership)
        assert len(stored) == entries.count() > 0
        assert {row["organisation"] for row in stored} == set(entries.values_list("organisation", flat=True))
    cocoa = transitions[0].partnership
    assert cocoa.phase == 3

    call_command("demo", quiet_logins=True)
    assert PhaseTransition.objects.count() == 5
