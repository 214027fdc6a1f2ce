"""API list endpoints run the same number of queries whatever the amount of data (tests/api/querycount.py)."""

import pytest
from django.urls import reverse

from msp.models import Role
from tests.api.querycount import assert_constant_queries
from tests.factories import PartnershipFactory, RoleFactory, UserFactory


def _person_with(count):
    """A person with a role on `count` partnerships (each with countries, goals and targets), every role in turn."""
    user = UserFactory()
    roles = [Role.SECRETARIAT, Role.PARTNER, Role.DONOR]
    for i in range(count):
        partnership = PartnershipFactory(countries=["GH", "CI"], sdg_goals=[1, 2], sdg_targets=["15.2", "1.2"])
        RoleFactory(partnership=partnership, user=user, role=roles[i % 3])
    return user


# The token with its user; the partnerships the user holds a role on: counted, then the page of them; their
# countries, SDG goals and SDG targets (one query each, whatever the number of partnerships).
PARTNERSHIP_LIST = 6


@pytest.mark.django_db
def test_the_partnership_list_is_constant():
    url = reverse("api:partnership_list")
    assert_constant_queries([(_person_with(2), url), (_person_with(20), url)], expected=PARTNERSHIP_LIST)
