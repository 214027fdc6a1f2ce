"""The demo shows the budget: two years of lines in every partnership with secretariat, management and M&E
costed, capacity development in one, a revised line, a review linked to a decision, 10-20 transactions (some in
another currency, expenditure against lines); cocoa's incoming funds come mostly from one funder, water's from
several. Loading the demo twice changes nothing."""

from collections import defaultdict

from django.core.management import call_command

from governance.models import BudgetLine, BudgetReview, Transaction
from governance.selectors.budget import planned_lines
from msp.demo import PARTNERSHIPS
from msp.models import Partnership


def _largest_share(partnership):
    by_source = defaultdict(int)
    for t in Transaction.objects.filter(partnership=partnership, type="1", currency=partnership.currency):
        by_source[t.counterpart_label] += t.amount
    return max(by_source.values()) / sum(by_source.values()), len(by_source)


def test_every_demo_partnership_has_a_budget_and_books(db, shared_demo):
    partnerships = {key: Partnership.objects.get(name=spec["name"]) for key, spec in PARTNERSHIPS.items()}
    with_capacity = set()
    for key, p in partnerships.items():
        lines = BudgetLine.objects.filter(partnership=p)
        assert len({line.year for line in lines}) == 2, key
        planned = {line.category for line in planned_lines(p) if line.amount > 0}
        assert {"secretariat", "management", "monitoring"} <= planned, key
        if "capacity" in planned:
            with_capacity.add(key)
        assert lines.filter(budget_type="2").exists(), key
        assert lines.exclude(currency=p.currency).exists(), key
        assert BudgetReview.objects.filter(partnership=p, decision__partnership=p).exists(), key
        books = Transaction.objects.filter(partnership=p)
        assert 10 <= books.count() <= 20, key
        assert books.filter(type="4", budget_line__isnull=False).exists(), key
        assert books.exclude(currency=p.currency).exists(), key
    assert with_capacity == {"cocoa"}
    assert BudgetLine.objects.filter(partnership=partnerships["cocoa"], result_node_key__isnull=False).exists()
    cocoa_share, _sources = _largest_share(partnerships["cocoa"])
    water_share, water_sources = _largest_share(partnerships["water"])
    assert cocoa_share > 0.5 and water_share < 0.35 and water_sources >= 4
    counts = (BudgetLine.objects.count(), BudgetReview.objects.count(), Transaction.objects.count())
    call_command("demo", quiet_logins=True)
    assert (BudgetLine.objects.count(), BudgetReview.objects.count(), Transaction.objects.count()) == counts
