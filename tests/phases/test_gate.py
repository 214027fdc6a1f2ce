"""The gate on moving forward (phases.gate through phases.services.phase_transition): each phase's hard items refuse
the move until they pass or the secretariat overrides them with a written justification; soft items warn until
acknowledged; a "warn" never blocks; going back has no gate. What the gate said is stored on the transition and the
overrides are announced to every partner. The rules are fakes (tests/gates.py), so results are what the test says."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from msp.models import BackwardReason, Partnership
from phases import snapshots
from phases.catalogue import HARD, SOFT, Result, gate_items
from phases.models import PhaseTransition
from phases.services import phase_transition
from tests.factories import OrganisationFactory
from tests.stakeholders.factories import MapEntryFactory

pytestmark = pytest.mark.django_db

HARD_ITEMS = [(phase, item.id) for phase in (1, 2, 3) for item, strength in gate_items(phase) if strength == HARD]


def in_phase(partnership, phase):
    Partnership.objects.filter(pk=partnership.pk).update(phase=phase)
    partnership.refresh_from_db()
    return partnership


def move(partnership, to, by, **kwargs):
    return phase_transition(partnership=partnership, to=to, by=by, **kwargs)


def refusal(exc):
    return " ".join(exc.value.messages)


@pytest.mark.parametrize("phase,item_id", HARD_ITEMS)
def test_each_phases_gate_refuses_a_failing_hard_item_and_passes_when_fixed(
    phase, item_id, partnership, secretariat, gate_rules
):
    in_phase(partnership, phase)
    gate_rules.say(item_id, Result.FAIL, "Nothing recorded yet.")
    with pytest.raises(ValidationError) as exc:
        move(partnership, phase + 1, secretariat)
    assert f"The gate of phase {phase} is not passed yet" in refusal(exc)
    assert f"{item_id} " in refusal(exc) and "give a written justification" in refusal(exc)
    assert Partnership.objects.get(pk=partnership.pk).phase == phase
    assert not PhaseTransition.objects.exists()

    gate_rules.say(item_id, Result.PASS, "Recorded.")
    transition = move(partnership, phase + 1, secretariat)
    assert Partnership.objects.get(pk=partnership.pk).phase == phase + 1
    stored = {row["id"]: row for row in transition.gate_snapshot["items"]}
    assert stored[item_id] == {
        "id": item_id,
        "gate": HARD,
        "result": Result.PASS,
        "evidence": "Recorded.",
        "justification": "",
        "acknowledgement": "",
    }
    assert transition.override_justification == ""


def test_an_item_that_still_needs_confirmation_blocks_like_a_failure(partnership, secretariat, gate_rules):
    gate_rules.say("CS-2", Result.CONFIRM, "")
    with pytest.raises(ValidationError, match="CS-2 Core group formed does not pass \\(Needs confirmation\\)"):
        move(partnership, 2, secretariat)


def test_a_warning_never_blocks(partnership, secretariat, gate_rules):
    gate_rules.say("CS-2", Result.WARN, "Only two sectors.")
    transition = move(partnership, 2, secretariat)
    assert transition.to_phase == 2
    assert transition.override_justification == ""


def test_the_refusal_lists_everything_missing(partnership, secretariat, gate_rules):
    gate_rules.say("CS-1", Result.FAIL)
    gate_rules.say("CX-1", Result.FAIL)
    with pytest.raises(ValidationError) as exc:
        move(partnership, 2, secretariat, justifications={"CS-1": "   "})
    assert exc.value.messages == [
        "The gate of phase 1 is not passed yet:",
        "CS-1 Problem and approach outlined does not pass (Fail): give a written justification to override it.",
        "CX-1 Context analysed, other initiatives known does not pass (Fail): give a written justification to "
        "override it.",
    ]


@pytest.mark.parametrize("item_id", [item.id for item, strength in gate_items(2) if strength == SOFT])
def test_a_soft_item_warns_and_the_move_goes_ahead_once_acknowledged(item_id, partnership, secretariat, gate_rules):
    assert item_id in ("SR-5", "PM-5")
    in_phase(partnership, 2)
    gate_rules.say(item_id, Result.FAIL, "Not there yet.")
    with pytest.raises(ValidationError) as exc:
        move(partnership, 3, secretariat)
    assert f"{item_id} " in refusal(exc) and "acknowledge the warning with a short note" in refusal(exc)
    assert Partnership.objects.get(pk=partnership.pk).phase == 2

    transition = move(partnership, 3, secretariat, acknowledgements={item_id: "Second funder signs in March."})
    assert Partnership.objects.get(pk=partnership.pk).phase == 3
    stored = {row["id"]: row for row in transition.gate_snapshot["items"]}
    assert stored[item_id]["gate"] == SOFT
    assert stored[item_id]["acknowledgement"] == "Second funder signs in March."
    assert stored[item_id]["justification"] == ""
    assert f"{item_id}" in transition.override_justification
    assert "warning acknowledged: Second funder signs in March." in transition.override_justification


def test_an_override_is_recorded_and_announced_to_every_partner(
    partnership, secretariat, partner, donor, gate_rules, django_capture_on_commit_callbacks
):
    gate_rules.say("CM-4", Result.FAIL, "No informal meeting recorded.", [("Meetings", "/meetings/")])
    with django_capture_on_commit_callbacks(execute=True):
        transition = move(
            partnership,
            2,
            secretariat,
            justifications={"CM-4": "We met at the fair; minutes follow.", "CS-1": "Passing items ignore this."},
        )
    snapshot = transition.gate_snapshot
    assert snapshot["leaving"] == 1
    assert [row["id"] for row in snapshot["items"]] == [item.id for item, _ in gate_items(1)]
    cm4 = next(row for row in snapshot["items"] if row["id"] == "CM-4")
    assert cm4 == {
        "id": "CM-4",
        "gate": HARD,
        "result": Result.FAIL,
        "evidence": "No informal meeting recorded.",
        "justification": "We met at the fair; minutes follow.",
        "acknowledgement": "",
    }
    assert next(row for row in snapshot["items"] if row["id"] == "CS-1")["justification"] == ""
    assert transition.override_justification == (
        "CM-4 Informal exchange and relationships overridden: We met at the fair; minutes follow."
    )
    assert sorted(m.to[0] for m in mail.outbox) == sorted([secretariat.email, partner.email, donor.email])
    for message in mail.outbox:
        assert "overrides and acknowledged warnings" in message.body
        assert (
            "CM-4 Informal exchange and relationships overridden: We met at the fair; minutes follow." in message.body
        )


def test_going_back_has_no_gate(partnership, secretariat, gate_rules):
    in_phase(partnership, 3)
    for item, _strength in gate_items(3) + gate_items(2) + gate_items(1):
        gate_rules.say(item.id, Result.FAIL)
    transition = move(partnership, 2, secretariat, reason=BackwardReason.CONDITIONS_CHANGED, note="Funding cut.")
    assert Partnership.objects.get(pk=partnership.pk).phase == 2
    assert transition.gate_snapshot is None and transition.override_justification == ""


def test_the_last_phase_has_no_gate_items_to_leave():
    assert gate_items(4) == []


def test_each_transition_stores_the_registered_snapshots(partnership, secretariat, gate_rules, monkeypatch):
    monkeypatch.setitem(snapshots.SNAPSHOTS, "sample", lambda p: {"phase": p.phase})
    transition = move(partnership, 2, secretariat)
    assert transition.snapshots["sample"] == {"phase": 1}


def test_the_stakeholder_map_is_stored_as_it_stood(partnership, secretariat, gate_rules):
    regulator = OrganisationFactory(name="Cocoa Board")
    MapEntryFactory(
        partnership=partnership,
        organisation=regulator,
        power=5,
        interest=4,
        influence=5,
        engagement="consulted",
        is_key=True,
    )
    transition = move(partnership, 2, secretariat)
    assert transition.snapshots["stakeholder_map"] == [
        {
            "organisation": regulator.pk,
            "name": "Cocoa Board",
            "power": 5,
            "interest": 4,
            "influence": 5,
            "engagement": "consulted",
            "target_group": False,
            "key": True,
            "champion": False,
        }
    ]
    back = move(partnership, 1, secretariat, reason=BackwardReason.OTHER, note="Start again.")
    assert back.snapshots["stakeholder_map"][0]["name"] == "Cocoa Board"
