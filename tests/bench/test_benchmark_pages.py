"""The partnership the partnership pages are loaded on: the largest the benchmark's user runs (the most indicator
values, then the most members), never one where they are not secretariat."""

import pytest

from bench.benchmark.pages import largest_partnership, search_word
from msp.models import Role
from tests.factories import MembershipFactory, PartnershipFactory, RoleFactory, UserFactory
from tests.monitoring.factories import ActualFactory, IndicatorFactory, quarters

pytestmark = pytest.mark.django_db


def with_values(partnership, count):
    indicator = IndicatorFactory(partnership=partnership)
    for period in quarters(indicator, count=count):
        ActualFactory(period=period)
    return partnership


def test_the_most_indicator_values_then_the_most_members_among_those_the_user_runs():
    user = UserFactory()
    small, big, tied = PartnershipFactory(), PartnershipFactory(), PartnershipFactory()
    elsewhere = PartnershipFactory()  # the most values of all, but the user is only a partner there
    for partnership in (small, big, tied):
        RoleFactory(partnership=partnership, user=user, role=Role.SECRETARIAT)
    RoleFactory(partnership=elsewhere, user=user, role=Role.PARTNER)
    with_values(small, 1)
    with_values(big, 3)
    with_values(tied, 3)
    with_values(elsewhere, 8)
    assert largest_partnership(user) in (big, tied)
    MembershipFactory(partnership=tied)
    assert largest_partnership(user) == tied


def test_nobody_runs_nothing():
    assert largest_partnership(UserFactory()) is None


def test_the_search_word_comes_from_the_partnerships_name():
    assert search_word(PartnershipFactory.build(name="Sustainable Cocoa 2030")) == "Sustainable"
    assert search_word(PartnershipFactory.build(name="Ashanti Cocoa Partnership 1")) == "Ashanti"
    assert search_word(PartnershipFactory.build(name="A 1")) == "partnership"
