"""The organisation pickers search the registry as the person types (msp.widgets.SearchSelect): the page carries
only the current choice, the endpoint organisations:choices answers a page of matches at a time, to those who keep
the registry, and the forms validate the posted id as before."""

import re

import pytest
from django.urls import reverse

from stakeholders.models import Membership, Organisation
from tests.factories import MembershipFactory, OrganisationFactory, PartnershipFactory, RoleFactory
from tests.querycount import queries_for

CHOICES = reverse("organisations:choices")


def choices(client, **params):
    response = client.get(CHOICES, params)
    assert response.status_code == 200, response.status_code
    return response.json()


def texts(answer):
    return [row["text"] for row in answer["results"]]


def registry(n, prefix="Org"):
    """n organisations at once (bulk: the sizes of a real registry in a test's time)."""
    Organisation.objects.bulk_create(
        Organisation(name=f"{prefix} {i:04d}", sector="private", country_id="KE") for i in range(n)
    )


@pytest.fixture
def coop(db):
    return OrganisationFactory(
        name="Cocoa Farmers Cooperative", short_name="CFC", country_id="GH", iati_identifier="GH-CFC-42"
    )


class TestWhoMaySearch:
    def test_the_secretariat_and_superusers_search_the_registry(self, client, secretariat, superuser, coop):
        for user in (secretariat, superuser):
            client.force_login(user)
            assert texts(choices(client, q="cocoa")) == ["Cocoa Farmers Cooperative (CFC, GH)"]

    @pytest.mark.parametrize("who", ["partner", "donor"])
    def test_partners_and_donors_do_not(self, client, request, who, coop):
        client.force_login(request.getfixturevalue(who))
        response = client.get(CHOICES, {"q": "cocoa"})
        assert response.status_code == 403
        assert "Cocoa" not in response.content.decode()

    def test_signed_out_people_are_sent_to_sign_in(self, client, coop):
        response = client.get(CHOICES, {"q": "cocoa"})
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))

    def test_secretariat_elsewhere_cannot_learn_our_members(self, client, partnership, outsider, coop):
        """Staff of another partnership keep the registry too, but may not ask who is a member of ours."""
        MembershipFactory(partnership=partnership, organisation=coop)
        client.force_login(outsider)
        assert client.get(CHOICES, {"q": "cocoa"}).status_code == 200
        assert client.get(CHOICES, {"q": "cocoa", "not_member_of": partnership.pk}).status_code == 404
        assert client.get(CHOICES, {"q": "cocoa", "not_mapped_in": partnership.pk}).status_code == 404

    def test_a_partner_cannot_narrow_by_their_own_partnership_either(self, client, partnership, partner):
        client.force_login(partner)
        assert client.get(CHOICES, {"not_member_of": partnership.pk}).status_code == 403


class TestSearching:
    @pytest.fixture(autouse=True)
    def signed_in(self, client, secretariat):
        client.force_login(secretariat)

    def test_by_name_short_name_identifier_and_country(self, client, coop):
        OrganisationFactory(name="Kenya Tea Board", country_id="KE")
        assert texts(choices(client, q="farmers")) == ["Cocoa Farmers Cooperative (CFC, GH)"]
        assert texts(choices(client, q="cfc")) == ["Cocoa Farmers Cooperative (CFC, GH)"]
        assert texts(choices(client, q="GH-CFC")) == ["Cocoa Farmers Cooperative (CFC, GH)"]
        assert texts(choices(client, q="ghana")) == ["Cocoa Farmers Cooperative (CFC, GH)"]
        assert texts(choices(client, q="ke")) == ["Kenya Tea Board (KE)"]  # the country code
        assert texts(choices(client, q="cocoa ghana")) == ["Cocoa Farmers Cooperative (CFC, GH)"]  # every word
        assert texts(choices(client, q="cocoa kenya")) == []

    def test_nothing_typed_lists_the_registry_by_name(self, client, coop):
        OrganisationFactory(name="Abura Traders")
        assert texts(choices(client)) == ["Abura Traders", "Cocoa Farmers Cooperative (CFC, GH)"]

    def test_pages_of_twenty(self, client):
        registry(45)
        first, second, third = (choices(client, q="org", page=n) for n in (1, 2, 3))
        assert (len(first["results"]), first["next"]) == (20, 2)
        assert (len(second["results"]), second["next"]) == (20, 3)
        assert (len(third["results"]), third["next"]) == (5, None)
        assert texts(first)[0] == "Org 0000 (KE)" and texts(third)[-1] == "Org 0044 (KE)"
        assert choices(client, q="org", page=4) == {"results": [], "next": None}

    @pytest.mark.parametrize("number", ["abc", "0", "-1", "", "99999999999999999999"])
    def test_a_bad_page_number_is_no_error(self, client, coop, number):
        answer = choices(client, q="cocoa", page=number)
        assert answer["next"] is None

    def test_current_members_and_mapped_organisations_are_left_out_when_asked(self, client, partnership, coop):
        from .factories import MapEntryFactory

        other = OrganisationFactory(name="Cocoa Traders Ltd")
        MembershipFactory(partnership=partnership, organisation=coop)
        MapEntryFactory(partnership=partnership, organisation=other)
        assert texts(choices(client, q="cocoa", not_member_of=partnership.pk)) == ["Cocoa Traders Ltd"]
        assert texts(choices(client, q="cocoa", not_mapped_in=partnership.pk)) == [
            "Cocoa Farmers Cooperative (CFC, GH)"
        ]
        assert len(texts(choices(client, q="cocoa"))) == 2

    def test_a_page_costs_the_same_queries_at_any_size(self, client):
        registry(30)
        small, _ = queries_for(client, f"{CHOICES}?q=org")
        registry(3000, prefix="Org big")
        large, sql = queries_for(client, f"{CHOICES}?q=org&page=3")
        assert small == large, "\n".join(sql)


def member_add(partnership):
    return reverse("stakeholders:member_add", kwargs={"partnership_pk": partnership.pk})


class TestTheAddMemberForm:
    @pytest.fixture(autouse=True)
    def signed_in(self, client, secretariat):
        client.force_login(secretariat)

    def test_the_page_costs_the_same_at_30_and_at_3000_organisations(self, client, partnership):
        registry(30)
        small, _ = queries_for(client, member_add(partnership))
        small_size = len(client.get(member_add(partnership)).content)
        registry(2970, prefix="Big")
        large, sql = queries_for(client, member_add(partnership))
        page = client.get(member_add(partnership)).content.decode()
        assert small == large, "\n".join(sql)
        assert len(page.encode()) == small_size  # not one organisation more in the HTML
        assert "Big 0001" not in page and "Org 0001" not in page

    def test_the_picker_searches_the_registry_without_current_members(self, client, partnership):
        page = client.get(member_add(partnership)).content.decode()
        select = re.search(r"<select[^>]*name=\"organisation\"[^>]*>", page).group(0)
        assert f'data-picker-url="{CHOICES}?not_member_of={partnership.pk}"' in select
        assert 'data-placeholder="Type a name…"' in select

    def test_the_chosen_id_is_posted_and_saved(self, client, partnership, coop):
        data = {"organisation": coop.pk, "role": "partner", "joined_on": "2025-01-15"}
        response = client.post(member_add(partnership), data, follow=True)
        assert "Cocoa Farmers Cooperative is now a member." in response.content.decode()

    def test_after_an_error_the_choice_is_shown_again(self, client, partnership, coop):
        data = {"organisation": coop.pk, "role": "partner", "joined_on": "not a date"}
        page = client.post(member_add(partnership), data).content.decode()
        assert "Enter a valid date." in page
        assert f'<option value="{coop.pk}" selected>Cocoa Farmers Cooperative (CFC, GH)</option>' in page

    def test_an_organisation_outside_the_choice_is_refused_as_before(self, client, partnership, coop):
        MembershipFactory(partnership=partnership, organisation=coop)
        data = {"organisation": coop.pk, "role": "partner", "joined_on": "2025-01-15"}
        response = client.post(member_add(partnership), data)
        assert "Select a valid choice" in response.content.decode()
        assert Membership.objects.filter(partnership=partnership).count() == 1

    def test_coming_back_from_registering_an_organisation_it_is_chosen(self, client, partnership, coop):
        page = client.get(member_add(partnership), {"organisation": coop.pk}).content.decode()
        assert f'<option value="{coop.pk}" selected>Cocoa Farmers Cooperative (CFC, GH)</option>' in page


class TestWithoutJavaScript:
    """The select keeps the current choice; the text box under it (in <noscript>) takes an exact name."""

    @pytest.fixture(autouse=True)
    def signed_in(self, client, secretariat):
        client.force_login(secretariat)

    def test_the_page_offers_a_text_box(self, client, partnership):
        page = client.get(member_add(partnership)).content.decode()
        assert '<noscript><div class="mt-2"><label class="form-label small" for="id_organisation__find">' in page
        assert 'name="organisation__find"' in page

    @pytest.mark.parametrize("typed", ["cocoa farmers cooperative", "CFC", "gh-cfc-42"])
    def test_an_exact_name_short_name_or_identifier_chooses(self, client, partnership, coop, typed):
        data = {"organisation__find": typed, "role": "partner", "joined_on": "2025-01-15"}
        response = client.post(member_add(partnership), data, follow=True)
        assert "Cocoa Farmers Cooperative is now a member." in response.content.decode()

    def test_no_match_keeps_what_was_typed_with_the_error(self, client, partnership, coop):
        data = {"organisation__find": "Cocoa", "role": "partner", "joined_on": "2025-01-15"}
        page = client.post(member_add(partnership), data).content.decode()
        assert "Select a valid choice" in page
        assert 'name="organisation__find" id="id_organisation__find" value="Cocoa"' in page
        assert not Membership.objects.exists()

    @pytest.mark.parametrize("posted", ["99999999999999999999999", "abc", "<b>1</b>"])
    def test_a_bad_id_is_refused_without_an_error_page(self, client, partnership, posted):
        data = {"organisation": posted, "role": "partner", "joined_on": "2025-01-15"}
        response = client.post(member_add(partnership), data)
        assert response.status_code in (200, 400)
        assert "Select a valid choice" in response.content.decode()

    def test_a_current_member_typed_is_refused_too(self, client, partnership, coop):
        MembershipFactory(partnership=partnership, organisation=coop)
        data = {"organisation__find": "CFC", "role": "partner", "joined_on": "2025-01-15"}
        assert "Select a valid choice" in client.post(member_add(partnership), data).content.decode()


def test_the_map_form_leaves_out_mapped_organisations(client, partnership, secretariat):
    client.force_login(secretariat)
    registry(30)
    url = reverse("stakeholders:map_add", kwargs={"partnership_pk": partnership.pk})
    small, _ = queries_for(client, url)
    registry(2970, prefix="Big")
    large, sql = queries_for(client, url)
    page = client.get(url).content.decode()
    assert small == large, "\n".join(sql)
    assert f'data-picker-url="{CHOICES}?not_mapped_in={partnership.pk}"' in page
    assert "Big 0001" not in page


def test_another_partnerships_secretariat_adds_nothing_here(client, partnership, coop):
    staff_elsewhere = RoleFactory(partnership=PartnershipFactory(), role="secretariat").user
    client.force_login(staff_elsewhere)
    assert client.get(member_add(partnership)).status_code == 404
