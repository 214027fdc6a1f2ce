"""msp.affiliations.preload reads what msp.access.acting_for reads per partnership, for all of them at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from msp import access, affiliations
from msp.models import Partnership, Role
from tests.factories import MembershipFactory, PartnershipFactory, RoleFactory

pytestmark = pytest.mark.django_db


def fresh(*partnerships):
    return [Partnership.objects.get(pk=p.pk) for p in partnerships]


def test_preload_gives_what_acting_for_gives(partnership, kofi, donor):
    other, elsewhere = PartnershipFactory(), PartnershipFactory()
    RoleFactory(partnership=other, user=kofi, role=Role.PARTNER)
    MembershipFactory(partnership=other, organisation=kofi.contact.organisation)
    RoleFactory(partnership=elsewhere, user=kofi, role=Role.PARTNER)  # its organisation is no member there
    for user in (kofi, donor):
        one_by_one = [access.acting_for(user, p) for p in fresh(partnership, other, elsewhere)]
        preloaded = fresh(partnership, other, elsewhere)
        with CaptureQueriesContext(connection) as queries:
            affiliations.preload(user, preloaded)
            at_once = [access.acting_for(user, p) for p in preloaded]
        assert at_once == one_by_one
        assert len(queries) == (2 if user == kofi else 1)
    assert [a.is_member for a in at_once if a] == []  # the donor acts for nobody
    assert [access.acting_for(kofi, p).is_member for p in preloaded] == [True, True, False]


def test_preload_keeps_what_is_already_read(partnership, kofi):
    [loaded] = fresh(partnership)
    access.acting_for(kofi, loaded)
    with CaptureQueriesContext(connection) as queries:
        affiliations.preload(kofi, [loaded])
    assert len(queries) == 0
