"""The move form shows what the gate says before the move: passing items, failing hard items with their evidence,
links and a justification field each, soft warnings with an acknowledgement field each; a missing answer is refused
with status 400 and what was typed is kept; the phase history shows each transition's gate and its answers."""

import re

import pytest
from django.urls import reverse

from msp.models import Partnership
from phases.catalogue import Result
from phases.models import PhaseTransition

pytestmark = pytest.mark.django_db


def in_phase(partnership, phase):
    Partnership.objects.filter(pk=partnership.pk).update(phase=phase)
    partnership.refresh_from_db()
    return partnership


def history(client, partnership):
    return client.get(reverse("phases:history", args=[partnership.pk]))


def gate_entry(html, item_id):
    """The gate list's entry of `item_id` on the move form."""
    gate = html.split('id="gate"', 1)[1].split('id="id_advance_note"', 1)[0]
    (entry,) = [e for e in gate.split('<li class="border-top py-2">')[1:] if f"<strong>{item_id} " in e]
    return entry


def test_the_move_form_shows_passing_and_failing_items_with_evidence_links_and_a_field_each(
    client, partnership, secretariat, gate_rules
):
    in_phase(partnership, 2)
    gate_rules.say("SR-3", Result.FAIL, "Textile Union holds no seat.", [("Bodies", "/bodies/")])
    gate_rules.say("SR-5", Result.FAIL, "Committed funding covers 80 % of the budget.")
    client.force_login(secretariat)
    html = history(client, partnership).content.decode()
    assert "The gate of phase 2" in html
    passing = gate_entry(html, "CS-3")
    assert "passes" in passing and "<textarea" not in passing and "<input" not in passing
    failing = gate_entry(html, "SR-3")
    assert "blocks the move" in failing
    assert "Textile Union holds no seat." in failing
    assert '<a href="/bodies/">Bodies</a>' in failing
    assert 'name="justify_SR_3"' in failing and "Justification for overriding SR-3" in failing
    soft = gate_entry(html, "SR-5")
    assert "warning" in soft and "Committed funding covers 80 % of the budget." in soft
    assert 'name="acknowledge_SR_5"' in soft and "Acknowledge the warning on SR-5" in soft


def test_a_passing_gate_asks_for_nothing(client, partnership, secretariat, gate_rules):
    client.force_login(secretariat)
    html = history(client, partnership).content.decode()
    assert "The gate of phase 1" in html
    assert "justify_" not in html and "acknowledge_" not in html


def test_a_missing_justification_is_refused_with_what_was_typed_kept(client, partnership, secretariat, gate_rules):
    in_phase(partnership, 2)
    gate_rules.say("SR-3", Result.FAIL, "Textile Union holds no seat.")
    gate_rules.say("PM-2", Result.FAIL, "Two members have no commitment.")
    gate_rules.say("PM-5", Result.FAIL, "The MoU is not signed by every member.")
    client.force_login(secretariat)
    response = client.post(
        reverse("phases:advance", args=[partnership.pk]),
        {
            "to_phase": 3,
            "note": "Roadmap approved.",
            "justify_SR_3": "The union takes its seat at the next assembly.",
            "justify_PM_2": "",
            "acknowledge_PM_5": "Two signatures are on their way.",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Write why the partnership moves on without this item, or fix it." in html
    assert "The union takes its seat at the next assembly." in html
    assert 'value="Two signatures are on their way."' in html
    assert "Roadmap approved." in html
    assert Partnership.objects.get(pk=partnership.pk).phase == 2
    assert not PhaseTransition.objects.exists()


def test_with_every_answer_the_partnership_moves_and_the_history_shows_the_gate(
    client, partnership, secretariat, partner, gate_rules
):
    in_phase(partnership, 2)
    gate_rules.say("SR-3", Result.FAIL, "Textile Union holds no seat.")
    gate_rules.say("SR-5", Result.FAIL, "Committed funding covers 80 % of the budget.")
    client.force_login(secretariat)
    response = client.post(
        reverse("phases:advance", args=[partnership.pk]),
        {
            "to_phase": 3,
            "note": "",
            "justify_SR_3": "The union takes its seat at the next assembly.",
            "acknowledge_SR_5": "A second funder signs in March.",
        },
    )
    assert response.status_code == 302
    assert Partnership.objects.get(pk=partnership.pk).phase == 3
    transition = PhaseTransition.objects.get()
    assert "SR-3" in transition.override_justification and "SR-5" in transition.override_justification

    client.force_login(partner)
    html = history(client, partnership).content.decode()
    assert "The gate of phase 2" in html and "passed with overrides or acknowledged warnings" in html
    assert "Textile Union holds no seat." in html
    assert "Overridden" in html and "The union takes its seat at the next assembly." in html
    assert "Warning acknowledged" in html and "A second funder signs in March." in html


def test_a_gate_that_failed_since_the_page_was_opened_is_refused_with_its_field(
    client, partnership, secretariat, gate_rules
):
    client.force_login(secretariat)
    history(client, partnership)  # all passed when the page was opened
    gate_rules.say("CS-2", Result.FAIL, "Only one sector.")
    response = client.post(reverse("phases:advance", args=[partnership.pk]), {"to_phase": 2, "note": "Ready."})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'name="justify_CS_2"' in html and "Only one sector." in html
    assert Partnership.objects.get(pk=partnership.pk).phase == 1


def test_a_partner_sees_no_move_form(client, partnership, partner, gate_rules):
    gate_rules.say("CS-2", Result.FAIL, "Only one sector.")
    client.force_login(partner)
    html = history(client, partnership).content.decode()
    assert "justify_" not in html and 'id="gate"' not in html


@pytest.mark.parametrize("phase", [1, 2, 3])
def test_with_the_real_rules_a_bare_partnership_can_move_only_with_every_item_answered(
    client, partnership, secretariat, phase
):
    """The rules the apps registered, on a partnership with no data: the gate asks for answers, and takes them."""
    in_phase(partnership, phase)
    client.force_login(secretariat)
    html = history(client, partnership).content.decode()
    assert f"The gate of phase {phase}" in html and "blocks the move" in html
    refused = client.post(reverse("phases:advance", args=[partnership.pk]), {"to_phase": phase + 1})
    assert refused.status_code == 400
    names = set(re.findall(r'name="((?:justify|acknowledge)_[A-Z]{2}_\d)"', refused.content.decode()))
    assert names
    answers = dict.fromkeys(names, "Agreed at the assembly.")
    moved = client.post(reverse("phases:advance", args=[partnership.pk]), {"to_phase": phase + 1, **answers})
    assert moved.status_code == 302
    assert Partnership.objects.get(pk=partnership.pk).phase == phase + 1
