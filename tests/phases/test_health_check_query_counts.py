"""The health check's pages run the same number of queries with 3 and with 15 members scoring."""

import pytest
from django.urls import reverse

from msp.models import Role
from tests.factories import PartnershipFactory, RoleFactory
from tests.querycount import queries_for

from .health_check_factories import members, open_round, score

pytestmark = pytest.mark.django_db


def _world(size):
    partnership = PartnershipFactory()
    secretariat = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
    partners = members(partnership, [f"Org{i} of {size}" for i in range(size)])
    row = open_round(partnership, secretariat, anonymous=True)
    for i, user in enumerate(partners):
        score(row, user, CM_6=(1 + i % 5, f"Comment {i}"), PM_4=(5 - i % 5, ""), SR_2=(3, ""))
    return partnership, secretariat, partners[0], row


PAGES = [
    ("health_checks", "secretariat"),
    ("health_checks", "partner"),
    ("health_check", "secretariat"),
    ("health_check", "partner"),
    ("health_check_score", "partner"),
    ("health_check_on_behalf", "secretariat"),
]


@pytest.mark.parametrize(("name", "who"), PAGES)
def test_the_pages_run_a_fixed_number_of_queries(client, name, who):
    counts = []
    for size in (3, 15):
        partnership, secretariat, partner, row = _world(size)
        args = [partnership.pk] if name == "health_checks" else [partnership.pk, row.pk]
        url = reverse(f"phases:{name}", args=args)
        if name == "health_check_on_behalf":
            url += f"?organisation={partner.contact.organisation_id}"
        client.force_login(secretariat if who == "secretariat" else partner)
        counts.append(queries_for(client, url))
    (few, _), (many, sql) = counts
    assert few == many, "\n".join(sql)
