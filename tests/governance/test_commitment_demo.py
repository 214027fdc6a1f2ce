from decimal import Decimal

from django.core.management import call_command

from governance.models import Commitment
from msp.demo import PARTNERSHIPS
from stakeholders.models import Membership


def _cash_shares(name):
    cash = Commitment.objects.filter(partnership__name=name, type="cash").exclude(status="withdrawn")
    assert len({c.currency_id for c in cash}) >= 1
    by_funder = {}
    for c in cash.filter(currency=cash.first().partnership.currency):
        by_funder[c.organisation.name] = by_funder.get(c.organisation.name, 0) + c.value
    total = sum(by_funder.values())
    return sorted((v / total for v in by_funder.values()), reverse=True)


def test_the_demo_shows_every_kind_of_commitment(db, shared_demo):
    for spec in PARTNERSHIPS.values():
        members = Membership.objects.active().filter(partnership__name=spec["name"]).values_list("organisation")
        committed = Commitment.objects.filter(partnership__name=spec["name"]).values_list("organisation")
        assert set(members) <= set(committed), spec["name"]
    water = _cash_shares(PARTNERSHIPS["water"]["name"])
    assert [round(s, 2) for s in water] == [Decimal("0.40"), Decimal("0.35"), Decimal("0.25")]
    # cocoa: one funder has 800,000 of the cash in euros; the GHS and XOF amounts are worth about 45,000 EUR more
    assert _cash_shares(PARTNERSHIPS["cocoa"]["name"])[0] > Decimal("0.8")
    all_of_them = Commitment.objects.all()
    assert {c.currency_id for c in all_of_them.filter(type="cash")} >= {"EUR", "USD", "XOF", "GHS"}
    staff = all_of_them.filter(type="staff_time", quantity=120)
    assert {c.value is None for c in staff} == {True, False}
    assert all_of_them.filter(status="withdrawn").exists()
    assert any(c.years.count() > 1 for c in all_of_them)
    count = all_of_them.count()
    call_command("demo", quiet_logins=True)
    assert Commitment.objects.count() == count
