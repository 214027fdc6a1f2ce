"""A partner's visit (issue 15): signs in and lands on My work, opens the roadmap version awaiting their approval
from it and approves it for their organisation, enters an overdue indicator actual from My work, then reads a
notification (opening it marks it read and goes where it points)."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from governance import services as gov
from governance.models import RoadmapApproval
from monitoring.models import Actual
from msp.models import Role
from msp.notices import Notice
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_mou_journey import _person
from tests.factories import PartnershipFactory, RoleFactory, UserFactory
from tests.governance.factories import member, roadmap_draft
from tests.monitoring.factories import IndicatorFactory, PeriodFactory


def _shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _world():
    partnership = PartnershipFactory(name="Cocoa Partnership")
    secretariat = RoleFactory(partnership=partnership, user=UserFactory(username="amina"), role=Role.SECRETARIAT).user
    kofi = member(partnership, "kofi", org_name="Ghana Cocoa Board")
    member(partnership, "awa", org_name="Kavokiva")
    today = timezone.localdate()
    indicator = IndicatorFactory(partnership=partnership, name="Farmers trained", responsible=kofi.contact.organisation)
    period = PeriodFactory(
        indicator=indicator, start=today - dt.timedelta(days=200), end=today - dt.timedelta(days=100)
    )
    # the indicator's node made a draft roadmap: fill it in and send it for review (the partners are told)
    from governance.models import RoadmapVersion

    draft = RoadmapVersion.objects.filter(partnership=partnership, status="draft").first() or roadmap_draft(
        partnership, secretariat
    )
    gov.roadmap_version_update(
        version=draft, by=secretariat, problem_statement="Drought.", vision="Cocoa for all.", goals=["Living income"]
    )
    version = gov.roadmap_send_for_review(version=draft, by=secretariat)
    return partnership, kofi, version, period


def test_a_partner_approves_enters_data_and_reads_a_notification(browser, live_server):
    partnership, kofi, version, period = _world()
    page = _person(browser, live_server, "kofi")

    # lands on My work, which lists the roadmap to approve and the overdue data
    expect(page.get_by_role("heading", name="My work")).to_be_visible()
    expect(page.get_by_role("heading", name="Roadmap versions to approve")).to_be_visible()
    expect(page.get_by_role("heading", name="Indicator data due or overdue")).to_be_visible()
    _shot(page, "partner-my-work")

    page.get_by_role("link", name=f"Approve roadmap version {version.number}").click()
    page.get_by_role("button", name="Approve for Ghana Cocoa Board").click()
    expect(page.get_by_text(f"You approved version {version.number} for Ghana Cocoa Board.")).to_be_visible()
    assert RoadmapApproval.objects.filter(version=version, organisation=kofi.contact.organisation).exists()

    # back on My work: the approval is done, the data is still due
    page.get_by_role("link", name="My work", exact=True).first.click()
    expect(page.get_by_role("heading", name="Roadmap versions to approve")).to_have_count(0)
    page.get_by_role("link", name="Enter data for “Farmers trained”").click()
    expect(page.get_by_role("heading", name="Enter the actual value")).to_be_visible()
    page.get_by_label("Actual value").fill("120")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved the actual value of “Farmers trained”")).to_be_visible()
    assert Actual.objects.get(period=period).value == 120

    # the notification about the roadmap, opened from the notifications page
    notice = Notice.objects.filter(recipient=kofi).order_by("created_at").first()
    assert notice is not None and notice.read_at is None
    page.get_by_role("link", name="Notifications").first.click()
    page.get_by_role("button", name=notice.subject).click()
    page.wait_for_url(f"{live_server.url}{notice.link}")
    notice.refresh_from_db()
    assert notice.read_at is not None
