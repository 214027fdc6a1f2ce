"""A partnership's members, contacts and stakeholder map: partners see all of it, only the secretariat edits."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from stakeholders import services
from stakeholders.models import Membership, StakeholderMapEntry
from tests.factories import ContactFactory, MembershipFactory, OrganisationFactory

from .factories import MapEntryFactory


def url(name, partnership, **kwargs):
    return reverse(f"stakeholders:{name}", kwargs={"partnership_pk": partnership.pk, **kwargs})


@pytest.fixture
def coop(db):
    return OrganisationFactory(name="Cocoa Coop", sector="civil_society", country_id="GH")


class TestMembers:
    def test_secretariat_adds_a_core_group_member(self, client, partnership, secretariat, coop):
        client.force_login(secretariat)
        data = {
            "organisation": coop.pk,
            "role": "core_partner",
            "iati_role": "4",
            "is_core_group": "on",
            "joined_on": "2025-01-15",
            "capacity_person_days": "40",
        }
        response = client.post(url("member_add", partnership), data, follow=True)
        assert "Cocoa Coop is now a member." in response.content.decode()
        membership = Membership.objects.get(partnership=partnership)
        assert (membership.role, membership.iati_role, membership.is_core_group) == ("core_partner", "4", True)
        assert membership.capacity_person_days == 40
        activity = client.get(reverse("msp:activity", kwargs={"partnership_pk": partnership.pk})).content.decode()
        assert "Cocoa Coop" in activity  # filed under the partnership's feed

    def test_a_current_member_cannot_be_added_twice(self, client, partnership, secretariat, coop):
        MembershipFactory(partnership=partnership, organisation=coop)
        client.force_login(secretariat)
        response = client.post(
            url("member_add", partnership), {"organisation": coop.pk, "role": "partner", "joined_on": "2025-01-15"}
        )
        assert response.status_code == 200
        assert "Select a valid choice" in response.content.decode()  # not offered
        with pytest.raises(ValidationError, match="Cocoa Coop is already a member of this partnership."):
            services.membership_add(partnership=partnership, organisation=coop, by=secretariat)
        assert Membership.objects.filter(partnership=partnership).count() == 1

    def test_a_member_that_leaves_stays_in_the_history(self, client, partnership, secretariat, coop):
        membership = MembershipFactory(partnership=partnership, organisation=coop, joined_on=dt.date(2024, 1, 1))
        client.force_login(secretariat)
        data = {"role": "partner", "joined_on": "2024-01-01", "left_on": "2025-06-30"}
        response = client.post(url("member_edit", partnership, pk=membership.pk), data, follow=True)
        html = response.content.decode()
        assert "Cocoa Coop has left the partnership; its membership stays in the history." in html
        assert "Left 30 Jun 2025" in html
        membership.refresh_from_db()
        assert membership.left_on == dt.date(2025, 6, 30) and not membership.is_active
        current = client.get(url("members", partnership), {"status": "current"}).content.decode()
        assert "Cocoa Coop" not in current
        # and it may join again
        response = client.post(
            url("member_add", partnership), {"organisation": coop.pk, "role": "partner", "joined_on": "2025-09-01"}
        )
        assert response.status_code == 302
        assert Membership.objects.filter(organisation=coop).count() == 2

    def test_leaving_before_joining_is_refused(self, client, partnership, secretariat, coop):
        membership = MembershipFactory(partnership=partnership, organisation=coop, joined_on=dt.date(2024, 1, 1))
        client.force_login(secretariat)
        response = client.post(
            url("member_edit", partnership, pk=membership.pk),
            {"role": "partner", "joined_on": "2024-01-01", "left_on": "2023-01-01"},
        )
        assert "An organisation cannot leave before it joined." in response.content.decode()
        membership.refresh_from_db()
        assert membership.left_on is None

    def test_a_membership_of_another_partnership_is_not_found(self, client, partnership, secretariat):
        elsewhere = MembershipFactory()
        client.force_login(secretariat)
        assert client.get(url("member_edit", partnership, pk=elsewhere.pk)).status_code == 404

    def test_partners_see_the_members_but_cannot_edit(self, client, partnership, partner, coop):
        membership = MembershipFactory(partnership=partnership, organisation=coop, is_core_group=True)
        client.force_login(partner)
        html = client.get(url("members", partnership)).content.decode()
        assert "Cocoa Coop" in html and "Core group" in html
        assert "Add a member" not in html and url("member_edit", partnership, pk=membership.pk) not in html
        assert "You see what every partner sees" in html
        assert (
            client.post(
                url("member_add", partnership), {"organisation": coop.pk, "role": "partner", "joined_on": "2025-01-01"}
            ).status_code
            == 403
        )
        assert (
            client.post(
                url("member_edit", partnership, pk=membership.pk), {"role": "observer", "joined_on": "2025-01-01"}
            ).status_code
            == 403
        )
        membership.refresh_from_db()
        assert membership.role == "partner"

    def test_donors_and_outsiders_do_not_see_members(self, client, partnership, donor, outsider):
        client.force_login(donor)
        assert client.get(url("members", partnership)).status_code == 403
        client.force_login(outsider)
        assert client.get(url("members", partnership)).status_code == 404

    def test_the_empty_list_says_what_to_do(self, client, partnership, secretariat, partner):
        client.force_login(secretariat)
        html = client.get(url("members", partnership)).content.decode()
        assert "No members yet." in html and "Add a member" in html
        client.force_login(partner)
        assert (
            "The secretariat has not recorded any member organisations yet."
            in client.get(url("members", partnership)).content.decode()
        )

    def test_filters(self, client, partnership, partner, coop):
        MembershipFactory(partnership=partnership, organisation=coop, is_core_group=True)
        MembershipFactory(partnership=partnership, organisation=OrganisationFactory(name="Choco AG", sector="private"))
        client.force_login(partner)
        html = client.get(url("members", partnership), {"sector": "private"}).content.decode()
        assert "Choco AG" in html and "Cocoa Coop" not in html
        html = client.get(url("members", partnership), {"core": "yes"}).content.decode()
        assert "Cocoa Coop" in html and "Choco AG" not in html
        partial = client.get(
            url("members", partnership),
            {"q": "choco"},
            headers={"HX-Request": "true", "HX-Target": "stakeholder-results"},
        )
        assert "<html" not in partial.content.decode() and "Choco AG" in partial.content.decode()


class TestContacts:
    def test_partners_see_the_contacts_of_members_and_mapped_organisations(self, client, partnership, partner, coop):
        MembershipFactory(partnership=partnership, organisation=coop)
        ContactFactory(organisation=coop, name="Awa Koné", may_sign=True)
        ministry = OrganisationFactory(name="Ministry")
        MapEntryFactory(partnership=partnership, organisation=ministry)
        ContactFactory(organisation=ministry, name="Minister's aide")
        ContactFactory(name="Somebody elsewhere")
        client.force_login(partner)
        html = client.get(url("contacts", partnership)).content.decode()
        assert "Awa Koné" in html and "Signatory" in html and "Minister&#x27;s aide" in html
        assert "Somebody elsewhere" not in html
        assert "Edit" not in html and "Invite" not in html
        only_members = client.get(url("contacts", partnership), {"member": "yes"}).content.decode()
        assert "Awa Koné" in only_members and "Minister" not in only_members


class TestMap:
    def test_secretariat_maps_a_target_group_located_in_the_organisations_country(
        self, client, partnership, secretariat, coop
    ):
        client.force_login(secretariat)
        data = {
            "organisation": coop.pk,
            "power": 2,
            "interest": 5,
            "influence": 2,
            "engagement": "consulted",
            "is_target_group": "on",
        }
        response = client.post(url("map_add", partnership), data, follow=True)
        assert "Cocoa Coop is on the stakeholder map." in response.content.decode()
        entry = StakeholderMapEntry.objects.get()
        assert entry.is_target_group and entry.country_id == "GH" and entry.quadrant == "keep_informed"

    def test_scores_outside_1_to_5_are_refused(self, client, partnership, secretariat, coop):
        client.force_login(secretariat)
        response = client.post(
            url("map_add", partnership),
            {"organisation": coop.pk, "power": 9, "interest": 0, "influence": 3, "engagement": "identified"},
        )
        assert (
            response.content.decode().count("is not one of the available choices") == 4
        )  # by the fields, in the summary
        assert not StakeholderMapEntry.objects.exists()

    def test_an_organisation_is_on_the_map_once(self, client, partnership, secretariat, coop):
        MapEntryFactory(partnership=partnership, organisation=coop)
        client.force_login(secretariat)
        response = client.post(
            url("map_add", partnership),
            {"organisation": coop.pk, "power": 2, "interest": 2, "influence": 2, "engagement": "identified"},
        )
        assert "Select a valid choice" in response.content.decode()  # not offered
        with pytest.raises(ValidationError, match="Cocoa Coop is already on the stakeholder map."):
            services.map_entry_create(partnership=partnership, organisation=coop, by=secretariat, power=2, interest=2)
        assert StakeholderMapEntry.objects.count() == 1

    def test_edit_and_take_off_the_map(self, client, partnership, secretariat, coop):
        entry = MapEntryFactory(partnership=partnership, organisation=coop)
        client.force_login(secretariat)
        data = {"power": 5, "interest": 5, "influence": 4, "engagement": "involved", "is_key": "on", "country": "CI"}
        assert client.post(url("map_edit", partnership, pk=entry.pk), data).status_code == 302
        entry.refresh_from_db()
        assert (entry.power, entry.engagement, entry.is_key, entry.country_id) == (5, "involved", True, "CI")
        assert client.get(url("map_remove", partnership, pk=entry.pk)).status_code == 405
        response = client.post(url("map_remove", partnership, pk=entry.pk), follow=True)
        assert "is no longer on the stakeholder map" in response.content.decode()
        assert not StakeholderMapEntry.objects.exists()
        coop.refresh_from_db()  # still in the registry

    def test_partners_see_the_map_but_cannot_change_it(self, client, partnership, partner, coop):
        entry = MapEntryFactory(partnership=partnership, organisation=coop, notes="Met twice.")
        client.force_login(partner)
        html = client.get(url("map", partnership)).content.decode()
        assert "Met twice." in html and "Map a stakeholder" not in html
        assert client.post(url("map_remove", partnership, pk=entry.pk)).status_code == 403
        assert StakeholderMapEntry.objects.filter(pk=entry.pk).exists()

    def test_the_table_filters(self, client, partnership, partner, coop):
        MapEntryFactory(partnership=partnership, organisation=coop, is_target_group=True, power=1, interest=5)
        MapEntryFactory(
            partnership=partnership, organisation=OrganisationFactory(name="Ministry"), is_key=True, power=5, interest=3
        )
        client.force_login(partner)
        html = client.get(url("map", partnership), {"flag": "target"}).content.decode()
        assert "Cocoa Coop" in html and "Ministry" not in html
        html = client.get(url("map", partnership), {"quadrant": "keep_satisfied"}).content.decode()
        assert "Ministry" in html and "Cocoa Coop" not in html
        html = client.get(url("map", partnership), {"flag": "member"}).content.decode()
        assert "No stakeholder matches these filters." in html


class TestDashboardCard:
    def test_members_by_sector_core_group_and_key_stakeholders_not_engaged(
        self, client, partnership, secretariat, coop
    ):
        MembershipFactory(partnership=partnership, organisation=coop, is_core_group=True)
        MembershipFactory(partnership=partnership, organisation=OrganisationFactory(name="Choco AG", sector="private"))
        MembershipFactory(
            partnership=partnership,
            organisation=OrganisationFactory(name="Gone", sector="private"),
            joined_on="2020-01-01",
            left_on="2021-01-01",
        )
        MapEntryFactory(
            partnership=partnership,
            organisation=OrganisationFactory(name="Ministry"),
            power=5,
            interest=4,
            engagement="informed",
        )
        MapEntryFactory(
            partnership=partnership,
            organisation=OrganisationFactory(name="Flagged Key"),
            power=2,
            interest=2,
            is_key=True,
            engagement="identified",
        )
        MapEntryFactory(
            partnership=partnership,
            organisation=OrganisationFactory(name="Engaged Regulator"),
            power=5,
            interest=5,
            engagement="consulted",
        )
        client.force_login(secretariat)
        card = client.get(reverse("msp:dashboard", kwargs={"partnership_pk": partnership.pk})).context["cards"]
        context = {c.key: ctx for c, ctx in card}["stakeholders"]
        assert context["member_count"] == 2
        assert {str(label): n for label, n in context["by_sector"]} == {"Private sector": 1, "Civil society": 1}
        assert [o.name for o in context["core_group"]] == ["Cocoa Coop"]
        assert [e.organisation.name for e in context["not_engaged"]] == ["Ministry", "Flagged Key"]

    def test_donors_see_the_summary_without_the_map(self, client, partnership, donor, coop):
        MembershipFactory(partnership=partnership, organisation=coop, is_core_group=True)
        MapEntryFactory(partnership=partnership, organisation=OrganisationFactory(name="Ministry"), power=5, interest=5)
        client.force_login(donor)
        html = client.get(reverse("msp:dashboard", kwargs={"partnership_pk": partnership.pk})).content.decode()
        assert "1 member organisation" in html and "Cocoa Coop" in html
        assert "Key stakeholders not yet engaged" not in html and "Ministry" not in html

    def test_an_empty_map_says_so_and_links_to_it(self, client, partnership, secretariat, partner):
        dashboard = reverse("msp:dashboard", kwargs={"partnership_pk": partnership.pk})
        client.force_login(secretariat)
        html = client.get(dashboard).content.decode()
        assert "every key stakeholder on the map is consulted" not in html
        assert "The stakeholder map is empty." in html
        assert f'href="{url("map_add", partnership)}"' in html
        client.force_login(partner)
        html = client.get(dashboard).content.decode()
        assert "The stakeholder map is empty." in html and f'href="{url("map", partnership)}"' in html

    def test_a_map_whose_key_stakeholders_are_engaged_says_so(self, client, partnership, secretariat):
        MapEntryFactory(partnership=partnership, power=5, interest=5, engagement="involved")
        client.force_login(secretariat)
        html = client.get(reverse("msp:dashboard", kwargs={"partnership_pk": partnership.pk})).content.decode()
        assert "every key stakeholder on the map is consulted or further" in html
        assert "The stakeholder map is empty." not in html
