"""Acceptance 6 of issue 11: the secretariat records two funders' cash commitments and a budget through the forms,
sees the concentration warning appear once one funder holds more than half of the cash, and exports the budget as
XLSX, which opens with the right totals."""

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import expect

from msp.models import Role
from tests.e2e.test_mou_journey import _person, _shot
from tests.factories import MembershipFactory, OrganisationFactory, PartnershipFactory, RoleFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
YEAR = dt.date.today().year


def _commit(page, base, organisation, value):
    page.goto(f"{base}commitments/new/")
    page.get_by_label("Organisation").select_option(label=organisation)
    page.get_by_label("Type").select_option(label="Cash")
    page.get_by_label("Description").fill(f"Core funding from {organisation}")
    page.get_by_label("Value").fill(value)
    page.get_by_label("Period start").fill(f"{YEAR}-01-01")
    page.get_by_label("Period end").fill(f"{YEAR}-12-31")
    page.get_by_label("The funder states no expectations").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text(f"The commitment of {organisation} is recorded.")).to_be_visible()


def _line(page, base, category, description, amount):
    page.goto(f"{base}budget/lines/new/")
    page.get_by_label("Category").select_option(label=category)
    page.get_by_label("Description").fill(description)
    page.get_by_label("Year").fill(str(YEAR))
    page.get_by_label("Amount").fill(amount)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The budget line is saved.")).to_be_visible()


def test_the_secretariat_sees_funding_concentration_and_exports_the_budget(browser, live_server):
    partnership = PartnershipFactory(name="Water Partnership", currency_id="EUR")
    sara = UserFactory(username="sara", first_name="Sara", last_name="Secretary")
    RoleFactory(partnership=partnership, user=sara, role=Role.SECRETARIAT)
    for name in ("Rhine Foundation", "Lake Fund"):
        MembershipFactory(partnership=partnership, organisation=OrganisationFactory(name=name))
    base = f"{live_server.url}/partnerships/{partnership.pk}/resources/"
    page = _person(browser, live_server, "sara")

    page.goto(base)
    expect(page.get_by_text("No resources recorded yet.")).to_be_visible()
    _commit(page, base, "Rhine Foundation", "50000")
    _commit(page, base, "Lake Fund", "50000")
    _line(page, base, "Secretariat", "Coordinator", "60000")
    _line(page, base, "Activities", "Field work", "40000")

    page.goto(base)
    expect(page.locator("#largest-share")).to_have_text("50%")
    expect(page.locator("#concentration-warning")).to_have_count(0)
    expect(page.get_by_text("Funding is spread over several sources.")).to_be_visible()

    _commit(page, base, "Rhine Foundation", "30000")  # Rhine now holds 80,000 of 130,000
    page.goto(base)
    expect(page.locator("#concentration-warning")).to_contain_text("One source holds 62% of the committed cash")
    expect(page.locator("#hhi")).to_have_text("0.53")  # (8/13)² + (5/13)²
    _shot(page, "resources-concentration-warning")

    page.goto(f"{base}budget/")
    with page.expect_download() as caught:
        page.get_by_role("link", name="XLSX").click()
    download = caught.value
    assert download.suggested_filename.endswith(".xlsx")
    # Playwright keeps the download under a name without an extension, which openpyxl refuses: read its bytes.
    workbook = openpyxl.load_workbook(io.BytesIO(Path(download.path()).read_bytes()), data_only=True)
    cells = [cell for row in workbook.active.iter_rows(values_only=True) for cell in row]
    numbers = [Decimal(str(c)) for c in cells if isinstance(c, (int, float))]
    assert Decimal(60000) in numbers and Decimal(40000) in numbers
    assert Decimal(100000) in numbers  # the planned total of the year, as a number
