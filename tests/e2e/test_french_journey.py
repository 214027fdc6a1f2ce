"""A partner reads French better than English: she signs in, switches to French in the user menu, reviews the
roadmap and approves it, and sees the page, its buttons and the success message in French.

The French texts are the catalogue's (locale/fr), looked up here with gettext, so the journey follows whatever
the translators wrote; it only insists that they are French, not the English msgids."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from governance import services
from msp.models import Role
from msp.profiles import user_language
from tests.factories import PartnershipFactory, RoleFactory, UserFactory
from tests.governance.factories import member, roadmap_draft

APPROVE = "Approve for %(org)s"
APPROVED = "You approved version %(n)d for %(org)s."
COMPLETE = "Every party has now approved it: it is the current roadmap."
MY_PARTNERSHIPS = "My partnerships"


def french(msgid, **values):
    with translation.override("fr"):
        text = gettext(msgid)
    return text % values if values else text


def english_left_on(page):
    """The interface texts of our catalogue that still show in English on the page (whole sentences and labels
    long enough not to be names, which stay as they are)."""
    text = page.locator("body").inner_text()
    catalogue = translation.trans_real.translation("fr")._catalog
    return sorted(
        msgid
        for msgid, french_text in catalogue.items()
        if isinstance(msgid, str)
        and len(msgid) >= 12
        and "%" not in msgid
        and "\x04" not in msgid
        and french_text != msgid
        and re.search(rf"(?<!\w){re.escape(msgid)}(?!\w)", text)  # whole words: "Partnerships2030" is a name
    )


pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]


def test_a_partner_switches_to_french_and_approves_the_roadmap(page, live_server, sign_in, screenshot):
    partnership = PartnershipFactory(name="Partenariat Cacao Durable")
    secretariat = RoleFactory(partnership=partnership, user=UserFactory(username="amina"), role=Role.SECRETARIAT).user
    awa = member(partnership, "awa", org_name="Coopérative Kavokiva")
    version = services.roadmap_send_for_review(version=roadmap_draft(partnership, secretariat), by=secretariat)

    sign_in("awa")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    # The user menu (under her name) offers each language named in itself.
    page.get_by_role("button", name=awa.get_full_name()).click()
    expect(page.get_by_role("button", name="Deutsch")).to_be_visible()
    screenshot("language-menu")
    page.get_by_role("button", name="Français").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("link", name=french(MY_PARTNERSHIPS)).first).to_be_visible()
    assert user_language(awa) == "fr"  # remembered on her profile, for her next visit and her e-mails

    page.goto(f"{live_server.url}{version.get_absolute_url()}")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    approve = page.get_by_role("button", name=french(APPROVE, org="Coopérative Kavokiva"))
    expect(approve).to_be_visible()
    screenshot("fr-roadmap-in-review")
    approve.click()

    message = french(APPROVED, n=version.number, org="Coopérative Kavokiva") + " " + french(COMPLETE)
    expect(page.get_by_text(message)).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    screenshot("fr-roadmap-approved")
    assert not english_left_on(page)
    version.refresh_from_db()
    assert version.status == "approved"
