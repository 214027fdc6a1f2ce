from stakeholders.models import EngagementLevel, Quadrant


def test_engagement_levels_are_ordered_and_exited_is_not_engaged():
    assert EngagementLevel.at_least("consulted") == ["consulted", "involved", "partner"]
    assert EngagementLevel.at_least("identified")[-1] == "partner"
    assert "exited" not in EngagementLevel.at_least("identified")


def test_four_and_five_are_high():
    assert Quadrant.of(4, 4) == Quadrant.MANAGE_CLOSELY
    assert Quadrant.of(5, 3) == Quadrant.KEEP_SATISFIED
    assert Quadrant.of(3, 5) == Quadrant.KEEP_INFORMED
    assert Quadrant.of(3, 3) == Quadrant.MONITOR
