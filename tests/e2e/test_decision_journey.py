"""A decision by consensus: two partners record their positions (one blocks), the secretariat cannot adopt it (the
message says why), the block is withdrawn, and then it can."""

import pytest
from playwright.sync_api import expect

from governance import services
from msp.models import Role
from tests.e2e.test_mou_journey import _partner, _person
from tests.factories import PartnershipFactory, RoleFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _position(page, url, position, statement=""):
    page.goto(url)
    page.get_by_role("link", name="Record my organisation's position").click()
    page.get_by_label(position, exact=True).check()
    page.get_by_label("Statement").fill(statement)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("is recorded")).to_be_visible()


def _adopt(page, url):
    page.goto(url)
    form = page.locator("#outcome-form")
    form.get_by_label("Adopted").check()
    form.get_by_role("button", name="Record the outcome").click()


def test_a_block_stops_consensus_until_it_is_withdrawn(browser, live_server):
    partnership = PartnershipFactory(name="Cocoa Partnership")
    sara = UserFactory(username="sara", first_name="Sara", last_name="Secretary")
    RoleFactory(partnership=partnership, user=sara, role=Role.SECRETARIAT)
    _partner(partnership, "kofi", "Kofi", "Boateng", "Ghana Cocoa Board")
    _partner(partnership, "awa", "Awa", "Koné", "Kavokiva")
    decision = services.decision_save(partnership=partnership, by=sara, title="Adopt the work plan", method="consensus")
    services.decision_open(decision=decision, by=sara)
    url = f"{live_server.url}/partnerships/{partnership.pk}/governance/decisions/{decision.pk}/"

    kofi = _person(browser, live_server, "kofi")
    _position(kofi, url, "Support")
    awa = _person(browser, live_server, "awa")
    _position(awa, url, "Block", "Not without a budget.")

    secretariat = _person(browser, live_server, "sara")
    _adopt(secretariat, url)
    expect(
        secretariat.get_by_text("Kavokiva blocks this proposal: under consensus it cannot be adopted.").first
    ).to_be_visible()
    expect(secretariat.locator("#decision-status")).to_have_text("Open for positions")

    _position(awa, url, "Support with reservations", "With a budget review in June.")
    _adopt(secretariat, url)
    expect(secretariat.get_by_text("The outcome is recorded: Adopted.")).to_be_visible()
    expect(secretariat.locator("#decision-status")).to_have_text("Adopted")
