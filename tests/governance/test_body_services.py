"""Governance bodies, seats and the secretariat's staff: what the services accept and what they refuse, in words."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from governance import services
from governance.models import Body, Seat, SecretariatStaff
from governance.selectors import bodies as selectors
from msp import services as msp_services
from tests.factories import ContactFactory, MembershipFactory, OrganisationFactory

TODAY = timezone.localdate()


def committee(partnership, by, **extra):
    fields = dict(type="steering_committee", name="Steering Committee", majority_threshold="simple")
    return services.body_save(partnership=partnership, by=by, **{**fields, **extra})


def secretariat_body(partnership, by, host, **extra):
    fields = dict(type="secretariat", name="Secretariat", majority_threshold="simple", host_organisation=host)
    return services.body_save(partnership=partnership, by=by, **{**fields, **extra})


def org_of(user):
    return user.contact.organisation


def messages_of(exc_info, field):
    return " ".join(exc_info.value.message_dict[field])


@pytest.fixture
def body(partnership, secretariat):
    return committee(partnership, secretariat, is_primary=True, cadence=4, majority_threshold="two_thirds")


@pytest.fixture
def host(partnership):
    return OrganisationFactory(name="Neutral Institute")


def test_it_creates_a_body_with_its_settings(body):
    body.refresh_from_db()
    assert (body.type, body.is_primary, body.cadence, body.majority_threshold) == (
        "steering_committee",
        True,
        4,
        "two_thirds",
    )
    assert body.host_organisation is None


def test_the_majority_threshold_is_simple_by_default(partnership, secretariat):
    body = services.body_save(
        partnership=partnership, by=secretariat, type="assembly", name="Assembly", majority_threshold="simple"
    )
    assert Body._meta.get_field("majority_threshold").default == "simple"
    assert body.majority_threshold == "simple"


def test_it_refuses_a_second_body_of_the_same_name(partnership, secretariat, body):
    with pytest.raises(ValidationError) as exc:
        committee(partnership, secretariat, name="steering committee")
    assert "already a body named" in messages_of(exc, "name")


def test_only_one_body_is_primary(partnership, secretariat, body):
    with pytest.raises(ValidationError) as exc:
        committee(partnership, secretariat, name="Assembly", type="assembly", is_primary=True)
    assert "“Steering Committee” is already the primary decision-making body" in messages_of(exc, "is_primary")


def test_partners_and_donors_may_not_create_bodies(partnership, partner, donor):
    for user in (partner, donor):
        with pytest.raises(PermissionDenied):
            committee(partnership, user)


def test_an_archived_partnership_takes_no_new_body(partnership, secretariat):
    msp_services.partnership_archive(partnership=partnership, by=secretariat)
    partnership.refresh_from_db()
    with pytest.raises(PermissionDenied):
        committee(partnership, secretariat)


def test_the_secretariat_needs_a_host(partnership, secretariat):
    with pytest.raises(ValidationError) as exc:
        secretariat_body(partnership, secretariat, None)
    assert "hosts the secretariat" in messages_of(exc, "host_organisation")


def test_there_is_one_secretariat_per_partnership(partnership, secretariat, host):
    secretariat_body(partnership, secretariat, host)
    with pytest.raises(ValidationError) as exc:
        secretariat_body(partnership, secretariat, host, name="Second secretariat")
    assert "already has its secretariat, “Secretariat”" in messages_of(exc, "type")


def test_the_database_holds_one_secretariat_per_partnership_too(partnership, secretariat, host):
    secretariat_body(partnership, secretariat, host)
    with pytest.raises(IntegrityError), transaction.atomic():
        Body.objects.create(partnership=partnership, type="secretariat", name="Other", host_organisation=host)


def test_the_secretariat_cannot_be_the_primary_body(partnership, secretariat, host):
    with pytest.raises(ValidationError) as exc:
        secretariat_body(partnership, secretariat, host, is_primary=True)
    assert "does not take them" in messages_of(exc, "is_primary")


def test_only_the_secretariat_has_a_host(partnership, secretariat, host):
    body = committee(partnership, secretariat, host_organisation=host)
    assert body.host_organisation is None


def test_a_seat_goes_to_an_active_member(body, secretariat, kofi):
    seat = services.seat_save(body=body, by=secretariat, organisation=org_of(kofi), is_voting=True, is_chair=True)
    assert (seat.organisation, seat.is_voting, seat.is_chair) == (org_of(kofi), True, True)


def test_a_seat_for_an_organisation_that_is_not_a_member_is_refused(body, secretariat):
    stranger = OrganisationFactory(name="Stranger Ltd")
    with pytest.raises(ValidationError) as exc:
        services.seat_save(body=body, by=secretariat, organisation=stranger)
    assert "Stranger Ltd is not an active member of this partnership" in messages_of(exc, "organisation")
    assert not Seat.objects.exists()


def test_a_seat_for_a_member_that_left_is_refused(partnership, body, secretariat):
    former = OrganisationFactory(name="Former Member")
    MembershipFactory(partnership=partnership, organisation=former, joined_on="2020-01-01", left_on="2021-01-01")
    with pytest.raises(ValidationError) as exc:
        services.seat_save(body=body, by=secretariat, organisation=former)
    assert "Former Member is not an active member" in messages_of(exc, "organisation")


def test_an_organisation_has_one_seat_per_body(body, secretariat, kofi):
    services.seat_save(body=body, by=secretariat, organisation=org_of(kofi))
    with pytest.raises(ValidationError) as exc:
        services.seat_save(body=body, by=secretariat, organisation=org_of(kofi))
    assert "Ghana Cocoa Board already has a seat on Steering Committee" in messages_of(exc, "organisation")


def test_a_body_has_at_most_one_chair(body, secretariat, kofi, awa):
    services.seat_save(body=body, by=secretariat, organisation=org_of(kofi), is_chair=True)
    with pytest.raises(ValidationError) as exc:
        services.seat_save(body=body, by=secretariat, organisation=org_of(awa), is_chair=True)
    assert "Ghana Cocoa Board already chairs Steering Committee" in messages_of(exc, "is_chair")
    assert Seat.objects.filter(is_chair=True).count() == 1


def test_the_database_holds_one_chair_too(body, secretariat, kofi, awa):
    services.seat_save(body=body, by=secretariat, organisation=org_of(kofi), is_chair=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        Seat.objects.create(body=body, organisation=org_of(awa), is_chair=True)


def test_the_chair_passes_once_taken_from_its_seat(body, secretariat, kofi, awa):
    first = services.seat_save(body=body, by=secretariat, organisation=org_of(kofi), is_chair=True)
    services.seat_save(body=body, by=secretariat, seat=first, organisation=org_of(kofi), is_chair=False)
    second = services.seat_save(body=body, by=secretariat, organisation=org_of(awa), is_chair=True)
    assert list(Seat.objects.filter(is_chair=True)) == [second]


def test_a_seat_is_changed_and_removed(body, secretariat, kofi):
    seat = services.seat_save(body=body, by=secretariat, organisation=org_of(kofi))
    services.seat_save(body=body, by=secretariat, seat=seat, organisation=org_of(kofi), is_voting=False)
    seat.refresh_from_db()
    assert not seat.is_voting
    services.seat_remove(seat=seat, by=secretariat)
    assert not Seat.objects.exists()


def test_partners_may_not_give_seats(body, kofi):
    with pytest.raises(PermissionDenied):
        services.seat_save(body=body, by=kofi, organisation=org_of(kofi))


def test_the_secretariat_has_staff_not_seats(partnership, secretariat, host, kofi):
    body = secretariat_body(partnership, secretariat, host)
    with pytest.raises(ValidationError) as exc:
        services.seat_save(body=body, by=secretariat, organisation=org_of(kofi))
    assert "has staff, not seats" in " ".join(exc.value.messages)


def test_deleting_a_body_deletes_its_seats(body, secretariat, kofi):
    services.seat_save(body=body, by=secretariat, organisation=org_of(kofi))
    services.body_delete(body=body, by=secretariat)
    assert not Body.objects.exists() and not Seat.objects.exists()


# --- the secretariat's staff ----------------------------------------------------------------------------------


@pytest.fixture
def office(partnership, secretariat, host):
    return secretariat_body(partnership, secretariat, host)


def hire(office, by, contact, **extra):
    fields = dict(role="coordinator", time_share=100, starts_on=TODAY - dt.timedelta(days=30))
    return services.staff_save(body=office, by=by, contact=contact, **{**fields, **extra})


def test_staff_are_contact_persons_of_the_host(office, secretariat, host):
    person = ContactFactory(organisation=host, name="Nadia Host")
    staff = hire(office, secretariat, person, role="officer", time_share=40)
    assert (staff.role, staff.time_share, staff.contact) == ("officer", 40, person)


def test_a_person_of_another_organisation_is_refused(office, secretariat):
    outsider = ContactFactory(organisation=OrganisationFactory(name="Elsewhere"), name="Otto Other")
    with pytest.raises(ValidationError) as exc:
        hire(office, secretariat, outsider)
    assert "Otto Other is a contact person of Elsewhere, not of the secretariat's host, Neutral Institute" in (
        messages_of(exc, "contact")
    )


def test_an_inactive_person_is_refused(office, secretariat, host):
    person = ContactFactory(organisation=host, name="Ina Active", is_active=False)
    with pytest.raises(ValidationError) as exc:
        hire(office, secretariat, person)
    assert "marked inactive" in messages_of(exc, "contact")


@pytest.mark.parametrize("share", [0, 101])
def test_the_share_of_working_time_is_between_1_and_100(office, secretariat, host, share):
    with pytest.raises(ValidationError) as exc:
        hire(office, secretariat, ContactFactory(organisation=host), time_share=share)
    assert "time_share" in exc.value.message_dict


def test_the_end_is_not_before_the_start(office, secretariat, host):
    with pytest.raises(ValidationError) as exc:
        hire(office, secretariat, ContactFactory(organisation=host), ends_on=TODAY - dt.timedelta(days=60))
    assert "before the start date" in messages_of(exc, "ends_on")


def test_only_the_secretariat_has_staff(body, secretariat, host):
    with pytest.raises(ValidationError) as exc:
        hire(body, secretariat, ContactFactory(organisation=host))
    assert "Only the secretariat has staff" in " ".join(exc.value.messages)


def test_the_host_changes_only_without_staff_of_the_old_host(partnership, office, secretariat, host):
    hire(office, secretariat, ContactFactory(organisation=host))
    with pytest.raises(ValidationError) as exc:
        secretariat_body(partnership, secretariat, OrganisationFactory(name="New Host"), body=office)
    assert "contact persons of Neutral Institute" in messages_of(exc, "host_organisation")


def test_a_full_time_current_coordinator_is_found(partnership, office, secretariat, host):
    assert selectors.secretariat_for(partnership).full_time_coordinator is None
    hire(office, secretariat, ContactFactory(organisation=host), time_share=80)
    hire(office, secretariat, ContactFactory(organisation=host), role="officer", time_share=100)
    ended = ContactFactory(organisation=host)
    hire(office, secretariat, ended, starts_on=TODAY - dt.timedelta(days=400), ends_on=TODAY - dt.timedelta(days=1))
    assert selectors.secretariat_for(partnership).full_time_coordinator is None
    full = hire(office, secretariat, ContactFactory(organisation=host, name="Fatou Full"))
    found = selectors.secretariat_for(partnership)
    assert found.full_time_coordinator == full
    assert dict(found.roles) == {"Coordinator": 2, "Officer": 1}


def test_staff_are_changed_and_removed(office, secretariat, host):
    staff = hire(office, secretariat, ContactFactory(organisation=host))
    services.staff_save(
        body=office,
        by=secretariat,
        staff=staff,
        contact=staff.contact,
        role="officer",
        time_share=20,
        starts_on=staff.starts_on,
        ends_on=TODAY,
    )
    staff.refresh_from_db()
    assert (staff.role, staff.time_share, staff.ends_on) == ("officer", 20, TODAY)
    services.staff_remove(staff=staff, by=secretariat)
    assert not SecretariatStaff.objects.exists()


def test_changes_show_in_the_activity_feed(partnership, body, secretariat, kofi):
    from msp.selectors import activity_for

    services.seat_save(body=body, by=secretariat, organisation=org_of(kofi))
    models = {entry.content_type.model for entry in activity_for(partnership)}
    assert {"body", "seat"} <= models


def test_a_neutral_host_stays_in_the_registry_while_it_hosts_a_secretariat(office, secretariat, host):
    from stakeholders import services as stakeholder_services

    hire(office, secretariat, ContactFactory(organisation=host))
    with pytest.raises(ValidationError) as exc:
        stakeholder_services.organisation_delete(organisation=host, by=secretariat)
    assert "Neutral Institute cannot be removed" in " ".join(exc.value.messages)
