"""A form sent back with errors: the summary at the top has focus, and its links lead to the fields."""

import pytest
from django.contrib.auth.models import Permission
from playwright.sync_api import expect

from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_error_summary_is_at_the_top_has_focus_and_leads_to_the_fields(page, live_server, sign_in, screenshot):
    amina = UserFactory(username="amina")
    amina.user_permissions.add(Permission.objects.get(codename="add_partnership"))
    sign_in("amina")
    page.goto(f"{live_server.url}/partnerships/new/")
    page.get_by_label("Problem statement").fill("Silt fills the reservoirs.")
    page.evaluate("document.getElementById('id_currency').tomselect.clear()")
    page.get_by_role("button", name="Create partnership").click()

    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("There are 2 problems")
    assert summary.bounding_box()["y"] < page.locator("form.msp-form").bounding_box()["y"]
    expect(page.get_by_label("Problem statement")).to_have_value("Silt fills the reservoirs.")
    screenshot("form-errors-summary")

    summary.get_by_role("link", name="Name: This field is required.").click()
    expect(page.get_by_label("Name")).to_be_focused()
    summary.get_by_role("link", name="Reporting currency: This field is required.").click()
    expect(page.locator("#id_currency-ts-control")).to_be_focused()
