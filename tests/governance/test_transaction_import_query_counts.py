"""The import's mapping and preview page runs the same number of queries for a bank file of a few rows and of many,
with members to match and rows already imported."""

import datetime as dt

import pytest
from django.urls import reverse

from governance import services
from governance.models import PendingTransactionImport
from msp.models import Role
from tests.factories import PartnershipFactory, RoleFactory
from tests.governance.factories import member
from tests.querycount import queries_for


def _world(size):
    partnership = PartnershipFactory()
    secretariat = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
    for i in range(size):
        member(partnership, f"m{partnership.pk}x{i}", org_name=f"Funder {partnership.pk}-{i}")
    lines = ["Bank statement", "Datum;Betrag;Wer;Währung"]
    lines += [f"0{1 + i % 9}.03.2026;{'-' if i % 2 else ''}1.0{i % 10}0,50;Funder {partnership.pk}-{i};EUR"
              for i in range(size * 3)]  # fmt: skip
    pending = PendingTransactionImport.objects.create(
        partnership=partnership, uploaded_by=secretariat, filename="bank.csv", content="\n".join(lines).encode()
    )
    services.transaction_save(
        partnership=partnership, by=secretariat, type="1", date=dt.date(2026, 3, 1), amount=1, currency="EUR"
    )
    return partnership, secretariat, pending


@pytest.fixture
def worlds(db):
    return _world(1), _world(10)


# session, user, partnership, my role; the pending file; the remembered mapping; the members with their
# organisations, the currency codes, the fingerprints already imported; the currencies of the form's list
PREVIEW_QUERIES = 10


def test_the_preview_runs_the_same_queries_for_small_and_large_files(client, worlds):
    counts = []
    for partnership, secretariat, pending in worlds:
        client.force_login(secretariat)
        url = reverse("governance:transaction_import_map", args=[partnership.pk, pending.pk])
        count, sql = queries_for(client, url)
        assert len(client.get(url).context["preview"].rows) in (3, 30)
        counts.append(count)
    assert counts == [PREVIEW_QUERIES, PREVIEW_QUERIES], sql
