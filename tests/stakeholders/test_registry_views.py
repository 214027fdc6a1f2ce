"""The organisation registry: shared by all partnerships, kept by secretariat staff, wary of duplicates."""

import pytest
from django.urls import reverse

from stakeholders.models import ContactPerson, Organisation
from tests.factories import ContactFactory, MembershipFactory, OrganisationFactory, PartnershipFactory

from .factories import InvitationFactory, MapEntryFactory

NEW = {"name": "Ghana Cocoa Board", "short_name": "COCOBOD", "sector": "public", "country": "GH", "iati_type": "10"}


@pytest.fixture
def signed_in(client, secretariat):
    client.force_login(secretariat)
    return client


def test_secretariat_registers_an_organisation(signed_in):
    response = signed_in.post(reverse("organisations:create"), NEW, follow=True)
    organisation = Organisation.objects.get(name="Ghana Cocoa Board")
    assert response.redirect_chain[-1][0] == reverse("organisations:detail", kwargs={"pk": organisation.pk})
    assert "Ghana Cocoa Board is in the registry." in response.content.decode()
    assert (organisation.country_id, organisation.iati_type_id) == ("GH", "10")


def test_a_near_duplicate_is_refused_once_with_links_then_saved_when_confirmed(signed_in):
    existing = OrganisationFactory(name="Ghana Cocoa Board Ltd.", sector="public")
    response = signed_in.post(reverse("organisations:create"), {**NEW, "name": "Ghana Cocoa Bord"})
    html = response.content.decode()
    assert "already has organisations with a similar name" in html
    assert reverse("organisations:detail", kwargs={"pk": existing.pk}) in html
    assert 'value="Ghana Cocoa Bord"' in html  # what was typed is kept
    assert Organisation.objects.count() == 1

    response = signed_in.post(
        reverse("organisations:create"), {**NEW, "name": "Ghana Cocoa Bord", "confirm_distinct": "on"}
    )
    assert response.status_code == 302
    assert Organisation.objects.count() == 2


def test_a_short_name_already_used_counts_as_similar(signed_in):
    OrganisationFactory(name="Conseil du Café-Cacao", short_name="CCC")
    response = signed_in.post(reverse("organisations:create"), {**NEW, "name": "Le Conseil", "short_name": "ccc"})
    assert "Conseil du Café-Cacao" in response.content.decode()


def test_the_name_is_checked_while_typing(signed_in):
    OrganisationFactory(name="Forest Futures Network")
    html = signed_in.get(reverse("organisations:similar"), {"name": "Forest Future Network"}).content.decode()
    assert "Forest Futures Network" in html
    assert signed_in.get(reverse("organisations:similar"), {"name": "Something else"}).content.decode().strip() == ""


def test_an_iati_identifier_belongs_to_one_organisation(signed_in):
    OrganisationFactory(name="Fund for Partnerships", iati_identifier="DE-CR-1234")
    response = signed_in.post(reverse("organisations:create"), {**NEW, "iati_identifier": "de-cr-1234"})
    assert "This IATI identifier belongs to" in response.content.decode()
    assert not Organisation.objects.filter(name="Ghana Cocoa Board").exists()


def test_new_from_add_member_goes_back_there_with_the_organisation_chosen(signed_in, partnership):
    back = reverse("stakeholders:member_add", kwargs={"partnership_pk": partnership.pk})
    response = signed_in.post(reverse("organisations:create") + f"?next={back}", {**NEW, "next": back})
    organisation = Organisation.objects.get(name="Ghana Cocoa Board")
    assert response["Location"] == f"{back}?organisation={organisation.pk}"
    form = signed_in.get(response["Location"]).context["form"]
    assert str(form.initial["organisation"]) == str(organisation.pk)


def test_an_unsafe_next_is_ignored(signed_in):
    response = signed_in.post(reverse("organisations:create"), {**NEW, "next": "https://evil.example/"})
    assert response["Location"].startswith("/organisations/")


def test_bad_input_is_explained_and_kept(signed_in):
    response = signed_in.post(
        reverse("organisations:create"), {**NEW, "sector": "royalty", "website": "nope", "country": "XX"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("is not one of the available choices") >= 2
    assert "Enter a valid URL." in html
    assert 'value="Ghana Cocoa Board"' in html


def test_editing_keeps_its_own_name_out_of_the_duplicate_check(signed_in):
    organisation = OrganisationFactory(name="Ghana Cocoa Board", sector="public")
    url = reverse("organisations:edit", kwargs={"pk": organisation.pk})
    response = signed_in.post(url, {**NEW, "description": "Regulator."})
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.description == "Regulator."


class TestRemoving:
    def test_an_unused_organisation_is_removed_with_its_contacts(self, signed_in):
        organisation = OrganisationFactory(name="Mistake Ltd")
        ContactFactory(organisation=organisation)
        url = reverse("organisations:delete", kwargs={"pk": organisation.pk})
        assert "Its 1 contact person is removed with it." in signed_in.get(url).content.decode()
        response = signed_in.post(url, follow=True)
        assert "Mistake Ltd is removed from the registry." in response.content.decode()
        assert not Organisation.objects.exists() and not ContactPerson.objects.exists()

    def test_a_member_anywhere_is_refused_naming_where(self, signed_in, partnership, secretariat):
        organisation = OrganisationFactory(name="Cocoa Coop")
        MembershipFactory(
            partnership=partnership, organisation=organisation, joined_on="2020-01-01", left_on="2021-01-01"
        )
        MapEntryFactory(organisation=organisation, partnership=PartnershipFactory(name="Secret partnership"))
        url = reverse("organisations:delete", kwargs={"pk": organisation.pk})
        page = signed_in.get(url).content.decode()
        assert "It cannot be removed" in page and "Cocoa Partnership" in page
        assert "1 other partnership you have no access to" in page and "Secret partnership" not in page
        response = signed_in.post(url, follow=True)
        html = response.content.decode()
        assert "Cocoa Coop cannot be removed" in html
        assert "“Cocoa Partnership”" in html.replace("&ldquo;", "“").replace("&rdquo;", "”")
        assert "Secret partnership" not in html
        assert Organisation.objects.filter(pk=organisation.pk).exists()
        assert organisation.memberships.count() == 1  # the history stays

    def test_an_organisation_whose_people_were_invited_is_kept(self, signed_in, partnership):
        contact = ContactFactory()
        InvitationFactory(partnership=partnership, contact=contact)
        response = signed_in.post(reverse("organisations:delete", kwargs={"pk": contact.organisation.pk}), follow=True)
        assert "have been invited to a partnership" in response.content.decode()
        assert Organisation.objects.filter(pk=contact.organisation.pk).exists()


class TestContacts:
    def test_secretariat_adds_a_contact(self, signed_in):
        organisation = OrganisationFactory(name="Cocoa Coop")
        url = reverse("organisations:contact_create", kwargs={"pk": organisation.pk})
        data = {
            "name": "Awa Koné",
            "job_title": "President",
            "seniority": "executive",
            "email": "awa@coop.example",
            "is_active": "on",
            "may_sign": "on",
        }
        response = signed_in.post(url, data, follow=True)
        assert "Awa Koné is a contact of Cocoa Coop." in response.content.decode()
        contact = organisation.contacts.get()
        assert contact.may_sign and contact.seniority == "executive"

    def test_a_bad_email_is_refused_and_the_typing_kept(self, signed_in):
        organisation = OrganisationFactory()
        url = reverse("organisations:contact_create", kwargs={"pk": organisation.pk})
        response = signed_in.post(url, {"name": "Awa Koné", "seniority": "staff", "email": "awa-at-coop"})
        html = response.content.decode()
        assert "Enter a valid email address." in html and 'value="Awa Koné"' in html
        assert not organisation.contacts.exists()

    def test_editing_from_a_partnership_goes_back_there(self, signed_in, partnership):
        contact = ContactFactory(name="Kofi")
        back = reverse("stakeholders:contacts", kwargs={"partnership_pk": partnership.pk})
        url = reverse("organisations:contact_edit", kwargs={"pk": contact.pk})
        data = {"name": "Kofi Boateng", "seniority": "staff", "email": contact.email, "next": back}
        response = signed_in.post(url, data)
        assert response["Location"] == back
        contact.refresh_from_db()
        assert contact.name == "Kofi Boateng"


@pytest.mark.parametrize("who", ["partner", "donor"])
def test_partners_and_donors_do_not_keep_the_registry(client, users, who):
    client.force_login(users[who])
    organisation = OrganisationFactory()
    assert client.get(reverse("organisations:list")).status_code == 403
    assert client.post(reverse("organisations:create"), NEW).status_code == 403
    assert client.post(reverse("organisations:delete", kwargs={"pk": organisation.pk})).status_code == 403
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    assert not Organisation.objects.filter(name=NEW["name"]).exists()


def test_the_list_filters_and_shows_an_empty_state(signed_in):
    html = signed_in.get(reverse("organisations:list")).content.decode()
    assert "The registry is empty." in html
    OrganisationFactory(name="Ghana Cocoa Board", sector="public", country_id="GH")
    OrganisationFactory(name="Choco AG", sector="private", country_id="CH")
    html = signed_in.get(reverse("organisations:list"), {"sector": "private"}).content.decode()
    assert "Choco AG" in html and "Ghana Cocoa Board" not in html
    html = signed_in.get(reverse("organisations:list"), {"q": "zzz"}).content.decode()
    assert "No organisation matches these filters." in html


def test_the_list_counts_only_memberships_the_user_may_know(signed_in, partnership):
    organisation = OrganisationFactory(name="Cocoa Coop")
    MembershipFactory(partnership=partnership, organisation=organisation)
    MembershipFactory(partnership=PartnershipFactory(name="Secret partnership"), organisation=organisation)
    [listed] = signed_in.get(reverse("organisations:list")).context["page_obj"].object_list
    assert listed.member_of == 1


def test_the_detail_shows_only_partnerships_the_user_may_know(signed_in, partnership):
    organisation = OrganisationFactory(name="Cocoa Coop")
    MembershipFactory(partnership=partnership, organisation=organisation)
    MembershipFactory(partnership=PartnershipFactory(name="Secret partnership"), organisation=organisation)
    html = signed_in.get(reverse("organisations:detail", kwargs={"pk": organisation.pk})).content.decode()
    assert "Cocoa Partnership" in html and "Secret partnership" not in html
