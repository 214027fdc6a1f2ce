"""The dashboard of a partnership with a long history: "Recent activity" is a glance, on a desktop and on a phone."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from msp.models import Partnership

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_recent_activity_stays_short_on_a_desktop_and_a_phone(page, live_server, sign_in, screenshot):
    call_command("demo", quiet_logins=True)  # once: the demo does not load twice into a flushed database
    cocoa = Partnership.objects.get(name__startswith="Sustainable Cocoa")
    sign_in("amina", password="msp-demo")
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{live_server.url}/partnerships/{cocoa.pk}/")
        card = page.locator("#card-activity")
        expect(card.get_by_role("link", name="All activity")).to_be_visible()
        assert card.bounding_box()["height"] < 320, f"{width} px: the card should be a glance, not the record"
        expect(card).not_to_contain_text("SHA-256")
        screenshot(f"dashboard-{width}")
