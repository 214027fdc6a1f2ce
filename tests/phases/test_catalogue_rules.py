"""Every item of the catalogue that the data decides or hints at has a rule registered by the app that holds its
data, and every rule belongs to an item (phases.checks.rule refuses an unknown id). Manual items are judged by a
person and have none."""

from phases.catalogue import CATALOGUE, Kind
from phases.checks import RULES


def test_every_automatic_and_assisted_item_has_a_rule():
    missing = sorted(i.id for i in CATALOGUE.values() if i.kind != Kind.MANUAL and i.id not in RULES)
    assert missing == []


def test_every_rule_is_an_item_of_the_catalogue_and_manual_items_have_none():
    assert set(RULES) <= set(CATALOGUE)
    assert sorted(i.id for i in CATALOGUE.values() if i.kind == Kind.MANUAL and i.id in RULES) == []
