"""Issue 12's story, in order: the secretariat defines an indicator on a result of the chain, broken down by sex,
and generates its quarterly periods with a target; the responsible organisation's partner enters the last ended
quarter's actual with its breakdown (one that does not add up is refused first); the light and the chart follow
the value, and follow it again when the partner corrects it; another organisation's partner may not enter data
for it; the secretariat locks the quarter and the partner can no longer change it."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from monitoring.models import Indicator
from msp.models import Role
from tests.e2e.test_mou_journey import _person
from tests.factories import PartnershipFactory, RoleFactory, UserFactory
from tests.governance.factories import member
from tests.monitoring import factories as f

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _last_ended_quarter(today):
    """(start, end) of the last quarter that ended before `today`."""
    this_quarter = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    end = this_quarter - dt.timedelta(days=1)
    return dt.date(end.year, end.month - 2, 1), end


def _field(label):
    """A form field's name as crispy writes it: the label, with an asterisk when it is required."""
    return re.compile(rf"^\s*{re.escape(label)}\*?\s*$")


def _define(page, base):
    """The secretariat's indicator form: a unit indicator of Ghana Cocoa Board's, broken down by sex."""
    page.goto(f"{base}/")
    page.get_by_role("link", name="Results", exact=True).click()
    expect(page.get_by_text("Define the first indicator")).to_be_visible()
    page.get_by_role("link", name="Add an indicator").first.click()
    expect(page.get_by_role("heading", name="Define an indicator")).to_be_visible()
    page.get_by_label(_field("Name")).fill("Farmers trained in good practice")
    page.get_by_label(_field("Result")).select_option(label="Outcome: Farmers apply good practice")
    page.get_by_label(_field("Measure")).select_option(label="Unit")
    page.get_by_label(_field("Unit")).fill("farmers")
    page.get_by_label(_field("Direction")).select_option(label="Higher is better")
    page.get_by_label(_field("Aggregation")).select_option(label="Targets per period")
    page.get_by_label(_field("Baseline")).fill("0")
    page.get_by_label(_field("Responsible organisation")).select_option(label="Ghana Cocoa Board")
    page.get_by_label("Sex").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The indicator “Farmers trained in good practice” is added.")).to_be_visible()
    expect(page.get_by_text("No reporting periods yet.")).to_be_visible()


def _generate(page, first_start, last_end):
    page.get_by_role("link", name="Generate periods").first.click()
    page.get_by_label(_field("Every")).select_option(label="Quarterly")
    page.get_by_label(_field("First period starts on")).fill(first_start.isoformat())
    page.get_by_label(_field("Last period ends on")).fill(last_end.isoformat())
    page.get_by_label(_field("Target of every period")).fill("200")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("8 periods are added.")).to_be_visible()
    expect(page.locator("#periods-table tbody tr")).to_have_count(8)


def _enter(page, value, female, male):
    page.get_by_label("Actual value").fill(value)
    breakdown = page.get_by_role("group", name="By Sex")
    breakdown.get_by_label("Female", exact=True).fill(female)
    breakdown.get_by_label("Male", exact=True).fill(male)
    page.get_by_role("button", name="Save").click()


def _expect_row(page, start, actual, percent, light):
    row = page.locator(f'#periods-table tr[data-period="{start.isoformat()}"]')
    expect(row.locator('td[data-label="Actual"]')).to_have_text(actual)
    expect(row.locator('td[data-label="Progress"]')).to_have_text(percent)
    expect(row.locator(".msp-light")).to_have_text(light)
    return row


def _expect_chart(page, actual):
    """The chart's actual line has the value as a point, and its table says it too."""
    points = page.locator('svg[data-chart="indicator-chart"] g[data-series="Actual"] .point')
    expect(points).to_have_count(1)
    expect(points.locator("title")).to_have_text(re.compile(rf"^Actual, .*: {actual}$"))
    page.get_by_text("The same data as a table").click()
    table = page.locator("#indicator-chart-table")
    expect(table).to_be_visible()
    expect(table.locator("tbody tr").filter(has_text=actual)).to_have_count(1)


def test_an_indicator_is_defined_reported_by_its_organisation_then_locked(browser, live_server):
    today = dt.date.today()
    start, end = _last_ended_quarter(today)
    partnership = PartnershipFactory(name="Cocoa Partnership")
    sara = UserFactory(username="sara", first_name="Sara", last_name="Secretary")
    RoleFactory(partnership=partnership, user=sara, role=Role.SECRETARIAT)
    member(partnership, "kofi", org_name="Ghana Cocoa Board")
    member(partnership, "awa", org_name="Kavokiva")
    f.node(partnership, level="outcome", title="Farmers apply good practice")
    sex = f.DimensionFactory(partnership=partnership, name="Sex")
    f.CategoryFactory(dimension=sex, name="Female", position=0)
    f.CategoryFactory(dimension=sex, name="Male", position=1)
    base = f"{live_server.url}/partnerships/{partnership.pk}"

    # The secretariat defines the indicator and generates two years of quarters, 200 farmers each.
    secretariat = _person(browser, live_server, "sara")
    _define(secretariat, base)
    indicator_url = secretariat.url.split("#")[0]
    _generate(secretariat, dt.date(today.year - 1, 1, 1), dt.date(today.year, 12, 31))
    indicator = Indicator.objects.get()
    period = indicator.periods.get(start=start)
    assert (period.end, indicator.responsible.name) == (end, "Ghana Cocoa Board")
    _expect_row(secretariat, start, "–", "–", "No data")
    entry_url = f"{base}/indicators/{indicator.pk}/periods/{period.pk}/actual/"

    # Kofi (Ghana Cocoa Board) finds the quarter on his data entry page; a breakdown that does not add up is
    # refused with what he typed kept; then it adds up.
    kofi = _person(browser, live_server, "kofi")
    kofi.goto(f"{base}/indicators/")
    kofi.get_by_role("link", name="Data entry").click()
    kofi.locator(f'#missing-table tr[data-period="{period.pk}"]').get_by_role("link", name="Enter data").click()
    expect(kofi.get_by_role("heading", name="Enter the actual value")).to_be_visible()
    _enter(kofi, "150", "90", "50")
    expect(kofi.get_by_text("Sex: the values add up to 140, but the total is 150.")).to_be_visible()
    expect(kofi.get_by_label("Actual value")).to_have_value("150")
    _enter(kofi, "150", "90", "60")
    expect(kofi.get_by_text("Saved the actual value of “Farmers trained in good practice”")).to_be_visible()

    # The light and the chart follow: 150 of 200 is 75 %, at risk.
    _expect_row(kofi, start, "150", "75 %", "At risk")
    _expect_chart(kofi, "150")

    # He corrects it: 190 is 95 %, on track.
    kofi.locator(f'#periods-table tr[data-period="{start.isoformat()}"]').get_by_role("link", name="Correct").click()
    expect(kofi.get_by_role("heading", name="Correct the actual value")).to_be_visible()
    expect(kofi.get_by_label("Female", exact=True)).to_have_value("90")
    _enter(kofi, "190", "110", "80")
    expect(kofi.get_by_text("Saved the actual value")).to_be_visible()
    _expect_row(kofi, start, "190", "95 %", "On track")
    _expect_chart(kofi, "190")

    # Awa (Kavokiva) sees the indicator but may not enter data for it: no link, and the address says why.
    awa = _person(browser, live_server, "awa")
    awa.goto(indicator_url)
    _expect_row(awa, start, "190", "95 %", "On track")
    expect(awa.get_by_role("link", name=re.compile("^(Enter data|Correct)"))).to_have_count(0)
    response = awa.goto(entry_url)
    assert response.status == 403
    expect(awa.locator("#period-refusal")).to_have_text(
        "You can only enter data for this indicator for your own organisation, Kavokiva, not for Ghana Cocoa Board."
    )
    awa.goto(f"{base}/data-entry/")
    expect(awa.get_by_text("There is nothing to enter.")).to_be_visible()

    # The secretariat locks the quarter.
    secretariat.goto(indicator_url)
    row = secretariat.locator(f'#periods-table tr[data-period="{start.isoformat()}"]')
    row.get_by_role("button", name=re.compile("^Lock")).click()
    expect(secretariat.get_by_text(re.compile(r"The period .* is locked\."))).to_be_visible()
    expect(row.get_by_text("Locked")).to_be_visible()
    secretariat.get_by_role("link", name="Results", exact=True).click()
    table_row = secretariat.locator('tr[data-indicator="Farmers trained in good practice"]')
    expect(table_row.locator('td[data-label="Actual"]')).to_have_text("190")
    expect(table_row.locator(".msp-light")).to_have_text("On track")

    # Kofi can no longer change it: no "Correct" link, not on his data entry page, and the address says why.
    kofi.goto(indicator_url)
    row = _expect_row(kofi, start, "190", "95 %", "On track")
    expect(row.get_by_text("Locked")).to_be_visible()
    expect(row.get_by_role("link", name=re.compile("^Correct"))).to_have_count(0)
    kofi.goto(f"{base}/data-entry/")
    expect(kofi.locator(f'tr[data-period="{period.pk}"]')).to_have_count(0)
    kofi.goto(entry_url)
    expect(kofi.locator("#period-refusal")).to_have_text("This period is locked: ask the secretariat to unlock it.")
    expect(kofi.get_by_role("button", name="Save")).to_have_count(0)
    period.refresh_from_db()
    assert period.actual.value == 190
