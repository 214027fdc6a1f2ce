"""The decision log's services: the adoption rules in both directions with their messages, neutrality, positions on
a member's behalf, partners only for their own organisation."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from governance import services
from governance.demo import evidence_pdf
from governance.models import DecisionPosition
from tests.factories import MembershipFactory, OrganisationFactory
from tests.governance.factories import member

PDF = evidence_pdf("evidence")


def org_of(user):
    return user.contact.organisation


def proposal(partnership, by, *, method="consensus", body=None, open_=True, **extra):
    decision = services.decision_save(
        partnership=partnership,
        by=by,
        title="Adopt the water plan",
        text="The plan.",
        method=method,
        body=body,
        **extra,
    )
    if open_:
        services.decision_open(decision=decision, by=by)
    return decision


def say(decision, user, position, statement=""):
    return services.position_record(
        decision=decision, by=user, organisation=org_of(user), position=position, statement=statement
    )


def refusal(exc_info):
    return " ".join(exc_info.value.messages)


def test_consensus_is_refused_while_a_member_blocks_and_adopted_once_the_block_is_withdrawn(
    partnership, secretariat, kofi, awa
):
    decision = proposal(partnership, secretariat)
    say(decision, kofi, "support")
    say(decision, awa, "block", "Not without a budget.")
    with pytest.raises(ValidationError) as exc:
        services.decision_decide(decision=decision, by=secretariat, outcome="adopted")
    assert "Kavokiva blocks this proposal: under consensus it cannot be adopted." in refusal(exc)
    say(decision, awa, "with_reservations", "With a budget review.")
    decided = services.decision_decide(decision=decision, by=secretariat, outcome="adopted")
    assert (decided.status, decided.outcome) == ("decided", "adopted")
    assert DecisionPosition.objects.filter(decision=decision).count() == 2  # changed, not added


def test_consensus_needs_every_position(partnership, secretariat, kofi, awa):
    decision = proposal(partnership, secretariat)
    say(decision, kofi, "support")
    with pytest.raises(ValidationError) as exc:
        services.decision_decide(decision=decision, by=secretariat, outcome="adopted")
    assert "No position yet from Kavokiva" in refusal(exc)
    # rejecting is always possible
    assert services.decision_decide(decision=decision, by=secretariat, outcome="rejected").outcome == "rejected"


def test_majority_reads_the_bodys_two_thirds_threshold(partnership, secretariat, kofi, awa):
    third = member(partnership, "ama", org_name="Cocoa Research")
    body = services.body_save(
        partnership=partnership, by=secretariat, type="steering_committee", name="SC", majority_threshold="two_thirds"
    )
    for user in (kofi, awa, third):
        services.seat_save(body=body, by=secretariat, organisation=org_of(user))
    decision = proposal(partnership, secretariat, method="majority", body=body)
    say(decision, kofi, "support")
    say(decision, awa, "object")
    say(decision, third, "block")
    with pytest.raises(ValidationError) as exc:
        services.decision_decide(decision=decision, by=secretariat, outcome="adopted")
    assert "a two-thirds majority needs at least 2" in refusal(exc)
    say(decision, third, "support")
    assert services.decision_decide(decision=decision, by=secretariat, outcome="adopted").outcome == "adopted"


def test_delegated_needs_the_earlier_adopted_decision(partnership, secretariat, kofi, awa):
    delegated = proposal(partnership, secretariat, method="delegated", open_=False)
    with pytest.raises(ValidationError) as exc:
        services.decision_decide(decision=delegated, by=secretariat, outcome="adopted")
    assert "links the earlier adopted decision" in refusal(exc)
    earlier = proposal(partnership, secretariat, method="consent")
    say(earlier, kofi, "support")
    earlier = services.decision_decide(decision=earlier, by=secretariat, outcome="adopted")
    services.decision_save(
        partnership=partnership,
        by=secretariat,
        decision=delegated,
        title="Pick the pump",
        method="delegated",
        delegated_by=earlier,
    )
    assert services.decision_decide(decision=delegated, by=secretariat, outcome="adopted").outcome == "adopted"


def test_a_partner_records_only_for_their_own_organisation(partnership, secretariat, kofi, awa):
    decision = proposal(partnership, secretariat)
    with pytest.raises(PermissionDenied) as exc:
        services.position_record(decision=decision, by=kofi, organisation=org_of(awa), position="support")
    assert "only record a position on this decision for your own organisation" in str(exc.value)


def test_the_secretariat_is_neutral(partnership, secretariat, kofi):
    decision = proposal(partnership, secretariat)
    with pytest.raises(PermissionDenied):
        services.position_record(decision=decision, by=secretariat, organisation=org_of(kofi), position="support")
    host = OrganisationFactory(name="Neutral Institute")
    services.body_save(
        partnership=partnership,
        by=secretariat,
        type="secretariat",
        name="Secretariat",
        majority_threshold="simple",
        host_organisation=host,
    )
    with pytest.raises(ValidationError) as exc:
        services.position_record_on_behalf(
            decision=decision, by=secretariat, organisation=host, position="support", note="Said so."
        )
    assert "hosts the secretariat" in refusal(exc)


def test_the_host_as_member_is_marked_in_its_own_right(partnership, secretariat, kofi):
    services.body_save(
        partnership=partnership,
        by=secretariat,
        type="secretariat",
        name="Secretariat",
        majority_threshold="simple",
        host_organisation=org_of(kofi),
    )
    decision = proposal(partnership, secretariat)
    assert say(decision, kofi, "support").host_in_own_right


def test_a_non_entitled_organisation_is_refused(partnership, secretariat, kofi, awa):
    body = services.body_save(
        partnership=partnership, by=secretariat, type="steering_committee", name="SC", majority_threshold="simple"
    )
    services.seat_save(body=body, by=secretariat, organisation=org_of(kofi))
    decision = proposal(partnership, secretariat, body=body)
    with pytest.raises(ValidationError) as exc:
        say(decision, awa, "support")
    assert "Kavokiva holds no voting seat on SC" in refusal(exc)


def test_positions_on_a_members_behalf_need_evidence(partnership, secretariat, kofi, awa):
    decision = proposal(partnership, secretariat)
    with pytest.raises(ValidationError) as exc:
        services.position_record_on_behalf(
            decision=decision, by=secretariat, organisation=org_of(awa), position="block"
        )
    assert "note" in exc.value.message_dict
    row = services.position_record_on_behalf(
        decision=decision,
        by=secretariat,
        organisation=org_of(awa),
        position="block",
        statement="No budget.",
        evidence=SimpleUploadedFile("letter.pdf", PDF, content_type="application/pdf"),
    )
    assert row.on_behalf and row.evidence.name.endswith(".pdf") and row.recorded_by == secretariat
    with pytest.raises(PermissionDenied):
        services.position_record_on_behalf(
            decision=decision, by=kofi, organisation=org_of(awa), position="support", note="x"
        )


def test_positions_only_while_open(partnership, secretariat, kofi, awa):
    decision = proposal(partnership, secretariat, open_=False)
    with pytest.raises(ValidationError) as exc:
        say(decision, kofi, "support")
    assert "only while the decision is open" in refusal(exc)
    services.decision_open(decision=decision, by=secretariat)
    say(decision, kofi, "support")
    services.decision_decide(decision=decision, by=secretariat, outcome="deferred")
    with pytest.raises(ValidationError):
        say(decision, awa, "support")
    with pytest.raises(ValidationError):
        services.decision_save(partnership=partnership, by=secretariat, decision=decision, title="x")


def test_a_member_that_left_is_not_entitled(partnership, secretariat, kofi):
    org = OrganisationFactory(name="Gone Ltd")
    MembershipFactory(partnership=partnership, organisation=org, joined_on="2019-01-01", left_on="2020-01-01")
    decision = proposal(partnership, secretariat)
    with pytest.raises(ValidationError) as exc:
        services.position_record_on_behalf(
            decision=decision, by=secretariat, organisation=org, position="support", note="By phone."
        )
    assert "not an active member" in refusal(exc)
