"""Dates and numbers stay in plausible ranges, with a message that says which, in forms and in the import alike."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from stakeholders import services, spreadsheets
from stakeholders.models import Membership, StakeholderMapEntry
from tests.factories import ContactFactory, MembershipFactory, OrganisationFactory

from .factories import MapEntryFactory


def url(name, partnership, **kwargs):
    return reverse(f"stakeholders:{name}", kwargs={"partnership_pk": partnership.pk, **kwargs})


@pytest.fixture
def coop(db):
    return OrganisationFactory(name="Cocoa Coop", sector="civil_society", country_id="GH")


def in_years(years):
    return (timezone.localdate() + dt.timedelta(days=365 * years)).isoformat()


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("joined_on", "9999-12-31", "Joined: Give a date between 1 Jan 1900 and"),
        ("joined_on", "1200-01-01", "Joined: Give a date between 1 Jan 1900 and"),
        ("joined_on", in_years(3), "Joined: Give a date between 1 Jan 1900 and"),
        ("capacity_person_days", "99999999999", "at most 100,000 person-days a year"),
        ("capacity_person_days", "100001", "at most 100,000 person-days a year"),
    ],
)
def test_the_member_form_refuses_absurd_values_and_keeps_the_input(
    client, partnership, secretariat, coop, field, value, message
):
    client.force_login(secretariat)
    data = {"organisation": coop.pk, "role": "partner", "joined_on": "2025-01-15", field: value}
    response = client.post(url("member_add", partnership), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message.split(": ", 1)[-1] in html, html[html.find("invalid-feedback") - 300 :][:900]
    assert f'value="{value}"' in html
    assert not Membership.objects.exists()


def test_a_leaving_date_decades_ahead_is_refused(client, partnership, secretariat, coop):
    membership = MembershipFactory(partnership=partnership, organisation=coop, joined_on=dt.date(2024, 1, 1))
    client.force_login(secretariat)
    data = {"role": "partner", "joined_on": "2024-01-01", "left_on": in_years(40)}
    response = client.post(url("member_edit", partnership, pk=membership.pk), data)
    assert response.status_code == 200
    assert "Give a date between 1 Jan 1900 and" in response.content.decode()
    membership.refresh_from_db()
    assert membership.left_on is None


def test_reasonable_values_are_kept(client, partnership, secretariat, coop):
    client.force_login(secretariat)
    data = {"organisation": coop.pk, "role": "partner", "joined_on": "1995-06-01", "capacity_person_days": "5000"}
    response = client.post(url("member_add", partnership), data)
    assert response.status_code == 302
    assert Membership.objects.get().capacity_person_days == 5000


def test_the_map_refuses_an_exchange_in_the_future_or_long_ago(client, partnership, secretariat, coop):
    client.force_login(secretariat)
    base = {"organisation": coop.pk, "power": 3, "interest": 3, "influence": 3, "engagement": "informed"}
    for value in (in_years(1), "0001-01-01", "9999-12-31"):
        response = client.post(url("map_add", partnership), {**base, "last_engaged_on": value})
        assert response.status_code == 200
        assert "Give a date between 1 Jan 1900 and today." in response.content.decode()
        assert f'value="{value}"' in response.content.decode()
    assert not StakeholderMapEntry.objects.exists()


def test_services_refuse_absurd_values_too(partnership, secretariat, coop):
    with pytest.raises(ValidationError) as caught:
        services.membership_add(
            partnership=partnership, organisation=coop, by=secretariat, joined_on=dt.date(9999, 12, 31)
        )
    assert "joined_on" in caught.value.message_dict
    entry = MapEntryFactory(partnership=partnership, organisation=coop)
    with pytest.raises(ValidationError) as caught:
        services.map_entry_update(entry=entry, by=secretariat, last_engaged_on=dt.date(9999, 1, 1))
    assert "last_engaged_on" in caught.value.message_dict


@pytest.mark.parametrize("days", [0, 31, 36500])
def test_an_invitation_is_valid_for_one_to_thirty_days(partnership, secretariat, coop, days):
    MembershipFactory(partnership=partnership, organisation=coop)
    contact = ContactFactory(organisation=coop, email="ama@coop.example")
    with pytest.raises(ValidationError):
        services.invitation_create(
            partnership=partnership, contact=contact, role="partner", by=secretariat, valid_days=days
        )


@pytest.mark.parametrize(
    "kind, header, value, message",
    [
        ("members", "Joined", "9999-12-31", "Joined: Give a date between 1 Jan 1900 and"),
        ("members", "Left", "2999-01-01", "Left: Give a date between 1 Jan 1900 and"),
        ("members", "Capacity (person-days a year)", "99999999999", "at most 100,000 person-days a year"),
        ("map", "Last engaged", "2999-01-01", "Last engaged: Give a date between 1 Jan 1900 and today"),
    ],
)
def test_the_import_refuses_absurd_values_on_their_row(partnership, kind, header, value, message):
    extra = "Power,Interest," if kind == "map" else ""
    extra_values = "3,3," if kind == "map" else ""
    content = f"Organisation,Sector,{extra}{header}\nA,public,{extra_values}{value}\n"
    preview = spreadsheets.preview(partnership=partnership, kind=kind, filename="a.csv", content=content.encode())
    assert not preview.valid
    errors = preview.rows[0].errors
    assert any(message in e for e in errors), errors
