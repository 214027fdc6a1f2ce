"""The Governance tab's pages: bodies, seats, the secretariat and its staff, as each role sees them."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from governance import services
from governance.models import Body, Seat, SecretariatStaff
from msp import services as msp_services
from tests.factories import ContactFactory, OrganisationFactory


def url(name, partnership, *args):
    return reverse(f"governance:{name}", args=[partnership.pk, *args])


@pytest.fixture
def body(partnership, secretariat):
    return services.body_save(
        partnership=partnership,
        by=secretariat,
        type="steering_committee",
        name="Steering Committee",
        majority_threshold="two_thirds",
        is_primary=True,
        cadence=4,
    )


@pytest.fixture
def office(partnership, secretariat):
    host = OrganisationFactory(name="Neutral Institute")
    return services.body_save(
        partnership=partnership,
        by=secretariat,
        type="secretariat",
        name="Secretariat",
        majority_threshold="simple",
        host_organisation=host,
    )


def hire(office, by, name, **extra):
    fields = dict(role="coordinator", time_share=100, starts_on=dt.date.today())
    contact = ContactFactory(organisation=office.host_organisation, name=name, email=f"{name.split()[0]}@x.example")
    return services.staff_save(body=office, by=by, contact=contact, **{**fields, **extra})


def test_the_governance_tab_is_in_the_partnership_navigation(client, partnership, donor):
    client.force_login(donor)
    page = client.get(reverse("msp:dashboard", args=[partnership.pk])).content.decode()
    assert url("bodies", partnership) in page


def test_the_empty_list_says_what_to_do(client, partnership, secretariat, partner):
    client.force_login(secretariat)
    page = client.get(url("bodies", partnership)).content.decode()
    assert "No governance bodies yet." in page and url("body_add", partnership) in page
    client.force_login(partner)
    page = client.get(url("bodies", partnership)).content.decode()
    assert "has not recorded the partnership's governance bodies yet" in page
    assert url("body_add", partnership) not in page


def test_the_secretariat_adds_a_body(client, partnership, secretariat):
    client.force_login(secretariat)
    response = client.post(
        url("body_add", partnership),
        {"type": "working_group", "name": "Finance WG", "cadence": "6", "majority_threshold": "simple"},
        follow=True,
    )
    body = Body.objects.get(name="Finance WG")
    assert response.redirect_chain[-1][0] == url("body", partnership, body.pk)
    assert "“Finance WG” is added." in response.content.decode()
    assert (body.type, body.cadence, body.created_by) == ("working_group", 6, secretariat)


def test_a_refused_body_keeps_what_was_typed(client, partnership, secretariat, body):
    client.force_login(secretariat)
    response = client.post(
        url("body_add", partnership),
        {
            "type": "assembly",
            "name": "General Assembly",
            "is_primary": "on",
            "cadence": "1",
            "majority_threshold": "simple",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "is already the primary decision-making body" in page
    assert 'value="General Assembly"' in page
    assert not Body.objects.filter(name="General Assembly").exists()


def test_a_host_left_in_the_form_of_another_type_of_body_is_dropped(client, partnership, secretariat):
    client.force_login(secretariat)
    host = OrganisationFactory(name="Picked Before")
    data = {"type": "advisory", "name": "Advisers", "majority_threshold": "simple", "host_organisation": host.pk}
    assert client.post(url("body_add", partnership), data).status_code == 302
    assert Body.objects.get(name="Advisers").host_organisation is None


def test_setting_up_the_secretariat_starts_with_its_type(client, partnership, secretariat):
    client.force_login(secretariat)
    page = client.get(url("body_add", partnership) + "?type=secretariat").content.decode()
    assert '<option value="secretariat" selected>' in page


def test_the_body_page_shows_its_seats(client, partnership, secretariat, donor, body, kofi, awa):
    services.seat_save(body=body, by=secretariat, organisation=kofi.contact.organisation, is_chair=True)
    services.seat_save(body=body, by=secretariat, organisation=awa.contact.organisation, is_voting=False)
    client.force_login(donor)  # structure is not sensitive: donors see seats too
    page = client.get(url("body", partnership, body.pk)).content.decode()
    assert 'data-organisation="Ghana Cocoa Board"' in page and 'data-organisation="Kavokiva"' in page
    assert "Non-voting" in page and "Two-thirds majority" in page
    assert url("seat_add", partnership, body.pk) not in page


def test_a_seat_of_a_member_that_left_is_marked(client, partnership, secretariat, body, kofi):
    organisation = kofi.contact.organisation
    services.seat_save(body=body, by=secretariat, organisation=organisation)
    organisation.memberships.update(left_on=dt.date.today())
    client.force_login(secretariat)
    assert "No longer a member" in client.get(url("body", partnership, body.pk)).content.decode()


def test_the_secretariat_adds_a_seat(client, partnership, secretariat, body, kofi):
    client.force_login(secretariat)
    organisation = kofi.contact.organisation
    response = client.post(
        url("seat_add", partnership, body.pk), {"organisation": organisation.pk, "is_voting": "on"}, follow=True
    )
    assert "The seat of Ghana Cocoa Board is saved." in response.content.decode()
    assert Seat.objects.get(body=body).organisation == organisation


def test_a_seat_for_a_non_member_is_refused_with_a_message(client, partnership, secretariat, body):
    client.force_login(secretariat)
    stranger = OrganisationFactory(name="Stranger Ltd")
    page = client.get(url("seat_add", partnership, body.pk)).content.decode()
    assert "Stranger Ltd" not in page
    response = client.post(url("seat_add", partnership, body.pk), {"organisation": stranger.pk})
    assert response.status_code == 400
    assert "only members hold seats" in response.content.decode()
    assert not Seat.objects.exists()


def test_a_second_chair_is_refused_on_the_form(client, partnership, secretariat, body, kofi, awa):
    services.seat_save(body=body, by=secretariat, organisation=kofi.contact.organisation, is_chair=True)
    client.force_login(secretariat)
    response = client.post(
        url("seat_add", partnership, body.pk), {"organisation": awa.contact.organisation.pk, "is_chair": "on"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Ghana Cocoa Board already chairs Steering Committee" in page
    assert f'value="{awa.contact.organisation.pk}" selected' in page


def test_removing_a_seat_and_deleting_a_body(client, partnership, secretariat, body, kofi):
    seat = services.seat_save(body=body, by=secretariat, organisation=kofi.contact.organisation)
    client.force_login(secretariat)
    assert client.get(url("seat_remove", partnership, body.pk, seat.pk)).status_code == 405
    response = client.post(url("seat_remove", partnership, body.pk, seat.pk), follow=True)
    assert "Ghana Cocoa Board no longer has a seat on Steering Committee." in response.content.decode()
    response = client.post(url("body_delete", partnership, body.pk), follow=True)
    assert "“Steering Committee” is deleted." in response.content.decode()
    assert not Body.objects.exists()


def test_a_body_of_another_partnership_is_not_found(client, partnership, secretariat, outsider):
    from tests.factories import PartnershipFactory, RoleFactory

    elsewhere = PartnershipFactory()
    RoleFactory(partnership=elsewhere, user=secretariat, role="secretariat")
    other = services.body_save(
        partnership=elsewhere, by=secretariat, type="assembly", name="Assembly", majority_threshold="simple"
    )
    client.force_login(secretariat)
    assert client.get(url("body", partnership, other.pk)).status_code == 404
    assert client.post(url("body_delete", partnership, other.pk)).status_code == 404


def test_an_archived_partnership_shows_its_bodies_read_only(client, partnership, secretariat, body):
    msp_services.partnership_archive(partnership=partnership, by=secretariat)
    client.force_login(secretariat)
    page = client.get(url("body", partnership, body.pk)).content.decode()
    assert "Steering Committee" in page and url("body_edit", partnership, body.pk) not in page
    assert client.get(url("body_edit", partnership, body.pk)).status_code == 403
    assert client.post(url("body_delete", partnership, body.pk)).status_code == 403


# --- the secretariat page -------------------------------------------------------------------------------------


def test_without_a_secretariat_the_page_says_how_to_set_it_up(client, partnership, secretariat):
    client.force_login(secretariat)
    page = client.get(url("secretariat", partnership)).content.decode()
    assert "No secretariat yet." in page and "?type=secretariat" in page


def test_the_page_says_what_to_do_without_a_full_time_coordinator(client, partnership, secretariat, office):
    hire(office, secretariat, "Pat Parttime", time_share=50)
    client.force_login(secretariat)
    page = client.get(url("secretariat", partnership)).content.decode()
    assert "No full-time coordinator at present." in page
    assert "record them here as coordinator with 100 % of their working time" in page


def test_the_page_names_the_full_time_coordinator_to_partners(client, partnership, secretariat, partner, office):
    hire(office, secretariat, "Fatou Full")
    hire(office, secretariat, "Omar Officer", role="officer", time_share=40)
    client.force_login(partner)
    page = client.get(url("secretariat", partnership)).content.decode()
    assert "Fatou Full is the full-time coordinator" in page
    assert 'data-person="Omar Officer"' in page and "Neutral Institute" in page


def test_donors_see_the_host_and_the_roles_but_not_the_people(client, partnership, secretariat, donor, office):
    hire(office, secretariat, "Fatou Full")
    hire(office, secretariat, "Omar Officer", role="officer", time_share=40)
    donor.first_name, donor.last_name = "Dora", "Donor"  # the header shows the reader's own (random) name
    donor.save()
    client.force_login(donor)
    page = client.get(url("secretariat", partnership)).content.decode()
    assert "Neutral Institute" in page and "A full-time coordinator is in place" in page
    assert "Fatou" not in page and "Omar" not in page and "40 %" not in page  # (not "40": the CSRF token may hold it)
    assert 'id="staff-roles"' in page


def test_the_secretariat_records_staff_and_keeps_input_on_errors(client, partnership, secretariat, office):
    person = ContactFactory(organisation=office.host_organisation, name="Nadia New")
    client.force_login(secretariat)
    data = {"contact": person.pk, "role": "coordinator", "time_share": "150", "starts_on": "2025-01-01"}
    response = client.post(url("staff_add", partnership), data)
    assert response.status_code == 400 and 'value="150"' in response.content.decode()
    response = client.post(url("staff_add", partnership), {**data, "time_share": "100"}, follow=True)
    assert "Nadia New is saved in the secretariat&#x27;s staff." in response.content.decode()
    staff = SecretariatStaff.objects.get()
    response = client.post(url("staff_remove", partnership, staff.pk), follow=True)
    assert "Nadia New is no longer on the secretariat&#x27;s staff." in response.content.decode()


def test_the_staff_form_offers_only_people_of_the_host(client, partnership, secretariat, office):
    ContactFactory(organisation=office.host_organisation, name="Hana Host")
    ContactFactory(organisation=OrganisationFactory(), name="Eli Elsewhere")
    client.force_login(secretariat)
    page = client.get(url("staff_add", partnership)).content.decode()
    assert "Hana Host" in page and "Eli Elsewhere" not in page


def test_a_secretariat_body_page_leads_to_the_secretariat_page(client, partnership, secretariat, office):
    client.force_login(secretariat)
    response = client.get(url("body", partnership, office.pk))
    assert response.status_code == 302 and response["Location"] == url("secretariat", partnership)


def test_staff_forms_need_a_secretariat(client, partnership, secretariat):
    client.force_login(secretariat)
    assert client.get(url("staff_add", partnership)).status_code == 404


def test_removing_a_seat_or_a_staff_member_asks_first(client, partnership, secretariat, body, office, kofi):
    services.seat_save(body=body, by=secretariat, organisation=kofi.contact.organisation)
    staff = hire(office, secretariat, "Fatou Full")
    client.force_login(secretariat)
    page = client.get(url("body", partnership, body.pk)).content.decode()
    form = page[page.rindex("<form", 0, page.index("/remove/")) : page.index("/remove/") + 200]
    assert 'data-confirm="Remove the seat of Ghana Cocoa Board on Steering Committee?"' in form
    page = client.get(url("secretariat", partnership)).content.decode()
    remove = url("staff_remove", partnership, staff.pk)
    form = page[page.rindex("<form", 0, page.index(remove)) : page.index(remove) + len(remove) + 300]
    assert "data-confirm=\"Remove Fatou Full from the secretariat's staff?" in form


def test_the_staff_form_refuses_a_person_of_another_organisation(client, partnership, secretariat, office):
    elsewhere = ContactFactory(organisation=OrganisationFactory(name="Elsewhere"), name="Eli Elsewhere")
    client.force_login(secretariat)
    data = {"contact": elsewhere.pk, "role": "officer", "time_share": "40", "starts_on": "2025-01-01"}
    response = client.post(url("staff_add", partnership), data)
    page = response.content.decode()
    assert response.status_code == 400 and "Choose a contact person of the secretariat&#x27;s host organisation" in page
    assert 'value="40"' in page and not SecretariatStaff.objects.exists()


def test_the_host_cannot_change_while_its_people_are_staff(client, partnership, secretariat, office):
    hire(office, secretariat, "Fatou Full")
    other = OrganisationFactory(name="Other Host")
    client.force_login(secretariat)
    data = {"type": "secretariat", "name": "Secretariat", "majority_threshold": "simple", "host_organisation": other.pk}
    response = client.post(url("body_edit", partnership, office.pk), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Its staff are contact persons of Neutral Institute: remove them before another organisation hosts" in page
    office.refresh_from_db()
    assert office.host_organisation.name == "Neutral Institute"
    # once they are removed, the host changes, and only the new host's people can join the staff
    services.staff_remove(staff=SecretariatStaff.objects.get(), by=secretariat)
    assert client.post(url("body_edit", partnership, office.pk), data).status_code == 302
    office.refresh_from_db()
    assert office.host_organisation == other
    old_hand = ContactFactory(organisation=OrganisationFactory(name="Neutral Institute 2"), name="Nadia Neutral")
    with pytest.raises(ValidationError) as exc:
        services.staff_save(
            body=office, by=secretariat, contact=old_hand, role="officer", time_share=50, starts_on=dt.date.today()
        )
    assert "not of the secretariat's host, Other Host" in " ".join(exc.value.message_dict["contact"])
