"""A secretariat member starts a partnership, names its SDG targets, and moves it to phase 2."""

import pytest
from django.contrib.auth.models import Permission
from playwright.sync_api import expect

from msp.models import Partnership
from tests.factories import UserFactory

from .pickers import pick

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_secretariat_creates_a_partnership_and_advances_it(page, live_server, sign_in, screenshot, gates_open):
    amina = UserFactory(username="amina", first_name="Amina", last_name="Mensah")
    amina.user_permissions.add(Permission.objects.get(codename="add_partnership"))
    sign_in("amina")

    expect(page.get_by_text("You have no partnerships yet.")).to_be_visible()
    page.get_by_role("link", name="Create a partnership").click()

    page.get_by_label("Name").fill("Upper Tana Water Partnership")
    page.get_by_label("Problem statement").fill("Silt from eroding farms fills the reservoirs that supply Nairobi.")
    page.get_by_label("Planned approach").fill("A water fund pays upstream farmers for soil conservation.")
    page.get_by_label("Yes").check()
    page.get_by_label("Rationale").fill("Downstream users pay, upstream farmers act: only together.")
    pick(page, "id_countries", "Kenya")
    pick(page, "id_sdg_targets", "6.1")
    pick(page, "id_sdg_targets", "6.5")
    page.get_by_role("button", name="Create partnership").click()

    expect(page.get_by_text("is created, in phase 1 (Initiation)")).to_be_visible()
    expect(page.locator("h1")).to_have_text("Upper Tana Water Partnership")
    key_facts = page.locator("#card-key_facts")
    expect(key_facts).to_contain_text("Kenya")
    expect(key_facts).to_contain_text("6.1")
    expect(key_facts).to_contain_text("6.5")

    page.get_by_role("link", name="Change phase").click()
    page.get_by_label("Note (optional)").fill("Core group formed with the utility and two counties.")
    page.get_by_role("button", name="Move to Design").click()

    expect(page.get_by_text("is now in phase 2: Design")).to_be_visible()
    expect(page.locator(".msp-phase.is-current")).to_contain_text("Design")
    history = page.locator("#card-phase_history")
    expect(history).to_contain_text("1. Initiation → 2. Design")
    expect(history).to_contain_text("Amina Mensah")
    expect(history).to_contain_text("Core group formed with the utility and two counties.")
    path = screenshot("partnership-advanced-to-design")
    assert path.stat().st_size > 10_000

    partnership = Partnership.objects.get(name="Upper Tana Water Partnership")
    assert partnership.phase == 2
    assert sorted(partnership.sdg_targets.values_list("code", flat=True)) == ["6.1", "6.5"]
    assert list(partnership.sdg_goals.values_list("number", flat=True)) == [6]
