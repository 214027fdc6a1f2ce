"""msp.compiled: a query compiled once answers for every partnership, as the queryset would."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from msp import compiled
from msp.models import Partnership, PartnershipRole
from tests.factories import PartnershipFactory, RoleFactory


def roles_of(pk):
    return PartnershipRole.objects.filter(partnership=pk).select_related("user").order_by("pk")


@pytest.fixture(autouse=True)
def _fresh():
    compiled._PLANS.clear()
    yield
    compiled._PLANS.clear()


def test_it_answers_each_partnership_with_its_own_rows(db):
    first, second = PartnershipFactory(), PartnershipFactory()
    RoleFactory.create_batch(2, partnership=first)
    RoleFactory(partnership=second)
    for partnership in (first, second, first):
        found = compiled.instances("roles", roles_of, partnership.pk)
        expected = list(roles_of(partnership.pk))
        assert [(r.pk, r.role, r.user.username) for r in found] == [(r.pk, r.role, r.user.username) for r in expected]
    assert len(compiled._PLANS) == 1


def test_it_reads_the_related_rows_in_the_same_query(db):
    role = RoleFactory()
    with CaptureQueriesContext(connection) as queries:
        found = compiled.instances("roles", roles_of, role.partnership_id)
        assert found[0].user.username == role.user.username
    assert len(queries) == 1


def test_it_answers_values_as_tuples(db):
    partnership = PartnershipFactory(name="Cocoa")
    rows = compiled.rows(
        "names", lambda p: Partnership.objects.filter(pk=p).values_list("name", "currency"), partnership.pk
    )
    assert rows == list(Partnership.objects.filter(pk=partnership.pk).values_list("name", "currency"))


def test_it_refuses_a_query_without_the_placeholder(db):
    partnership = PartnershipFactory()
    with pytest.raises(ValueError):
        compiled.rows("baked", lambda p: Partnership.objects.filter(pk=partnership.pk).values_list("name"), 1)


def test_it_puts_back_each_id(db):
    role = RoleFactory()
    RoleFactory(partnership=role.partnership)

    def build(p, u):
        return PartnershipRole.objects.filter(partnership=p, user=u).values_list("role")

    assert compiled.rows("role", build, role.partnership_id, role.user_id) == [(role.role,)]
    assert compiled.rows("role", build, role.partnership_id, -1) == []


def test_it_puts_back_the_time(db):
    from django.utils import timezone

    partnership = PartnershipFactory()

    def build(p, now):
        return Partnership.objects.filter(pk=p, created_at__lte=now).values_list("pk")

    later, earlier = timezone.now(), partnership.created_at - timezone.timedelta(days=1)
    assert compiled.rows("since", build, partnership.pk, now=later) == [(partnership.pk,)]
    assert compiled.rows("since", build, partnership.pk, now=earlier) == []
