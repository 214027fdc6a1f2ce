"""The demo shows both sides of the resources overview: water's funding is spread (no warning), cocoa's is dominated
by one funder (the warning), and every figure converts (the demo records the rates it needs)."""

from decimal import Decimal

from governance import resources
from msp.demo import PARTNERSHIPS
from msp.models import Partnership


def test_the_demo_has_a_healthy_and_a_dominated_partnership(db, shared_demo):
    water = resources.for_partnership(Partnership.objects.get(name=PARTNERSHIPS["water"]["name"]))
    cocoa = resources.for_partnership(Partnership.objects.get(name=PARTNERSHIPS["cocoa"]["name"]))
    assert water.concentration.sources >= 3 and not water.concentration.warning
    assert cocoa.concentration.too_concentrated and cocoa.concentration.largest > Decimal("0.75")
    for figures in (water, cocoa):
        assert figures.total.planned.ok and figures.total.committed.ok and figures.total.planned.amount > 0
        assert figures.years and figures.categories and figures.sources
