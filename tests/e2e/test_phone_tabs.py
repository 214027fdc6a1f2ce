"""On a phone (390 px) a partnership's tabs stay on one row that scrolls sideways, with the current tab in view."""

import pytest
from playwright.sync_api import expect

from msp.models import Role
from tests.factories import PartnershipFactory, RoleFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_tabs_are_one_row_on_a_phone(page, live_server, sign_in, screenshot):
    partnership = PartnershipFactory(name="Sustainable Cocoa Partnership Ghana & Côte d'Ivoire", phase=3)
    RoleFactory(partnership=partnership, user=UserFactory(username="amina"), role=Role.SECRETARIAT)
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in("amina")
    page.goto(f"{live_server.url}/partnerships/{partnership.pk}/edit/")

    tabs = page.locator("main .nav-tabs .nav-link")
    expect(tabs.first).to_be_visible()
    tops = {round(box["y"]) for box in (tab.bounding_box() for tab in tabs.all())}
    assert len(tops) == 1, f"the tabs wrap to {len(tops)} rows"
    # the row scrolls, not the page
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    current = page.locator("main .nav-tabs .nav-link.active")
    expect(current).to_have_text("Edit")
    # sub-pixel widths: the row scrolls by whole pixels, so the last tab may keep a fraction of one out of view
    expect(current).to_be_in_viewport(ratio=0.99)
    screenshot("phone-tabs")


def test_the_stakeholder_sections_are_one_row_on_a_phone(page, live_server, sign_in):
    partnership = PartnershipFactory(name="Sustainable Cocoa Partnership Ghana & Côte d'Ivoire")
    RoleFactory(partnership=partnership, user=UserFactory(username="amina"), role=Role.SECRETARIAT)
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in("amina")
    page.goto(f"{live_server.url}/partnerships/{partnership.pk}/stakeholders/import/")

    sections = page.get_by_role("list", name="Stakeholders").get_by_role("link")
    expect(sections.first).to_be_visible()
    tops = {round(box["y"]) for box in (link.bounding_box() for link in sections.all())}
    assert len(tops) == 1, f"the sections wrap to {len(tops)} rows"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    expect(page.get_by_role("list", name="Stakeholders").locator(".nav-link.active")).to_be_in_viewport(
        ratio=0.99
    )  # sub-pixel widths
