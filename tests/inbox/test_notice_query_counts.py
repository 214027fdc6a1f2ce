"""The notifications list and the header's count run the same number of queries with few and with many notices
across several partnerships."""

import pytest
from django.urls import reverse

from msp.models import Role
from msp.services import notify
from tests.factories import PartnershipFactory, RoleFactory, UserFactory
from tests.querycount import queries_for


def _world(size):
    user = UserFactory()
    for i in range(size):
        partnership = PartnershipFactory(name=f"P{i}")
        RoleFactory(partnership=partnership, user=user, role=Role.PARTNER)
        for j in range(size):
            notify(partnership=partnership, recipients=[user], subject=f"News {i}.{j}", body="", key=f"t:{i}.{j}")
    return user


@pytest.fixture
def worlds(db):
    return _world(1), _world(6)


def _counts(client, worlds, url):
    counts, sql = [], []
    for user in worlds:
        client.force_login(user)
        count, sql = queries_for(client, url)
        counts.append(count)
    return counts, "\n".join(sql)


# session, user; the page's count and its notices (with their partnership, those of partnerships I hold a role on)
LIST_QUERIES = 4


def test_the_list_is_constant(client, worlds):
    counts, sql = _counts(client, worlds, reverse("inbox:notices"))
    assert counts == [LIST_QUERIES] * 2, sql


# session, user; the count
COUNT_QUERIES = 3


def test_the_count_is_constant(client, worlds):
    counts, sql = _counts(client, worlds, reverse("inbox:notice_count"))
    assert counts == [COUNT_QUERIES] * 2, sql
