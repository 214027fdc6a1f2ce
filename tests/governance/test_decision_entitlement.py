"""Who may record a position on a decision: the entitled organisations, and the neutral secretariat."""

import pytest
from django.core.exceptions import ValidationError

from governance.decision_rules import check_position, entitled_organisations

MEMBERS = ["Cocoa Board", "River NGO", "Farmers Union", "GIZ"]


def test_without_a_body_every_active_member_is_entitled():
    assert entitled_organisations(active_members=MEMBERS) == MEMBERS


def test_with_a_body_only_its_voting_seats_are_entitled():
    seats = ["River NGO", "Cocoa Board"]
    assert entitled_organisations(active_members=MEMBERS, voting_seat_holders=seats) == ["River NGO", "Cocoa Board"]


def test_a_body_without_voting_seats_entitles_nobody_rather_than_every_member():
    assert entitled_organisations(active_members=MEMBERS, voting_seat_holders=[]) == []


def test_a_seat_of_an_organisation_that_left_the_partnership_does_not_count():
    seats = ["River NGO", "Former Partner"]
    assert entitled_organisations(active_members=MEMBERS, voting_seat_holders=seats) == ["River NGO"]


def test_no_active_members_entitles_nobody():
    assert entitled_organisations(active_members=[]) == []


def test_each_organisation_is_entitled_once():
    assert entitled_organisations(active_members=["A", "B", "A"], voting_seat_holders=["B", "B"]) == ["B"]


def test_an_entitled_organisation_may_record_a_position():
    check = check_position(organisation="River NGO", entitled=MEMBERS)
    assert check.allowed and not check.host_in_own_right and check.reason == ""


def test_a_position_from_an_organisation_without_a_voting_seat_is_refused():
    check = check_position(organisation="Farmers Union", entitled=["River NGO"], body_name="Steering committee")
    assert not check
    assert check.reason == (
        "Farmers Union holds no voting seat on Steering committee, so it cannot record a position on this decision."
    )


def test_a_position_from_a_non_member_is_refused():
    check = check_position(organisation="Outsider Ltd", entitled=MEMBERS)
    assert check.reason == (
        "Outsider Ltd is not an active member of the partnership, so it cannot record a position on this decision."
    )
    with pytest.raises(ValidationError) as refused:
        check.raise_if_refused()
    assert refused.value.messages == [check.reason]


def test_the_secretariat_host_that_is_not_entitled_takes_no_part():
    check = check_position(organisation="Neutral Hub", entitled=MEMBERS, secretariat_host="Neutral Hub")
    assert not check.allowed
    assert check.reason == (
        "Neutral Hub hosts the secretariat, which records positions and does not take part in decisions; it may "
        "record a position only as an entitled member in its own right."
    )


def test_the_secretariat_host_without_a_voting_seat_takes_no_part_either():
    check = check_position(
        organisation="GIZ", entitled=["River NGO"], secretariat_host="GIZ", body_name="Steering committee"
    )
    assert not check.allowed
    assert check.reason.startswith("GIZ hosts the secretariat")


def test_the_secretariat_host_that_is_a_member_records_in_its_own_right_marked_so():
    check = check_position(organisation="GIZ", entitled=MEMBERS, secretariat_host="GIZ")
    assert check.allowed and check.host_in_own_right
    check.raise_if_refused()


def test_other_members_are_not_marked_as_the_host():
    assert not check_position(organisation="River NGO", entitled=MEMBERS, secretariat_host="GIZ").host_in_own_right
