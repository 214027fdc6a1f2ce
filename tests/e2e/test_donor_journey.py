"""A donor's visit (issue 15): signs in, finds the report released to them on My work, downloads its PDF; a draft
report's address answers 404, as if it did not exist."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from msp.models import Role
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_mou_journey import _person
from tests.factories import PartnershipFactory, RoleFactory, UserFactory
from tests.monitoring.reports.report_rows import report_row


def _shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_donor_downloads_a_released_report_and_cannot_reach_a_draft(browser, live_server):
    partnership = PartnershipFactory(name="Cocoa Partnership")
    secretariat = RoleFactory(partnership=partnership, user=UserFactory(username="amina"), role=Role.SECRETARIAT).user
    RoleFactory(partnership=partnership, user=UserFactory(username="daniel"), role=Role.DONOR)
    released = report_row(partnership, secretariat, released=True)
    draft = report_row(partnership, secretariat)
    page = _person(browser, live_server, "daniel")

    expect(page.get_by_role("heading", name="Reports released to you")).to_be_visible()
    _shot(page, "donor-my-work")
    page.get_by_role("link", name=re.compile(rf"^Donor report .* \(version {released.number}\)$")).click()
    with page.expect_download() as info:
        page.get_by_role("link", name="Download the PDF").click()
    path = info.value.path()
    with open(path, "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    draft_url = reverse("monitoring:report", kwargs={"partnership_pk": partnership.pk, "pk": draft.pk})
    response = page.goto(f"{live_server.url}{draft_url}")
    assert response.status == 404
    download_url = reverse("monitoring:report_download", kwargs={"partnership_pk": partnership.pk, "pk": draft.pk})
    assert page.request.get(f"{live_server.url}{download_url}").status == 404
