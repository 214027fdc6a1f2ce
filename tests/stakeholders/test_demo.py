"""The demo's stakeholders: enough to show every page and to give the success-factor checks something to read."""

from django.core.management import call_command

from msp.models import Partnership
from stakeholders import selectors
from stakeholders.models import (
    ContactPerson,
    EngagementLevel,
    Invitation,
    Membership,
    Organisation,
    StakeholderMapEntry,
)


def counts():
    return [m.objects.count() for m in (Organisation, ContactPerson, Membership, StakeholderMapEntry, Invitation)]


def test_each_demo_partnership_has_its_stakeholders_and_loading_again_changes_nothing(db, shared_demo):
    before = counts()
    linked = dict(ContactPerson.objects.filter(user__isnull=False).values_list("user__username", "organisation__name"))
    call_command("demo", quiet_logins=True)
    assert counts() == before

    for partnership in Partnership.objects.prefetch_related("countries"):
        involved = selectors.involved_organisations(partnership)
        assert 5 <= involved.count() <= 12, partnership
        assert len(set(involved.values_list("sector", flat=True))) >= 3, partnership
        assert Membership.objects.filter(partnership=partnership, is_core_group=True).count() >= 2
        target = StakeholderMapEntry.objects.filter(
            partnership=partnership,
            is_target_group=True,
            country__in=partnership.countries.all(),
            engagement__in=EngagementLevel.at_least("consulted"),
        )
        assert target.exists(), f"{partnership}: no target group in a partner country"
        assert [i.current_status for i in Invitation.objects.filter(partnership=partnership)] == ["pending"]

    assert linked == {
        "kofi": "Ghana Cocoa Farmers' Cooperative Union",
        "awa": "Union des Coopératives Cacaoyères de Soubré",
        "wanjiru": "Water Resources Authority – Tana Basin",
        "daniel": "Fund for Partnerships",
    }
    assert ContactPerson.objects.filter(may_sign=True).count() >= 10
    # the partners' organisations are members of their partnerships
    cocoa = Partnership.objects.get(name__startswith="Sustainable Cocoa")
    members = set(selectors.active_member_organisations(cocoa).values_list("name", flat=True))
    assert {"Ghana Cocoa Farmers' Cooperative Union", "Union des Coopératives Cacaoyères de Soubré"} <= members
