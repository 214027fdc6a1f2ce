"""The secretariat gathers the first stakeholders and invites a partner, who joins and sees it all, read-only."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from msp.models import PartnershipRole, Role
from stakeholders.models import Invitation, Membership, StakeholderMapEntry
from tests.factories import OrganisationFactory, PartnershipFactory, RoleFactory, UserFactory

from .pickers import pick

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def register_member(page, name, sector, country, *, core=True, short_name=""):
    """From the members page: add a member that is not in the registry yet, registering it on the way."""
    page.get_by_role("link", name="Add a member").first.click()
    page.get_by_role("link", name="Register a new organisation").click()
    page.locator("#id_name").fill(name)
    if short_name:
        page.locator("#id_short_name").fill(short_name)
    page.locator("#id_sector").select_option(label=sector)
    pick(page, "id_country", country)
    page.get_by_role("button", name="Register organisation").click()
    # back on "Add a member", the new organisation chosen
    expect(page.locator("h2", has_text="Add a member")).to_be_visible()
    expect(page.locator("#id_organisation-ts-control").locator("xpath=..")).to_contain_text(name)
    if core:
        page.get_by_label("Core group").check()
    page.get_by_role("button", name="Add member", exact=True).click()
    expect(page.get_by_text(f"{name} is now a member.")).to_be_visible()


def test_secretariat_gathers_stakeholders_and_a_partner_joins(page, live_server, sign_in, screenshot):
    partnership = PartnershipFactory(name="Sustainable Cocoa Partnership", countries=["GH", "CI"])
    RoleFactory(
        partnership=partnership,
        user=UserFactory(username="amina", first_name="Amina", last_name="Mensah"),
        role=Role.SECRETARIAT,
    )
    OrganisationFactory(name="Chocolaterie Europa GmbH", sector="private", country_id="DE")
    sign_in("amina")

    page.get_by_role("link", name="Sustainable Cocoa Partnership").click()
    page.get_by_role("link", name="Stakeholders").click()
    expect(page.get_by_text("No members yet.")).to_be_visible()

    # three organisations: two new to the registry, one found there after a near-duplicate warning
    register_member(page, "Ghana Cocoa Farmers' Union", "Civil society", "Ghana", short_name="GCFU")
    register_member(page, "Ghana Cocoa Regulatory Authority", "Public sector", "Ghana")
    page.get_by_role("link", name="Add a member").first.click()
    page.get_by_role("link", name="Register a new organisation").click()
    page.locator("#id_name").fill("Chocolaterie Europa")
    page.locator("#id_sector").select_option(label="Private sector")
    expect(page.locator("#similar-organisations")).to_contain_text("Chocolaterie Europa GmbH")  # while typing
    page.get_by_role("button", name="Register organisation").click()
    warning = page.locator("#duplicate-warning")
    expect(warning).to_contain_text("similar name")
    warning.get_by_role("link", name="use this one").click()
    page.get_by_label("Core group").check()
    page.get_by_role("button", name="Add member", exact=True).click()
    expect(page.get_by_text("Chocolaterie Europa GmbH is now a member.")).to_be_visible()
    members = page.locator("#members-table")
    expect(members.locator("tbody tr")).to_have_count(3)
    expect(members.get_by_text("Core group")).to_have_count(3)

    # a contact person of the farmers' union, in the registry
    page.get_by_role("link", name="Organisation registry").click()
    page.get_by_role("link", name="Ghana Cocoa Farmers' Union").click()
    page.get_by_role("link", name="Add a contact").first.click()
    page.locator("#id_name").fill("Kofi Boateng")
    page.locator("#id_job_title").fill("General Secretary")
    page.locator("#id_seniority").select_option(label="Executive")
    page.locator("#id_email").fill("kofi@gcfu.example")
    page.get_by_label("May sign for the organisation").check()
    page.get_by_role("button", name="Save contact").click()
    expect(page.get_by_text("Kofi Boateng is a contact of Ghana Cocoa Farmers' Union.")).to_be_visible()

    # a target group in a partner country, on the stakeholder map
    page.goto(f"{live_server.url}/partnerships/{partnership.pk}/stakeholders/map/")
    page.get_by_role("link", name="Map a stakeholder").first.click()
    page.get_by_role("link", name="Register a new organisation").click()
    page.locator("#id_name").fill("Cocoa-growing communities of Western North")
    page.locator("#id_sector").select_option(label="Civil society")
    pick(page, "id_country", "Ghana")
    page.get_by_role("button", name="Register organisation").click()
    page.locator("#id_power").select_option(label="2 – low")
    page.locator("#id_interest").select_option(label="5 – very high")
    page.locator("#id_influence").select_option(label="2 – low")
    page.locator("#id_engagement").select_option(label="Consulted")
    page.get_by_label("Target group").check()
    page.get_by_role("button", name="Put on the map").click()
    expect(page.get_by_text("is on the stakeholder map.")).to_be_visible()
    marker = page.locator('svg g.stakeholder[data-quadrant="keep_informed"]')
    expect(marker).to_have_count(1)
    expect(marker.locator("rect")).to_have_count(1)  # a target group is drawn as a square

    # invite Kofi as a partner
    page.get_by_role("link", name="Invitations").click()
    expect(page.get_by_text("Nobody has been invited yet.")).to_be_visible()
    pick(page, "id_contact", "Kofi Boateng")
    page.get_by_label("Partner: sees everything, read-only").check()
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text("Kofi Boateng is invited as partner")).to_be_visible()
    expect(page.locator("#invitations-table tbody tr[data-status=pending]")).to_have_count(1)
    screenshot("stakeholders-invitation-sent")

    # Kofi follows the link in his e-mail
    [message] = [m for m in mail.outbox if m.to == ["kofi@gcfu.example"]]
    link = re.search(r"https?://\S+/invitations/\S+/", message.body).group(0)
    path = "/" + link.split("/", 3)[3]
    page.get_by_role("button", name=re.compile("Amina")).click()
    page.get_by_role("button", name="Log out").click()
    page.goto(live_server.url + path)
    expect(page.get_by_text("You are invited to Sustainable Cocoa Partnership")).to_be_visible()
    page.locator("#id_username").fill("kofi")
    page.locator("#id_password1").fill("cocoa-tree-47-shade")
    page.locator("#id_password2").fill("cocoa-tree-47-shade")
    page.get_by_role("button", name="Set password and join").click()

    expect(page.get_by_text("Welcome, Kofi Boateng.")).to_be_visible()
    expect(page.locator("h1")).to_have_text("Sustainable Cocoa Partnership")
    expect(page.get_by_text("You: Partner")).to_be_visible()
    expect(page.locator("#card-stakeholders")).to_contain_text("3 member organisations")
    page.get_by_role("link", name="Stakeholders").click()
    expect(page.locator("#members-table tbody tr")).to_have_count(3)
    expect(page.get_by_role("link", name="Add a member")).to_have_count(0)
    expect(page.get_by_role("link", name="Edit")).to_have_count(0)
    page.get_by_role("link", name="Stakeholder map").click()
    expect(page.locator("#map-table")).to_contain_text("Target group")
    expect(page.get_by_role("link", name="Map a stakeholder")).to_have_count(0)
    path = screenshot("stakeholders-partner-sees-the-map")
    assert path.stat().st_size > 10_000

    # the link works once
    page.goto(live_server.url + "/invitations/" + link.rstrip("/").rsplit("/", 1)[1] + "/")
    expect(page.locator("#invitation-problem")).to_contain_text("accepted already")

    assert Membership.objects.filter(partnership=partnership, is_core_group=True).count() == 3
    assert StakeholderMapEntry.objects.get(partnership=partnership).is_target_group
    assert PartnershipRole.objects.get(partnership=partnership, user__username="kofi").role == Role.PARTNER
    assert Invitation.objects.get().accepted_by.contact.name == "Kofi Boateng"
