"""The secretariat checks two spreadsheets in two tabs at once, then imports each from its own tab: each tab imports
the file it checked."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from msp.models import Role
from stakeholders.models import Membership, PendingImport, StakeholderMapEntry
from tests.factories import PartnershipFactory, RoleFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MEMBERS = b"Organisation,Sector,Country,Member role\nGhana Cocoa Farmers' Union,Civil society,Ghana,Core partner\n"
MAP = b"Organisation,Sector,Power,Interest\nCocoa Traders Association,Private sector,4,2\n"


def check(page, url, kind, name, content):
    page.goto(url)
    page.get_by_label(kind).check()
    page.locator("#id_file").set_input_files(files=[{"name": name, "mimeType": "text/csv", "buffer": content}])
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_text("The file is valid: 1 row.")).to_be_visible()


def test_two_tabs_each_import_the_file_they_checked(page, live_server, sign_in, screenshot):
    partnership = PartnershipFactory(name="Sustainable Cocoa Partnership", countries=["GH"])
    RoleFactory(partnership=partnership, user=UserFactory(username="amina"), role=Role.SECRETARIAT)
    sign_in("amina")
    url = live_server.url + reverse("stakeholders:import", kwargs={"partnership_pk": partnership.pk})

    check(page, url, "Members of this partnership", "members.csv", MEMBERS)
    other_tab = page.context.new_page()
    check(other_tab, url, "Stakeholder map of this partnership", "map.csv", MAP)
    assert PendingImport.objects.count() == 2
    screenshot("import-checked")

    page.get_by_role("button", name="Import all rows").click()  # the first tab, after the second one checked
    expect(page.get_by_text("members.csv is imported")).to_be_visible()
    assert list(Membership.objects.values_list("organisation__name", flat=True)) == ["Ghana Cocoa Farmers' Union"]
    assert not StakeholderMapEntry.objects.exists()

    other_tab.get_by_role("button", name="Import all rows").click()
    expect(other_tab.get_by_text("map.csv is imported")).to_be_visible()
    assert StakeholderMapEntry.objects.get().organisation.name == "Cocoa Traders Association"
    assert not PendingImport.objects.exists()
