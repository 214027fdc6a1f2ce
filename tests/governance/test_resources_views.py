"""The resources overview page and the dashboard's resources card, as the secretariat, a partner and a donor: the
figures, the concentration warning and what a donor may see (totals, shares without other funders' names, their
own organisation's commitments)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from governance import services
from governance.models import ExchangeRate
from msp.codelists import Currency
from msp.models import Role
from tests.factories import ContactFactory, MembershipFactory, OrganisationFactory, PartnershipFactory, RoleFactory

pytestmark = pytest.mark.django_db
YEAR = dt.date.today().year


@pytest.fixture
def world():
    partnership = PartnershipFactory(currency_id="EUR")
    secretariat = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
    partner = RoleFactory(partnership=partnership, role=Role.PARTNER).user
    donor = RoleFactory(partnership=partnership, role=Role.DONOR).user
    orgs = {}
    for name in ("Big Foundation", "Small Fund"):
        orgs[name] = OrganisationFactory(name=name)
        MembershipFactory(partnership=partnership, organisation=orgs[name])
    ContactFactory(organisation=orgs["Small Fund"], user=donor)
    return {"partnership": partnership, "secretariat": secretariat, "partner": partner, "donor": donor, **orgs}


def commit(w, name, value, currency="EUR"):
    services.commitment_save(
        partnership=w["partnership"],
        by=w["secretariat"],
        organisation=w[name],
        type="cash",
        description=f"Core funding from {name}",
        value=Decimal(value),
        currency=Currency.objects.get(pk=currency),
        starts_on=dt.date(YEAR, 1, 1),
        ends_on=dt.date(YEAR, 12, 31),
        no_expectations=True,
    )


def page(client, w, who):
    client.force_login(w[who])
    response = client.get(reverse("governance:resources", args=[w["partnership"].pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_an_empty_partnership_says_what_to_record_first(client, world):
    html = page(client, world, "secretariat")
    assert "No resources recorded yet." in html
    assert reverse("governance:commitment_add", args=[world["partnership"].pk]) in html


def test_the_secretariat_sees_every_source_and_the_concentration_warning(client, world):
    commit(world, "Big Foundation", 700)
    commit(world, "Small Fund", 300)
    services.budget_line_save(
        partnership=world["partnership"],
        by=world["secretariat"],
        category="secretariat",
        description="Coordinator",
        year=YEAR,
        amount=Decimal(2000),
        currency="EUR",
    )
    html = page(client, world, "secretariat")
    assert 'id="concentration-warning"' in html and "70%" in html
    assert 'id="hhi">0.58<' in html  # 0.49 + 0.09
    assert "Big Foundation" in html and "Small Fund" in html
    assert "EUR 2,000.00" in html and "EUR 1,000.00" in html and "50%" in html  # planned, committed, coverage


def test_a_donor_sees_totals_and_their_own_organisation_but_no_other_funder(client, world):
    commit(world, "Big Foundation", 700)
    commit(world, "Small Fund", 300)
    html = page(client, world, "donor")
    assert "EUR 1,000.00" in html and 'id="concentration-warning"' in html
    assert "Big Foundation" not in html
    assert "Small Fund" in html and "Other sources" in html
    assert 'id="own-commitments"' in html and "EUR 300.00" in html


def test_a_missing_rate_is_shown_instead_of_a_figure(client, world):
    commit(world, "Big Foundation", 700, currency="XOF")
    html = page(client, world, "partner")
    assert f"no rate for XOF on {YEAR}-01-01" in html


def test_a_converted_figure_says_which_rate_it_used(client, world):
    ExchangeRate.objects.create(base_id="USD", quote_id="EUR", date=dt.date(YEAR - 1, 12, 1), rate=Decimal("0.9"))
    commit(world, "Big Foundation", 1000, currency="USD")
    commit(world, "Small Fund", 900)
    html = page(client, world, "partner")
    assert "EUR 1,800.00" in html
    assert "1 USD = 0.9 EUR" in html


def test_the_dashboard_card_shows_this_years_coverage_and_the_warning(client, world):
    commit(world, "Big Foundation", 900)
    client.force_login(world["donor"])
    html = client.get(reverse("msp:dashboard", args=[world["partnership"].pk])).content.decode()
    assert 'id="resources-card"' in html and 'id="card-concentration-warning"' in html
    assert "Big Foundation" not in html
