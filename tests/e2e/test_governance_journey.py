"""Issue 10's story, in order: the secretariat schedules a meeting, invites the partners and shares a paper; it
proposes a decision by consensus and opens it; two partners record their positions (one blocks); the secretariat
cannot adopt it (the message says why); the block is withdrawn; now it adopts it, at that meeting. The refusals
of a paper that is not a document are in test_meeting_papers_journey."""

import pytest
from playwright.sync_api import expect

from governance.demo import evidence_pdf
from governance.models import Decision
from msp.models import Notification, Role
from tests.e2e.test_meeting_papers_journey import _schedule, _upload
from tests.e2e.test_mou_journey import _partner, _person
from tests.factories import PartnershipFactory, RoleFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path


def _position(page, url, position, statement=""):
    page.goto(url)
    page.get_by_role("link", name="Record my organisation's position").click()
    page.get_by_label(position, exact=True).check()
    page.get_by_label("Statement").fill(statement)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("is recorded")).to_be_visible()


def _adopt(page, url):
    page.goto(url)
    form = page.locator("#outcome-form")
    form.get_by_label("Adopted").check()
    form.get_by_label("Taken at the meeting").select_option(index=1)
    form.get_by_role("button", name="Record the outcome").click()


def test_a_meeting_with_papers_then_a_block_stops_consensus_until_it_is_withdrawn(browser, live_server):
    partnership = PartnershipFactory(name="Cocoa Partnership")
    sara = UserFactory(username="sara", first_name="Sara", last_name="Secretary")
    RoleFactory(partnership=partnership, user=sara, role=Role.SECRETARIAT)
    kofi_user = _partner(partnership, "kofi", "Kofi", "Boateng", "Ghana Cocoa Board")
    _partner(partnership, "awa", "Awa", "Koné", "Kavokiva")
    base = f"{live_server.url}/partnerships/{partnership.pk}/governance"

    # The secretariat schedules the meeting, invites both partners and shares a paper.
    secretariat = _person(browser, live_server, "sara")
    _schedule(secretariat, f"{base}/meetings/")
    meeting_url = secretariat.url.split("#")[0]
    secretariat.get_by_role("link", name="Invite attendees").first.click()
    secretariat.get_by_label("Kofi Boateng").check()
    secretariat.get_by_label("Awa Koné").check()
    secretariat.get_by_role("button", name="Save").click()
    secretariat.goto(meeting_url)
    _upload(secretariat, "Work plan 2027", "work-plan.pdf", evidence_pdf("Work plan 2027"), "application/pdf")
    row = secretariat.locator("#papers-table tbody tr", has_text="Work plan 2027")
    row.get_by_role("button", name="Share with the members").click()
    expect(secretariat.get_by_text("“Work plan 2027” is shared with the members")).to_be_visible()
    assert Notification.objects.filter(recipient=kofi_user, subject__startswith="Paper for").count() == 1

    # It proposes the decision (consensus, of all active members) and opens it for positions.
    secretariat.goto(f"{base}/decisions/")
    secretariat.get_by_role("link", name="Propose a decision").first.click()
    secretariat.get_by_label("Title").fill("Adopt the work plan")
    secretariat.get_by_role("button", name="Save").click()
    expect(secretariat.get_by_text("is saved as a draft")).to_be_visible()
    secretariat.get_by_role("button", name="Open for positions").click()
    expect(secretariat.locator("#decision-status")).to_have_text("Open for positions")
    url = secretariat.url.split("#")[0]

    # Two partners record their positions; one blocks.
    kofi = _person(browser, live_server, "kofi")
    kofi.goto(meeting_url)
    expect(kofi.get_by_role("link", name="work-plan.pdf")).to_be_visible()
    _position(kofi, url, "Support")
    awa = _person(browser, live_server, "awa")
    _position(awa, url, "Block", "Not without a budget.")

    # Consensus refused, in words.
    _adopt(secretariat, url)
    expect(
        secretariat.get_by_text("Kavokiva blocks this proposal: under consensus it cannot be adopted.").first
    ).to_be_visible()
    expect(secretariat.locator("#decision-status")).to_have_text("Open for positions")

    # The block is withdrawn; now it is adopted, at the meeting.
    _position(awa, url, "Support with reservations", "With a budget review in June.")
    _adopt(secretariat, url)
    expect(secretariat.get_by_text("The outcome is recorded: Adopted.")).to_be_visible()
    expect(secretariat.locator("#decision-status")).to_have_text("Adopted")
    expect(secretariat.locator("#decision-meeting")).to_contain_text("Steering Committee – budget")
    assert Decision.objects.get().meeting.title == "Steering Committee – budget"
