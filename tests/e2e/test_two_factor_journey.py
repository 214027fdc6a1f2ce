"""Two-factor sign-in in a browser: a secretariat member, required to have a second factor, is sent to set it up,
adds the key to "their app" (the test, which reads the key off the page and computes the codes), keeps the recovery
codes, signs out, and signs in again with password and a TOTP code."""

import re
import time
from base64 import b32decode

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from msp.models import Role
from tests.factories import PartnershipFactory, RoleFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def code(key, at=None):
    totp = TOTP(key)
    if at is not None:
        totp.time = at
    return f"{totp.token():06d}"


def test_set_up_sign_out_and_sign_in_with_a_code(page, live_server, settings, screenshot):
    settings.REQUIRE_TWO_FACTOR = True
    partnership = PartnershipFactory(name="Sustainable Cocoa Partnership")
    RoleFactory(partnership=partnership, role=Role.SECRETARIAT, user=UserFactory(username="amina", first_name="Amina"))

    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("amina")
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()

    # Sent to set up before anything else, with a word on why.
    expect(page).to_have_url(f"{live_server.url}/accounts/two-factor/setup/")
    expect(page.get_by_text("Your role requires two-factor sign-in")).to_be_visible()
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    page.goto(f"{live_server.url}/partnerships/")
    expect(page).to_have_url(f"{live_server.url}/accounts/two-factor/setup/")

    key = b32decode(page.locator("code").inner_text().replace(" ", ""))
    page.get_by_label("Code from the app").fill(code(key))
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    codes = re.findall(r"\b[a-z2-7]{8}\b", page.locator(".msp-codes").inner_text())
    assert len(codes) == 10
    screenshot("two-factor-recovery-codes")
    page.get_by_role("link", name="I have kept them: continue").click()
    expect(page.get_by_role("heading", name="My work")).to_be_visible()

    page.get_by_role("button", name=re.compile("Amina")).click()
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_text("You are signed out")).to_be_visible()

    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("amina")
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Enter your sign-in code")).to_be_visible()
    page.get_by_label("Code").fill(code(key, at=time.time()))
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="My work")).to_be_visible()
    expect(page).to_have_url(f"{live_server.url}/")
