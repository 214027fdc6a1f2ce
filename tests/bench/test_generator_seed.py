"""The generator is deterministic: the same factor and seed give the same data, another seed other data."""

from django.db import transaction

from bench.generator import generate
from governance.models import Transaction
from monitoring.models import Actual
from msp.models import Partnership
from phases.models import RunItem
from stakeholders.models import Organisation, StakeholderMapEntry


def _generated(seed):
    """What the generated data says, without database keys (they differ between runs); rolled back after."""
    with transaction.atomic():
        generate(factor=0.01, seed=seed, password="pw")
        seen = (
            list(Partnership.objects.order_by("pk").values_list("name", "phase", "problem_statement")),
            list(Organisation.objects.order_by("pk").values_list("name", "sector", "country_id")),
            list(StakeholderMapEntry.objects.order_by("pk").values_list("organisation__name", "power", "interest")),
            list(Actual.objects.order_by("pk").values_list("value", "measured_on")),
            list(Transaction.objects.order_by("pk").values_list("amount", "date", "counterpart__name")),
            list(RunItem.objects.order_by("pk").values_list("item_id", "result")),
        )
        transaction.set_rollback(True)
    return seen


def test_the_same_seed_gives_the_same_data(db):
    first = _generated(7)
    assert first[0], "nothing was generated"
    assert _generated(7) == first
    assert _generated(8) != first
