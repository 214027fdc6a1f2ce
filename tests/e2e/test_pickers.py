"""Searchable selects (Tom Select): nothing moves when one gains or loses focus, and Enter never submits the form.

A picker that changes height on blur moves what is below it while the pointer is pressed on it: the click lands on
something else, or nothing (issue 7, item 7). Enter in a picker is for choosing an option (item 8).
"""

import pytest
from django.contrib.auth.models import Permission
from playwright.sync_api import expect

from msp.models import Partnership, Role, SdgTarget
from tests.factories import (
    ContactFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    RoleFactory,
    UserFactory,
)

from .pickers import open_picker, type_into

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def top_of(page, selector):
    """Where an element is on the page (not in the viewport, which scrolls when a field takes focus)."""
    return page.locator(selector).first.evaluate("e => e.getBoundingClientRect().top + window.scrollY")


def test_a_click_after_choosing_a_contact_lands_where_it_was_aimed(page, live_server, sign_in, screenshot):
    partnership = PartnershipFactory(name="Sustainable Cocoa Partnership")
    RoleFactory(partnership=partnership, user=UserFactory(username="amina"), role=Role.SECRETARIAT)
    organisation = OrganisationFactory(name="Ghana Cocoa Farmers' Cooperative Union (GCFCU)")
    MembershipFactory(partnership=partnership, organisation=organisation)
    ContactFactory(organisation=organisation, name="Ama Owusu-Boateng", email="ama.owusu-boateng@ghanacocoa.example")
    sign_in("amina")
    page.goto(f"{live_server.url}/partnerships/{partnership.pk}/stakeholders/invitations/")

    donor = page.get_by_role("radio", name="Donor")
    before = donor.bounding_box()
    box = open_picker(page, "id_contact")
    assert donor.bounding_box() == before, "focusing the picker moved the form below it"
    type_into(box, "Ama")
    expect(page.locator("#id_contact-ts-dropdown .option.active")).to_contain_text("Ama Owusu-Boateng")
    box.press("Enter")
    expect(page.locator("#id_contact-ts-dropdown")).to_be_hidden()
    assert donor.bounding_box() == before, "choosing a contact moved the form below it"

    donor.click()  # the pointer goes down on "Donor" while the picker still has focus

    expect(donor).to_be_checked()
    expect(page.get_by_role("radio", name="Partner")).not_to_be_checked()
    assert donor.bounding_box() == before, "leaving the picker moved the form below it"
    expect(page.locator(".ts-wrapper.focus")).to_have_count(0)
    expect(donor).to_be_focused()  # and stays there: nothing left over in the picker pulls focus back
    screenshot("pickers-invitation-donor")


def test_no_picker_on_the_partnership_form_moves_the_page_on_focus_or_blur(page, live_server, sign_in):
    amina = UserFactory(username="amina")
    amina.user_permissions.add(Permission.objects.get(codename="add_partnership"))
    sign_in("amina")
    page.goto(f"{live_server.url}/partnerships/new/")
    button = ".msp-form button[type=submit]"
    for field_id, text in [("id_countries", "Ghana"), ("id_sdg_targets", "15.2"), ("id_currency", "GHS")]:
        box = open_picker(page, field_id)
        type_into(box, text)
        expect(page.locator(f"#{field_id}-ts-dropdown .option.active")).to_contain_text(text)
        box.press("Enter")
        focused = top_of(page, button)
        page.locator("h1").click()
        expect(page.locator(f"#{field_id}-ts-dropdown")).to_be_hidden()
        assert top_of(page, button) == focused, f"{field_id}: the page moved when the picker lost focus"
        box.focus()
        assert top_of(page, button) == focused, f"{field_id}: the page moved when the picker gained focus"
        page.locator("h1").click()


def test_enter_in_the_sdg_picker_never_submits_and_a_click_searches(page, live_server, sign_in, screenshot):
    amina = UserFactory(username="amina")
    amina.user_permissions.add(Permission.objects.get(codename="add_partnership"))
    long_target = max(SdgTarget.objects.all(), key=lambda t: len(t.description))
    sign_in("amina")
    page.goto(f"{live_server.url}/partnerships/new/")
    page.get_by_label("Name").fill("Half-filled Partnership")

    box = open_picker(page, "id_sdg_targets")
    type_into(box, long_target.code)
    expect(page.locator("#id_sdg_targets-ts-dropdown .option.active")).to_contain_text(long_target.code)
    box.press("Enter")
    chips = page.locator("#id_sdg_targets-ts-control").locator("xpath=..").locator(".item")
    expect(chips).to_have_count(1)
    page.locator("h1").click()

    # A person clicks the middle of the field to search again: they get the search box, not the chip.
    page.locator(".ts-wrapper:has(#id_sdg_targets-ts-control) .ts-control").click()
    expect(box).to_be_focused()
    expect(chips.and_(page.locator(".active"))).to_have_count(0)

    # Enter with nothing to choose, and Enter with the list closed, stay in the form.
    type_into(box, "zzzz")
    expect(page.locator("#id_sdg_targets-ts-dropdown")).to_contain_text("No results found")
    box.press("Enter")
    box.fill("")
    box.press("Escape")
    expect(page.locator("#id_sdg_targets-ts-dropdown")).to_be_hidden()
    box.press("Enter")
    expect(chips).to_have_count(1)
    expect(page.get_by_role("button", name="Create partnership")).to_be_visible()
    assert page.url == f"{live_server.url}/partnerships/new/"
    assert not Partnership.objects.filter(name="Half-filled Partnership").exists()
    screenshot("pickers-sdg-target-chosen")


def test_enter_straight_after_typing_chooses_what_was_typed(page, live_server, sign_in):
    """A quick typist presses Enter before any pause: the list must already be filtered to what they typed.

    With Tom Select's default, the list is filtered 300 ms after the last key; Enter sooner chose the first
    country of the whole list, and the late filter then reopened the list (issue 8, item 9).
    """
    amina = UserFactory(username="amina")
    amina.user_permissions.add(Permission.objects.get(codename="add_partnership"))
    sign_in("amina")
    page.goto(f"{live_server.url}/partnerships/new/")

    box = open_picker(page, "id_countries")
    box.press_sequentially("Ghana")
    box.press("Enter")

    chips = page.locator("#id_countries-ts-control").locator("xpath=..").locator(".item")
    expect(chips).to_have_count(1)
    expect(chips).to_contain_text("Ghana")
    page.locator("h1").click()
    expect(page.locator("#id_countries-ts-dropdown")).to_be_hidden()
    expect(box).not_to_be_focused()


def test_every_picker_is_a_combobox_named_by_its_label_and_works_from_the_keyboard(page, live_server, sign_in):
    """A screen reader hears each picker by its field's label, as a combobox with a list of options; the hidden
    <select> behind it is not a second, nameless control; the keyboard alone chooses and moves on (issue 9)."""
    amina = UserFactory(username="amina")
    amina.user_permissions.add(Permission.objects.get(codename="add_partnership"))
    sign_in("amina")
    page.goto(f"{live_server.url}/partnerships/new/")
    expect(page.locator(".ts-wrapper")).to_have_count(4)

    for field_id, label in [
        ("id_countries", "Countries"),
        ("id_sdg_goals", "SDG goals"),
        ("id_sdg_targets", "SDG targets"),
        ("id_currency", "Reporting currency"),
    ]:
        expect(page.get_by_role("combobox", name=label)).to_have_id(f"{field_id}-ts-control")
        expect(page.locator(f"#{field_id}")).to_have_attribute("aria-hidden", "true")
    expect(page.get_by_role("combobox", name="SDG goals")).to_have_accessible_description(
        "Goals of the targets you pick below are added automatically."
    )

    page.locator("#id_fit_rationale").focus()  # the field before the first picker
    page.keyboard.press("Tab")
    box = page.get_by_role("combobox", name="Countries")
    expect(box).to_be_focused()
    type_into(box, "Ghana")
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("listbox", name="Countries")).to_be_visible()
    active = page.locator("#id_countries-ts-dropdown [role=option].active")
    expect(active).to_contain_text("Ghana")
    expect(box).to_have_attribute("aria-activedescendant", active.get_attribute("id"))
    page.keyboard.press("Enter")
    chips = page.locator("#id_countries-ts-control").locator("xpath=..").locator(".item")
    expect(chips).to_have_count(1)
    expect(chips).to_contain_text("Ghana")
    page.keyboard.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Tab")
    expect(page.get_by_role("combobox", name="SDG goals")).to_be_focused()
    # The focus ring is drawn around the picker's frame, as around any other field.
    ring = page.locator(".ts-wrapper:has(#id_sdg_goals-ts-control) .ts-control")
    expect(ring).to_have_css("outline-style", "solid")
