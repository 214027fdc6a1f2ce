"""The commitments pages: the list with per-year columns and totals per currency, filters and sorting, what each
role sees (donors only their own organisation's), the form's messages on bad input, and a formula-safe export."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from governance import services
from governance.models import Commitment
from msp.codelists import Currency
from tests.factories import ContactFactory, MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def _member(partnership, name):
    organisation = OrganisationFactory(name=name)
    MembershipFactory(partnership=partnership, organisation=organisation)
    return organisation


@pytest.fixture
def orgs(partnership):
    return _member(partnership, "Funder Foundation"), _member(partnership, "Farmers Union")


@pytest.fixture
def commitments(partnership, secretariat, orgs):
    funder, farmers = orgs
    eur = Currency.objects.get(pk="EUR")

    def save(**fields):
        return services.commitment_save(partnership=partnership, by=secretariat, **fields)

    return [
        save(
            organisation=funder,
            type="cash",
            description="=HYPERLINK(1)",
            value=Decimal("100000"),
            currency=eur,
            starts_on=dt.date(2026, 7, 1),
            ends_on=dt.date(2028, 6, 30),
            funder_expectations="Reports.",
        ),
        save(
            organisation=funder,
            type="cash",
            description="Withdrawn pledge",
            value=Decimal("5000"),
            currency=eur,
            starts_on=dt.date(2026, 1, 1),
            ends_on=dt.date(2026, 12, 31),
            status="withdrawn",
            no_expectations=True,
        ),
        save(
            organisation=farmers,
            type="staff_time",
            description="Lead farmers train",
            quantity=Decimal("120"),
            unit="person-days",
            starts_on=dt.date(2026, 1, 1),
            ends_on=dt.date(2026, 12, 31),
        ),
    ]


def url(partnership, name="commitments"):
    return reverse(f"governance:{name}", args=[partnership.pk])


def test_the_list_shows_years_totals_and_withdrawn_struck_out(client, partnership, secretariat, commitments):
    client.force_login(secretariat)
    page = client.get(url(partnership)).content.decode()
    assert '<th scope="col" class="text-end">2027</th>' in page
    assert "EUR 100,000.00" in page and "25,170.9986" not in page  # shown to the cent, stored to 4 places
    total = page[page.index('data-total="EUR"') :]
    total = total[: total.index("</tr>")]
    assert "Total in EUR (1 commitment)" in total and "EUR 100,000.00" in total  # the withdrawn 5,000 not counted
    withdrawn = page[page.index(f'data-commitment="{commitments[1].pk}"') :]
    assert "text-decoration-line-through" in withdrawn[: withdrawn.index("</tr>")]
    assert "120 person-days" in page and "not valued" in page


def test_filters_and_sorting(client, partnership, secretariat, commitments, orgs):
    client.force_login(secretariat)
    page = client.get(url(partnership) + "?type=staff_time").content.decode()
    assert "Lead farmers train" in page and "Withdrawn pledge" not in page
    page = client.get(url(partnership) + f"?organisation={orgs[0].pk}&status=withdrawn").content.decode()
    assert "Withdrawn pledge" in page and "HYPERLINK" not in page
    page = client.get(url(partnership) + "?sort=type").content.decode()
    assert page.index("HYPERLINK") < page.index("Lead farmers train")  # cash before staff time
    page = client.get(url(partnership) + "?sort=status").content.decode()
    assert page.index("HYPERLINK") < page.index("Withdrawn pledge")  # committed before withdrawn


def test_partners_see_all_without_editing(client, partnership, partner, commitments):
    client.force_login(partner)
    page = client.get(url(partnership)).content.decode()
    assert "Lead farmers train" in page and "HYPERLINK" in page and "Record a commitment" not in page


def test_donors_see_their_own_organisations_commitments_only(client, partnership, donor, commitments, orgs):
    client.force_login(donor)
    page = client.get(url(partnership)).content.decode()
    assert "Lead farmers train" not in page and "HYPERLINK" not in page
    assert "your account is not linked to a contact person" in page
    ContactFactory(organisation=orgs[0], user=donor, name="Dora Donor")
    page = client.get(url(partnership)).content.decode()
    assert "HYPERLINK" in page and "Lead farmers train" not in page
    assert "You see the commitments of your own organisation, Funder Foundation." in page
    export = client.get(url(partnership, "commitments_export")).content.decode("utf-8-sig")
    assert "HYPERLINK" in export and "Lead farmers train" not in export


def test_the_empty_list_says_what_to_do(client, partnership, secretariat):
    client.force_login(secretariat)
    page = client.get(url(partnership)).content.decode()
    assert "No commitments yet." in page and "Record what each member brings: money, staff time, expertise" in page


def test_export_is_formula_safe_with_a_column_per_year(client, partnership, secretariat, commitments):
    client.force_login(secretariat)
    response = client.get(url(partnership, "commitments_export") + "?type=cash")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][-3:] == ["2026", "2027", "2028"]
    first = next(dict(zip(rows[0], row, strict=True)) for row in rows[1:] if "HYPERLINK" in row[2])
    assert first["Description"] == "'=HYPERLINK(1)"
    assert (first["2026"], first["2027"], first["2028"]) == ("25170.9986", "49931.6005", "24897.4009")
    assert len(rows) == 3  # the two cash commitments, not the staff time
    xlsx = client.get(url(partnership, "commitments_export") + "?format=xlsx")
    assert xlsx.content[:2] == b"PK"


def _post(partnership, **changes):
    data = {
        "organisation": "",
        "type": "cash",
        "description": "Core funding",
        "value": "1000",
        "currency": "EUR",
        "starts_on": "2026-01-01",
        "ends_on": "2026-12-31",
        "status": "committed",
        "committed_on": "2026-01-01",
        "funder_expectations": "A report.",
    }
    return {**data, **changes}


def test_the_form_records_a_commitment(client, partnership, secretariat, orgs):
    client.force_login(secretariat)
    response = client.post(url(partnership, "commitment_add"), _post(partnership, organisation=orgs[0].pk), follow=True)
    assert "The commitment of Funder Foundation is recorded." in response.content.decode()
    commitment = Commitment.objects.get()
    assert commitment.value == Decimal("1000") and list(commitment.years.values_list("year", "amount")) == [
        (2026, Decimal("1000"))
    ]


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"value": "-10"}, "An amount cannot be negative: enter 0 or more."),
        ({"value": "12,34abc"}, "Enter the amount as a number, without a currency sign"),
        ({"currency": "ZZZ"}, "Unknown currency: choose one from the list"),
        ({"funder_expectations": ""}, "For cash, write down the funder&#x27;s expectations, or tick"),
        ({"ends_on": "2025-01-01"}, "The period cannot end before it starts."),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_what_was_typed(
    client, partnership, secretariat, orgs, changes, message
):
    client.force_login(secretariat)
    response = client.post(url(partnership, "commitment_add"), _post(partnership, organisation=orgs[0].pk, **changes))
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page and 'value="Core funding"' not in page and "Core funding</textarea>" in page
    assert not Commitment.objects.exists()


def test_a_non_member_is_refused(client, partnership, secretariat, outsider):
    stranger = OrganisationFactory(name="Stranger Ltd")
    client.force_login(secretariat)
    response = client.post(url(partnership, "commitment_add"), _post(partnership, organisation=stranger.pk))
    assert response.status_code == 400
    assert "only members (active or former) make commitments" in response.content.decode()


def test_editing_shows_a_field_per_year_and_the_rule(client, partnership, secretariat, commitments):
    client.force_login(secretariat)
    edit = reverse("governance:commitment_edit", args=[partnership.pk, commitments[0].pk])
    page = client.get(edit).content.decode()
    assert 'name="year_2027"' in page and "The amounts per year must add up to the value." in page
    data = _post(
        partnership,
        organisation=commitments[0].organisation_id,
        value="100000",
        starts_on="2026-07-01",
        ends_on="2028-06-30",
        year_2026="20000",
        year_2027="50000",
        year_2028="29000",
    )
    response = client.post(edit, data)
    assert response.status_code == 400
    assert "add up to 99,000.00, but the value is 100,000.00" in response.content.decode()
    response = client.post(edit, {**data, "year_2028": "30000"})
    assert response.status_code == 302
    assert dict(commitments[0].years.values_list("year", "amount"))[2028] == Decimal("30000")
