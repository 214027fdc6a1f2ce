import datetime as dt
from decimal import Decimal

from django.core.management import call_command
from django.utils import timezone

from governance.models import ExchangeRate
from governance.money import RateBook


def test_the_demo_converts_every_demo_currency_into_each_reporting_currency_and_loads_once(db, shared_demo):
    book = RateBook.load()
    for on in (dt.date(2023, 1, 1), dt.date(2024, 6, 15), timezone.localdate()):
        for currency in ("EUR", "USD", "XOF", "GHS", "KES"):
            for reporting in ("EUR", "USD"):
                assert book.convert(Decimal("1000"), currency, reporting, on).ok, (currency, reporting, on)
    # the CFA franc at its fixed parity: 655,957 XOF are 1,000 EUR whatever the date
    assert book.convert(Decimal("655957"), "XOF", "EUR", dt.date(2025, 7, 1)).amount == Decimal("1000")
    assert book.convert(Decimal("1"), "KES", "EUR", dt.date(2024, 6, 15)).rate.how == "through"
    count = ExchangeRate.objects.count()
    call_command("demo", quiet_logins=True)
    assert ExchangeRate.objects.count() == count
