"""The members table on a phone and the contacts filter on a laptop show everything, nothing cut off."""

import pytest

from msp.models import Role
from tests.factories import (
    ContactFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    RoleFactory,
    UserFactory,
)
from tests.stakeholders.factories import MapEntryFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def cocoa(db):
    partnership = PartnershipFactory(name="Sustainable Cocoa Partnership")
    RoleFactory(partnership=partnership, user=UserFactory(username="amina"), role=Role.SECRETARIAT)
    for name, sector, iati_role in (
        ("Ghana Cocoa Regulatory Authority", "public", "2"),
        ("Coopérative Agricole de Soubré", "civil_society", "4"),
        ("Chocolaterie Europa GmbH", "private", "1"),
    ):
        org = OrganisationFactory(name=name, sector=sector, country_id="GH")
        MembershipFactory(partnership=partnership, organisation=org, iati_role=iati_role, capacity_person_days=120)
        ContactFactory(organisation=org, name=f"Contact of {name[:10]}", may_sign=True)
        MapEntryFactory(partnership=partnership, organisation=org, power=4, interest=5, engagement="consulted")
    return partnership


def test_the_members_table_fits_a_phone(page, live_server, sign_in, screenshot, cocoa):
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in("amina")
    page.goto(f"{live_server.url}/partnerships/{cocoa.pk}/stakeholders/")
    table = page.locator("#members-table")
    table.wait_for()
    # nothing scrolls sideways: the page and the table are no wider than the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    wrapper_overflow = page.evaluate(
        "(() => { const w = document.querySelector('#members-table').parentElement; return w.scrollWidth - w.clientWidth; })()"
    )
    assert wrapper_overflow <= 0
    # every cell of the IATI role column is on screen, with its label
    for cell in page.locator("#members-table td[data-label='IATI role']").all():
        box = cell.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
        assert cell.is_visible()
    assert page.locator("#members-table td[data-label='IATI role']", has_text="Accountable").is_visible()
    screenshot("stakeholders-members-390")


FITS = """s => { const c = document.createElement('canvas').getContext('2d');
    const st = getComputedStyle(s); c.font = st.font;
    const text = c.measureText(s.options[s.selectedIndex].text).width;
    const room = s.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight);
    return room - text; }"""


def assert_filters_fit(page):
    """Every select of the filter shows its chosen text whole."""
    for select in page.locator("main form[method=get] select").all():
        if select.is_visible():
            name = select.get_attribute("name")
            assert select.evaluate(FITS) >= 0, name


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", ["", "contacts/", "map/"])
def test_the_filters_show_their_choices_whole(page, live_server, sign_in, screenshot, cocoa, width, path):
    page.set_viewport_size({"width": width, "height": 900})
    sign_in("amina")
    page.goto(f"{live_server.url}/partnerships/{cocoa.pk}/stakeholders/{path}")
    page.locator("main form[method=get]").first.wait_for()
    assert_filters_fit(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    if path == "contacts/" and width == 1280:
        screenshot("stakeholders-contacts-1280")
    if path == "map/" and width == 390:
        screenshot("stakeholders-map-390")
