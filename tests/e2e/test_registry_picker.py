"""The organisation picker of "Add a member" searches the registry on the server as the person types: typing,
the arrow keys and Enter choose, Escape closes, and a long list says to type more."""

import pytest
from playwright.sync_api import expect

from msp.models import Role
from stakeholders.models import Membership, Organisation
from tests.factories import OrganisationFactory, PartnershipFactory, RoleFactory, UserFactory

from .pickers import open_picker, type_into

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def partnership(db):
    partnership = PartnershipFactory(name="Upper Tana Water Partnership")
    RoleFactory(partnership=partnership, user=UserFactory(username="amina"), role=Role.SECRETARIAT)
    Organisation.objects.bulk_create(
        Organisation(name=f"Registry organisation {i:03d}", sector="private", country_id="KE") for i in range(60)
    )
    OrganisationFactory(name="Tana Water Resources Authority", short_name="WRA", country_id="KE")
    OrganisationFactory(name="Tana Farmers' Union", short_name="TFU", country_id="KE")
    OrganisationFactory(name="Tanager Seeds Ltd", country_id="GH")
    return partnership


def test_typing_and_the_arrow_keys_choose_an_organisation(page, live_server, sign_in, partnership, screenshot):
    sign_in("amina")
    page.goto(f"{live_server.url}/partnerships/{partnership.pk}/stakeholders/members/add/")
    combobox = page.get_by_role("combobox", name="Organisation")
    expect(combobox).to_have_id("id_organisation-ts-control")

    box = open_picker(page, "id_organisation")  # the first page of the registry, from the server
    expect(combobox).to_have_attribute("aria-expanded", "true")
    listbox_id = combobox.get_attribute("aria-controls")
    expect(page.locator(f"#{listbox_id}")).to_have_attribute("role", "listbox")

    type_into(box, "tana ke")  # every word: the name and the country code
    options = page.locator("#id_organisation-ts-dropdown .option")
    expect(options).to_have_count(2)
    expect(options.nth(0)).to_have_text("Tana Farmers' Union (TFU, KE)")
    expect(options.nth(1)).to_have_text("Tana Water Resources Authority (WRA, KE)")

    box.press("ArrowDown")  # from the first option to the second
    active = page.locator("#id_organisation-ts-dropdown .option.active")
    expect(active).to_have_text("Tana Water Resources Authority (WRA, KE)")
    expect(combobox).to_have_attribute("aria-activedescendant", active.get_attribute("id"))
    box.press("Enter")
    expect(page.locator("#id_organisation-ts-dropdown")).to_be_hidden()
    expect(page.locator("#id_organisation")).to_have_value(str(Organisation.objects.get(short_name="WRA").pk))
    screenshot("registry-picker-chosen")

    page.get_by_role("button", name="Add member", exact=True).click()
    expect(page.get_by_text("Tana Water Resources Authority is now a member.")).to_be_visible()
    assert Membership.objects.get(partnership=partnership).organisation.short_name == "WRA"


def test_a_long_list_says_to_type_more_and_escape_closes(page, live_server, sign_in, partnership):
    sign_in("amina")
    page.goto(f"{live_server.url}/partnerships/{partnership.pk}/stakeholders/members/add/")
    box = open_picker(page, "id_organisation")
    type_into(box, "registry")
    options = page.locator("#id_organisation-ts-dropdown .option")
    expect(options).to_have_count(20)  # one page of the 60 that match
    expect(page.locator("#id_organisation-ts-dropdown")).to_contain_text("More match than shown: type more")
    type_into(box, "registry organisation 04")  # type more: 040 to 049 and 004, and no more line
    expect(options).to_have_count(11)
    expect(page.locator("#id_organisation-ts-dropdown")).not_to_contain_text("More match than shown")
    box.press("Escape")
    expect(page.locator("#id_organisation-ts-dropdown")).to_be_hidden()
    expect(box).to_be_focused()
    expect(page.locator("#id_organisation")).to_have_value("")  # nothing chosen
