"""How the stakeholder map moved between two snapshots (monitoring.reports.map_movement): who entered and left
"manage closely" (power and interest 4 or more, the map page's rule), whose engagement rose or fell, who is new and
who is gone. Pure: no database."""

from monitoring.reports.map_movement import compare


def entry(org, name, power, interest, engagement="consulted"):
    return {"organisation": org, "name": name, "power": power, "interest": interest, "engagement": engagement}


def names(changes):
    return [c.name for c in changes]


def test_crossing_into_high_power_and_high_interest_is_entering_manage_closely():
    before = [entry(1, "Regulator", 5, 3), entry(2, "Trader", 4, 4), entry(3, "Union", 3, 5)]
    after = [entry(1, "Regulator", 5, 4), entry(2, "Trader", 4, 3), entry(3, "Union", 4, 5)]
    movement = compare(before, after)
    assert names(movement.entered) == ["Regulator", "Union"]
    assert names(movement.left) == ["Trader"]
    assert movement.moved


def test_moving_within_a_quadrant_is_a_change_but_no_entry_or_exit():
    movement = compare([entry(1, "Regulator", 4, 4)], [entry(1, "Regulator", 5, 5)])
    assert movement.entered == movement.left == []
    assert names(movement.changes) == ["Regulator"]
    assert movement.changes[0].scores_before == (4, 4) and movement.changes[0].scores_after == (5, 5)


def test_engagement_rises_and_falls_in_the_order_of_the_levels_and_exiting_is_a_fall():
    before = [entry(1, "A", 2, 2, "informed"), entry(2, "B", 2, 2, "partner"), entry(3, "C", 2, 2, "identified")]
    after = [entry(1, "A", 2, 2, "involved"), entry(2, "B", 2, 2, "consulted"), entry(3, "C", 2, 2, "exited")]
    movement = compare(before, after)
    assert names(movement.rose) == ["A"]
    assert names(movement.fell) == ["B", "C"]
    assert str(movement.rose[0].engagement_before.label) == "Informed"
    assert str(movement.rose[0].engagement_after.label) == "Involved"


def test_new_and_gone_stakeholders_and_a_newcomer_straight_into_manage_closely():
    before = [entry(1, "Old friend", 4, 4), entry(2, "Stayer", 2, 2)]
    after = [entry(2, "Stayer", 2, 2), entry(3, "Newcomer", 5, 5), entry(4, "Observer", 1, 2)]
    movement = compare(before, after)
    assert names(movement.new) == ["Newcomer", "Observer"]
    assert names(movement.gone) == ["Old friend"]
    assert names(movement.entered) == ["Newcomer"]
    assert names(movement.left) == ["Old friend"]
    assert movement.rose == movement.fell == []  # new and gone ones are not counted as rising or falling
    assert movement.unchanged == 1
    gone = movement.gone[0]
    assert gone.after is None and gone.quadrant_after is None and gone.engagement_after is None


def test_the_same_map_did_not_move():
    same = [entry(1, "A", 4, 4, "partner"), entry(2, "B", 1, 5, "informed")]
    movement = compare(same, [dict(e) for e in same])
    assert not movement.moved
    assert movement.unchanged == 2
    assert movement.entered == movement.left == movement.rose == movement.fell == []


def test_entries_are_matched_by_organisation_so_a_renamed_one_is_not_new_and_gone():
    movement = compare([entry(7, "Old name", 3, 3)], [entry(7, "New name", 4, 4)])
    assert movement.new == movement.gone == []
    assert names(movement.entered) == ["New name"]


def test_an_empty_earlier_map_makes_everyone_new():
    movement = compare([], [entry(1, "A", 4, 4), entry(2, "B", 2, 2)])
    assert names(movement.new) == ["A", "B"]
    assert names(movement.entered) == ["A"]
