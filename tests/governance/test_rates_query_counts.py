"""The exchange-rate list runs the same number of queries with a few rates and with many (one page of 50)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from governance.models import ExchangeRate
from tests.factories import UserFactory
from tests.querycount import queries_for

PAIRS = [("EUR", "USD"), ("USD", "KES"), ("GHS", "EUR"), ("EUR", "XOF")]


def _rates(size):
    ExchangeRate.objects.all().delete()
    recorder = UserFactory()
    ExchangeRate.objects.bulk_create(
        ExchangeRate(
            base_id=base,
            quote_id=quote,
            date=dt.date(2020, 1, 1) + dt.timedelta(days=day),
            rate=Decimal("1.5"),
            recorded_by=recorder if day % 2 else None,
        )
        for day in range(size)
        for base, quote in PAIRS
    )


# session, user; may read (a role somewhere), may manage; the filter's currencies; the page count, the page (with
# who recorded each rate)
LIST_QUERIES = 7


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", ["secretariat", "partner"])
def test_the_rate_list_is_constant(client, users, viewer):
    client.force_login(users[viewer])
    counts, sql = [], []
    for size in (2, 40):
        _rates(size)
        for query in ({}, {"currency": "EUR"}):
            count, statements = queries_for(client, reverse("governance:rates") + ("?currency=EUR" if query else ""))
            counts.append(count)
            sql.append("\n".join(statements))
    assert counts == [LIST_QUERIES] * 4, "\n\n".join(sql)
