"""Issue 14's journey (acceptance 8): the secretariat asks for a donor report and watches it on its page, without
reloading, go from queued to being made (the section named) to made; it releases it, and a donor signs in, finds it
in the partnership's Reports tab and downloads the PDF.

The worker is played by a thread of the test: the queueing is held back (as when the worker is busy), then the
job runs for real (jobs.report_generate) and waits inside one section until the page has shown it."""

import threading

import pytest
from django.db import connection
from playwright.sync_api import expect

from monitoring import tasks
from monitoring.models import Report, ReportStatus
from monitoring.reports import donor as donor_report
from monitoring.reports import jobs
from msp.models import Notification, Role
from tests.factories import PartnershipFactory, RoleFactory, UserFactory

from .test_mou_journey import _person, _shot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _worker(report_id, gate, monkeypatch):
    """Make the report in another thread; the finances section waits for `gate`."""
    finances = next(section for section in donor_report.SECTIONS if section.key == "finances")
    real = finances.collect

    def held(ctx):
        gate.wait(timeout=60)
        return real(ctx)

    monkeypatch.setattr(finances, "collect", held)

    def run():
        try:
            jobs.report_generate(report_id)
        finally:
            connection.close()  # the worker's own connection

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_a_donor_report_is_asked_for_watched_released_and_downloaded(browser, live_server, monkeypatch, tmp_path):
    partnership = PartnershipFactory(name="Ghana Cocoa Landscape Partnership")
    RoleFactory(partnership=partnership, role=Role.SECRETARIAT, user=UserFactory(username="amina"))
    daniel = UserFactory(username="daniel", first_name="Daniel", last_name="Weber")
    RoleFactory(partnership=partnership, role=Role.DONOR, user=daniel)
    queued = []
    monkeypatch.setattr(tasks, "queue_report", queued.append)  # the worker is busy: the report waits

    amina = _person(browser, live_server, "amina")
    amina.goto(f"{live_server.url}/partnerships/{partnership.pk}/")
    amina.get_by_role("link", name="Reports", exact=True).click()
    expect(amina.get_by_text("No report yet")).to_be_visible()
    amina.get_by_label("Donor report").check()
    amina.get_by_label("Period from").fill("2026-04-01")
    amina.get_by_label("Period to").fill("2026-06-30")
    amina.get_by_label("Language").select_option("en")
    amina.get_by_role("button", name="Make the report").click()

    expect(amina.get_by_text("Donor report, version 1 is asked for.")).to_be_visible()
    status = amina.locator("#report-status")
    expect(status).to_contain_text("Queued.")
    report = Report.objects.get(partnership=partnership)
    assert queued == [report.pk]
    amina.evaluate("window.sameVisit = true")  # gone if the page reloads

    gate = threading.Event()
    worker = _worker(report.pk, gate, monkeypatch)
    expect(status).to_contain_text("Being made.")
    expect(status).to_contain_text("Now: Finances.")
    expect(status).to_contain_text("Section 5 of 12")
    _shot(amina, "report-journey-running")
    gate.set()
    expect(status).to_contain_text("Made.", timeout=60_000)
    worker.join(timeout=60)
    assert amina.evaluate("window.sameVisit") is True
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE and report.sha256 in status.inner_text()
    expect(status.get_by_role("link", name="Download the PDF")).to_be_visible()
    _shot(amina, "report-journey-made")

    status.get_by_role("button", name="Release to donors and partners").click()  # confirmed by _person
    expect(amina.get_by_text("Donor report, version 1 is released")).to_be_visible()
    expect(amina.locator("#report-status")).to_contain_text("Released to the partnership's donors and partners")
    assert Notification.objects.filter(recipient=daniel, subject__startswith="Donor report released").count() == 1
    amina.get_by_role("link", name="All reports").click()
    expect(amina.locator("#reports-table tbody tr")).to_contain_text("released")
    _shot(amina, "report-journey-list")

    daniel_page = _person(browser, live_server, "daniel")
    daniel_page.goto(f"{live_server.url}/partnerships/{partnership.pk}/")
    daniel_page.get_by_role("link", name="Reports", exact=True).click()
    row = daniel_page.locator("#reports-table tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("released")
    with daniel_page.expect_download() as caught:
        row.get_by_role("link", name="PDF").click()
    download = caught.value
    assert download.suggested_filename == jobs.report_filename(report)
    saved = tmp_path / "report.pdf"
    download.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
    _shot(daniel_page, "report-journey-donor")
