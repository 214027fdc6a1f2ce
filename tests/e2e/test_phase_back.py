"""Going back to planning from phase 3: the nearest earlier phase is offered first, and the move asks to confirm."""

import pytest
from playwright.sync_api import expect

from msp.models import Partnership, Role
from phases.models import PhaseTransition
from tests.factories import PartnershipFactory, RoleFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_going_back_from_phase_3_offers_design_and_asks_first(page, live_server, sign_in, screenshot):
    partnership = PartnershipFactory(name="Sustainable Cocoa Partnership", phase=3)
    RoleFactory(partnership=partnership, user=UserFactory(username="amina"), role=Role.SECRETARIAT)
    sign_in("amina")
    page.goto(f"{live_server.url}/partnerships/{partnership.pk}/phases/")

    back_to = page.get_by_label("Back to")
    expect(back_to).to_have_value("2")
    expect(back_to.locator("option:checked")).to_have_text("2. Design")
    page.get_by_label("Reason").select_option(label="Key partners are missing")
    page.locator("#id_revert_note").fill("The exporters' association left the core group.")
    screenshot("phase-back-form")

    questions = []

    def dismiss(dialog):
        questions.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    page.get_by_role("button", name="Go back").click()
    expect(page.locator("#id_revert_note")).to_have_value("The exporters' association left the core group.")
    assert questions and "Sustainable Cocoa Partnership" in questions[0]
    assert Partnership.objects.get(pk=partnership.pk).phase == 3
    assert not PhaseTransition.objects.exists()

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Go back").click()
    expect(page.get_by_text("is back in phase 2: Design")).to_be_visible()
    assert Partnership.objects.get(pk=partnership.pk).phase == 2
