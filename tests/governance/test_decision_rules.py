"""The adoption rules of issue 10, method by method, in both directions: adoptable, and refused with the message a
user reads. Pure functions: no database."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from governance.decision_rules import (
    Method,
    Outcome,
    Position,
    Threshold,
    check_adoption,
    check_outcome,
    votes_needed,
)

SUP, RES, ABS, OBJ, BLK = (
    Position.SUPPORT,
    Position.WITH_RESERVATIONS,
    Position.ABSTAIN,
    Position.OBJECT,
    Position.BLOCK,
)
FIVE = ["Cocoa Board", "River NGO", "Farmers Union", "Chocolate Co", "Ministry"]


def positions(*values, orgs=FIVE):
    """Positions for the first organisations, in order; None leaves one without a position."""
    return {org: value for org, value in zip(orgs, values, strict=False) if value is not None}


def adopt(method, values, orgs=FIVE, **kwargs):
    return check_adoption(method=method, entitled=orgs, positions=positions(*values, orgs=orgs), **kwargs)


# Consensus: every entitled organisation has a position, and none is object or block.


@pytest.mark.parametrize("values", [(SUP, SUP, SUP, SUP, SUP), (SUP, RES, ABS, RES, SUP), (ABS, ABS, ABS, ABS, ABS)])
def test_consensus_adopts_when_everyone_has_a_position_and_nobody_objects(values):
    assert adopt(Method.CONSENSUS, values).allowed


def test_consensus_refuses_a_block_naming_the_organisation():
    result = adopt(Method.CONSENSUS, (SUP, BLK, SUP, SUP, SUP))
    assert not result
    assert result.reasons == ("River NGO blocks this proposal: under consensus it cannot be adopted.",)


def test_consensus_refuses_an_objection():
    result = adopt(Method.CONSENSUS, (SUP, SUP, OBJ, SUP, SUP))
    assert result.reasons == ("Farmers Union objects to this proposal: under consensus it cannot be adopted.",)


def test_consensus_refuses_a_missing_position_and_names_who_has_none():
    result = adopt(Method.CONSENSUS, (SUP, SUP, SUP))
    assert result.reasons == (
        "No position yet from Chocolate Co and Ministry: under consensus every entitled organisation must record one.",
    )


def test_consensus_gives_every_reason_at_once_blocks_first():
    result = adopt(Method.CONSENSUS, (BLK, OBJ, OBJ, BLK))
    assert result.reasons == (
        "Cocoa Board and Chocolate Co block this proposal: under consensus it cannot be adopted.",
        "River NGO and Farmers Union object to this proposal: under consensus it cannot be adopted.",
        "No position yet from Ministry: under consensus every entitled organisation must record one.",
    )


# Consent: no object or block (silence consents), and at least half the entitled have recorded a position.


@pytest.mark.parametrize(
    "values",
    [
        (SUP, SUP, SUP),  # 3 of 5: more than half; the two silent ones consent
        (ABS, ABS, ABS, None, None),
        (SUP, RES, ABS, SUP, SUP),
    ],
)
def test_consent_adopts_without_objections_once_half_have_spoken(values):
    assert adopt(Method.CONSENT, values).allowed


def test_consent_adopts_at_exactly_half():
    assert adopt(Method.CONSENT, (SUP, SUP, None, None), orgs=FIVE[:4]).allowed


def test_consent_refuses_below_half():
    result = adopt(Method.CONSENT, (SUP, SUP))
    assert result.reasons == (
        "Only 2 of 5 entitled organisations have recorded a position; consent needs at least half.",
    )


def test_consent_refuses_below_half_with_one_position():
    result = adopt(Method.CONSENT, (SUP,), orgs=FIVE[:3])
    assert result.reasons == (
        "Only 1 of 3 entitled organisations has recorded a position; consent needs at least half.",
    )


def test_consent_refuses_when_nobody_has_spoken():
    result = adopt(Method.CONSENT, ())
    assert result.reasons == (
        "No entitled organisation has recorded a position yet; consent needs at least half of them.",
    )


def test_consent_refuses_an_objection_and_a_block():
    result = adopt(Method.CONSENT, (SUP, OBJ, SUP, BLK, SUP))
    assert result.reasons == (
        "Chocolate Co blocks this proposal: under consent it cannot be adopted.",
        "River NGO objects to this proposal: under consent it cannot be adopted.",
    )


# Negotiated compromise: every entitled organisation has a position and none is block; objections stay recorded.


def test_negotiated_compromise_adopts_over_objections_and_keeps_them_with_their_statements():
    statements = {"River NGO": "The buffer zone is too narrow.", "Farmers Union": "Prices are not covered."}
    result = adopt(Method.NEGOTIATED_COMPROMISE, (SUP, OBJ, OBJ, RES, ABS), statements=statements)
    assert result.allowed
    assert result.objections == (
        ("River NGO", "The buffer zone is too narrow."),
        ("Farmers Union", "Prices are not covered."),
    )


def test_negotiated_compromise_keeps_an_objection_without_a_statement():
    result = adopt(Method.NEGOTIATED_COMPROMISE, (SUP, OBJ, SUP, SUP, SUP))
    assert result.objections == (("River NGO", ""),)


def test_negotiated_compromise_refuses_a_block_and_still_lists_the_objections():
    result = adopt(Method.NEGOTIATED_COMPROMISE, (BLK, OBJ, SUP, SUP, SUP), statements={"River NGO": "No."})
    assert result.reasons == (
        "Cocoa Board blocks this proposal: a negotiated compromise cannot be adopted over a block.",
    )
    assert result.objections == (("River NGO", "No."),)


def test_negotiated_compromise_refuses_a_missing_position():
    result = adopt(Method.NEGOTIATED_COMPROMISE, (SUP, SUP, SUP, SUP))
    assert result.reasons == (
        "No position yet from Ministry: a negotiated compromise needs a position from every entitled organisation.",
    )


def test_negotiated_compromise_adopts_without_objections():
    result = adopt(Method.NEGOTIATED_COMPROMISE, (SUP, SUP, SUP, SUP, SUP))
    assert result.allowed and result.objections == ()


# Majority: at least half the entitled have a position; support (with or without reservations) reaches the
# threshold among those who recorded one (abstentions count among them); a block is just an objection.


@pytest.mark.parametrize(
    ("values", "threshold"),
    [
        ((SUP, SUP, OBJ, None, None), Threshold.SIMPLE),  # 2 of 3 recorded, 3 of 6 entitled: exactly half spoke
        ((SUP, RES, SUP, OBJ, BLK), Threshold.SIMPLE),  # 3 of 5, reservations count as support
        ((SUP, SUP, BLK), Threshold.TWO_THIRDS),  # 2 of 3 is two-thirds
        ((SUP, SUP, SUP, SUP, OBJ, BLK), Threshold.TWO_THIRDS),  # 4 of 6
    ],
)
def test_majority_adopts_when_support_reaches_the_threshold(values, threshold):
    orgs = [*FIVE, "Retailers"]
    assert adopt(Method.MAJORITY, values, orgs=orgs, threshold=threshold).allowed


def test_majority_counts_a_block_as_an_objection_not_as_a_veto():
    assert adopt(Method.MAJORITY, (SUP, SUP, SUP, BLK, BLK)).allowed
    assert not adopt(Method.CONSENSUS, (SUP, SUP, SUP, BLK, BLK)).allowed


def test_majority_refuses_a_tie_under_simple_majority():
    result = adopt(Method.MAJORITY, (SUP, SUP, OBJ, BLK), orgs=FIVE[:4])
    assert result.reasons == (
        "2 of the 4 organisations that recorded a position support this proposal; a simple majority needs at least 3.",
    )


def test_majority_counts_abstentions_among_those_who_recorded_a_position():
    result = adopt(Method.MAJORITY, (SUP, SUP, ABS, ABS, OBJ))
    assert result.reasons == (
        "2 of the 5 organisations that recorded a position support this proposal; a simple majority needs at least 3.",
    )


def test_majority_refuses_three_of_five_under_two_thirds():
    result = adopt(Method.MAJORITY, (SUP, SUP, SUP, OBJ, BLK), threshold=Threshold.TWO_THIRDS)
    assert result.reasons == (
        "3 of the 5 organisations that recorded a position support this proposal; a two-thirds majority needs at "
        "least 4.",
    )


def test_majority_names_a_single_supporter_in_the_singular():
    result = adopt(Method.MAJORITY, (SUP, OBJ, OBJ), threshold="two_thirds")
    assert result.reasons == (
        "1 of the 3 organisations that recorded a position supports this proposal; a two-thirds majority needs at "
        "least 2.",
    )


def test_majority_refuses_below_half_of_the_entitled_even_when_everyone_supports():
    result = adopt(Method.MAJORITY, (SUP, SUP))
    assert result.reasons == (
        "Only 2 of 5 entitled organisations have recorded a position; a majority decision needs at least half.",
    )


def test_majority_adopts_at_exactly_half_of_the_entitled():
    assert adopt(Method.MAJORITY, (SUP, SUP), orgs=FIVE[:4]).allowed


def test_majority_refuses_when_nobody_has_spoken():
    assert adopt(Method.MAJORITY, ()).reasons == (
        "No entitled organisation has recorded a position yet; a majority decision needs at least half of them.",
    )


@pytest.mark.parametrize(
    ("recorded", "simple", "two_thirds"),
    [(1, 1, 1), (2, 2, 2), (3, 2, 2), (4, 3, 3), (5, 3, 4), (6, 4, 4), (7, 4, 5), (8, 5, 6), (9, 5, 6), (10, 6, 7)],
)
def test_votes_needed_rounds_up_and_never_lets_less_than_two_thirds_through(recorded, simple, two_thirds):
    assert votes_needed(recorded, Threshold.SIMPLE) == simple
    assert votes_needed(recorded, Threshold.TWO_THIRDS) == two_thirds
    assert 3 * two_thirds >= 2 * recorded > 3 * (two_thirds - 1)
    assert 2 * simple > recorded >= 2 * (simple - 1)


# Delegated: taken by whom an earlier adopted decision delegated it to (linked); no positions needed.


def test_delegated_adopts_when_linked_to_the_delegating_decision_without_positions():
    assert check_adoption(method=Method.DELEGATED, entitled=FIVE, positions={}, delegation_linked=True).allowed


def test_delegated_ignores_positions_even_blocks():
    assert adopt(Method.DELEGATED, (BLK, BLK, BLK, BLK, BLK), delegation_linked=True).allowed


def test_delegated_needs_no_entitled_organisations():
    assert check_adoption(method="delegated", entitled=[], positions={}, delegation_linked=True).allowed


def test_delegated_refuses_without_the_link():
    result = check_adoption(method=Method.DELEGATED, entitled=FIVE, positions={})
    assert result.reasons == (
        "A delegated decision can be adopted only when it links the earlier adopted decision that delegated it.",
    )


# Edge cases shared by the methods.


@pytest.mark.parametrize("method", [Method.CONSENSUS, Method.CONSENT, Method.NEGOTIATED_COMPROMISE, Method.MAJORITY])
def test_nobody_entitled_refuses_every_method_that_counts_positions(method):
    result = check_adoption(method=method, entitled=[], positions={"River NGO": SUP})
    assert result.reasons == (
        "No organisation is entitled to a position on this decision (the deciding body has no voting seats, or the "
        "partnership has no active members), so it cannot be adopted.",
    )


@pytest.mark.parametrize("method", [Method.CONSENSUS, Method.CONSENT, Method.NEGOTIATED_COMPROMISE, Method.MAJORITY])
def test_positions_of_organisations_not_entitled_do_not_count(method):
    outsiders = {"Outsider A": BLK, "Outsider B": OBJ, "Outsider C": SUP, "Outsider D": SUP}
    result = check_adoption(
        method=method, entitled=["Cocoa Board", "River NGO"], positions={"Cocoa Board": SUP, **outsiders}
    )
    # No block or objection from outsiders is named; only the missing River NGO (consensus, compromise) matters.
    assert not any("Outsider" in reason for reason in result.reasons)
    assert result.allowed == (method in {Method.CONSENT, Method.MAJORITY})


def test_an_organisation_entitled_twice_counts_once():
    result = check_adoption(method=Method.CONSENSUS, entitled=["A", "A", "B"], positions={"A": SUP, "B": SUP})
    assert result.allowed


def test_organisations_may_be_any_objects_named_by_str():
    class Org:
        def __init__(self, name):
            self.name = name

        def __str__(self):
            return self.name

    river, board = Org("River NGO"), Org("Cocoa Board")
    result = check_adoption(method=Method.CONSENSUS, entitled=[board, river], positions={board: SUP, river: BLK})
    assert result.reasons == ("River NGO blocks this proposal: under consensus it cannot be adopted.",)


def test_an_unknown_position_or_method_is_a_programming_error():
    with pytest.raises(ValueError):
        check_adoption(method=Method.CONSENSUS, entitled=["A"], positions={"A": "maybe"})
    with pytest.raises(ValueError):
        check_adoption(method="lottery", entitled=["A"], positions={"A": SUP})


def test_raise_if_refused_carries_every_reason():
    with pytest.raises(ValidationError) as refused:
        adopt(Method.CONSENSUS, (BLK, OBJ)).raise_if_refused()
    assert len(refused.value.messages) == 3
    adopt(Method.CONSENSUS, (SUP, SUP, SUP, SUP, SUP)).raise_if_refused()


@pytest.mark.parametrize("outcome", [Outcome.REJECTED, Outcome.DEFERRED])
def test_a_proposal_may_always_be_rejected_or_deferred(outcome):
    assert check_outcome(outcome=outcome, method=Method.CONSENSUS, entitled=FIVE, positions={}).allowed


def test_recording_adopted_applies_the_method_rule():
    result = check_outcome(outcome=Outcome.ADOPTED, method=Method.CONSENSUS, entitled=FIVE, positions=positions(BLK))
    assert result.reasons[0] == "Cocoa Board blocks this proposal: under consensus it cannot be adopted."


def test_messages_name_organisations_as_the_language_lists_them():
    with translation.override("fr"):
        result = adopt(Method.CONSENSUS, (BLK, BLK, SUP, SUP, SUP))
    assert result.reasons[0].startswith("Cocoa Board et River NGO ")
    with translation.override("de"):
        result = adopt(Method.CONSENSUS, (BLK, BLK, SUP, SUP, SUP))
    assert result.reasons[0].startswith("Cocoa Board und River NGO ")


def test_labels_are_translated():
    with translation.override("fr"):
        assert str(Method.NEGOTIATED_COMPROMISE.label) == "Compromis négocié"
        assert str(Position.BLOCK.label) == "Blocage"
    with translation.override("de"):
        assert str(Method.CONSENT.label) == "Konsent"
        assert str(Outcome.ADOPTED.label) == "Angenommen"
