"""Meeting papers: the secretariat schedules a meeting, invites a partner, uploads a paper (first a file that is
not a document, refused with the title kept) and shares it; the partner is told by e-mail, sees the paper on the
meeting's page and downloads it. A paper not yet shared stays out of the partner's sight."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from governance.demo import evidence_pdf
from msp.models import Notification, Role
from tests.e2e.test_mou_journey import _partner, _person
from tests.factories import PartnershipFactory, RoleFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path


def _schedule(page, url):
    start = (timezone.localtime() + dt.timedelta(days=10)).replace(hour=9, minute=0)
    page.goto(url)
    page.get_by_role("link", name="Add a meeting").first.click()
    page.get_by_label("Title").fill("Steering Committee – budget")
    page.get_by_label("Starts").fill(start.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Ends").fill((start + dt.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Place").fill("Accra")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("is added. Now invite the attendees.")).to_be_visible()


def _upload(page, title, name, content, mime):
    form = page.locator("#papers form[enctype]")
    form.get_by_label("Title").fill(title)
    form.get_by_label("File").set_input_files({"name": name, "mimeType": mime, "buffer": content})
    form.get_by_role("button", name="Upload").click()


def test_the_secretariat_shares_a_paper_and_a_partner_downloads_it(browser, live_server, tmp_path):
    partnership = PartnershipFactory(name="Cocoa Partnership")
    sara = UserFactory(username="sara", first_name="Sara", last_name="Secretary")
    RoleFactory(partnership=partnership, user=sara, role=Role.SECRETARIAT)
    kofi_user = _partner(partnership, "kofi", "Kofi", "Boateng", "Ghana Cocoa Board")
    meetings_url = f"{live_server.url}/partnerships/{partnership.pk}/governance/meetings/"

    secretariat = _person(browser, live_server, "sara")
    _schedule(secretariat, meetings_url)
    meeting_url = secretariat.url.split("#")[0]
    secretariat.get_by_role("link", name="Invite attendees").first.click()
    secretariat.get_by_label("Kofi Boateng").check()
    secretariat.get_by_role("button", name="Save").click()
    expect(secretariat.get_by_text("No papers yet.")).to_be_visible()

    _upload(secretariat, "Budget proposal", "budget.exe", b"MZ\x90\x00", "application/octet-stream")
    expect(secretariat.get_by_text("Only documents can be uploaded").first).to_be_visible()
    expect(secretariat.get_by_label("Title")).to_have_value("Budget proposal")
    secretariat.goto(meeting_url)
    pdf = evidence_pdf("Budget proposal 2027")
    _upload(secretariat, "Budget proposal", "budget-2027.pdf", pdf, "application/pdf")
    expect(secretariat.get_by_text("“Budget proposal” is added. Share it with the members")).to_be_visible()
    row = secretariat.locator("#papers-table tbody tr", has_text="Budget proposal")
    expect(row).to_contain_text("Not shared yet")

    kofi = _person(browser, live_server, "kofi")
    kofi.goto(meeting_url)
    expect(kofi.get_by_text("No papers shared yet.")).to_be_visible()

    row.get_by_role("button", name="Share with the members").click()
    expect(secretariat.get_by_text("“Budget proposal” is shared with the members")).to_be_visible()
    expect(secretariat.locator("#papers-table tbody tr", has_text="Budget proposal")).not_to_contain_text(
        "Not shared yet"
    )
    assert Notification.objects.filter(recipient=kofi_user, subject__startswith="Paper for").count() == 1

    kofi.goto(meeting_url)
    with kofi.expect_download() as caught:
        kofi.get_by_role("link", name="budget-2027.pdf").click()
    download = caught.value
    assert download.suggested_filename == "budget-2027.pdf"
    saved = tmp_path / "downloaded.pdf"
    download.save_as(saved)
    assert saved.read_bytes() == pdf
