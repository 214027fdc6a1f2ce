"""An MoU from draft to force: the secretariat drafts it and sends it for review, a partner comments on a clause,
the secretariat makes version 2 and sends it for signature, two partners sign, the MoU is in force, and the PDF
downloads with the clauses and both signatures."""

import datetime as dt
import subprocess

import pytest
from playwright.sync_api import expect

from governance.demo import evidence_pdf
from governance.models import MouVersion
from msp.models import Role
from tests.factories import (
    ContactFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    RoleFactory,
    UserFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _partner(partnership, username, first, last, organisation):
    user = UserFactory(username=username, first_name=first, last_name=last)
    RoleFactory(partnership=partnership, user=user, role=Role.PARTNER)
    org = OrganisationFactory(name=organisation)
    MembershipFactory(partnership=partnership, organisation=org)
    ContactFactory(organisation=org, user=user, name=f"{first} {last}", job_title="Director", may_sign=True)
    return user


def _person(browser, live_server, username):
    """A browser of one's own, signed in (each person has their own session)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB", accept_downloads=True)
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())  # the "are you sure?" confirmations
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")
    return page


def _shot(page, name):
    from tests.e2e.conftest import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def test_an_mou_is_drafted_reviewed_revised_signed_and_downloaded(browser, live_server, tmp_path):
    partnership = PartnershipFactory(name="Upper Tana Water Partnership")
    RoleFactory(
        partnership=partnership,
        user=UserFactory(username="joseph", first_name="Joseph", last_name="Kamau"),
        role=Role.SECRETARIAT,
    )
    _partner(partnership, "wanjiru", "Wanjiru", "Njoroge", "Water Resources Authority")
    _partner(partnership, "peter", "Peter", "Otieno", "Nairobi City Water")
    # A member whose signatory has no account: it signs on paper, and the secretariat records it.
    farmers = OrganisationFactory(name="Upper Tana Farmers' Union")
    MembershipFactory(partnership=partnership, organisation=farmers)
    ContactFactory(organisation=farmers, name="Grace Wambui", job_title="Chair", may_sign=True)
    mou_url = f"{live_server.url}/partnerships/{partnership.pk}/mou/"

    # The secretariat drafts version 1 with two clauses and sends it for review.
    joseph = _person(browser, live_server, "joseph")
    questions = []
    joseph.on("dialog", lambda dialog: questions.append(dialog.message))
    joseph.goto(mou_url)
    expect(joseph.get_by_text("No MoU yet")).to_be_visible()
    joseph.get_by_role("button", name="Draft the MoU").click()
    expect(joseph.get_by_text("MoU version 1 is started")).to_be_visible()
    joseph.get_by_role("link", name="Add the first clause").click()
    joseph.get_by_label("Type").select_option("funding_conditions")
    joseph.get_by_label("Title").fill("Funding conditions")
    joseph.get_by_label("Text").fill("Downstream users pay into the water fund.")
    joseph.get_by_role("button", name="Save clause").click()
    expect(joseph.get_by_text("Clause “Funding conditions” is saved.")).to_be_visible()
    joseph.get_by_role("link", name="Add a clause").click()
    joseph.get_by_label("Type").select_option("exit")
    joseph.get_by_label("Title").fill("Exit")
    joseph.get_by_label("Text").fill("A partner may leave with **six months'** notice.")
    joseph.get_by_role("button", name="Save clause").click()
    joseph.get_by_role("button", name="Send for review").click()
    expect(joseph.get_by_text("Version 1 is sent for review")).to_be_visible()
    expect(joseph.locator(".gov-status").first).to_have_text("In review")

    # A partner comments on the funding clause.
    wanjiru = _person(browser, live_server, "wanjiru")
    wanjiru.goto(mou_url + "v1/")
    clause = wanjiru.locator(".gov-clause", has_text="Funding conditions")
    clause.get_by_text("Comment on this clause", exact=True).click()
    clause.get_by_label("Your comment on this clause").fill("Without a yearly floor the fund cannot plan.")
    clause.get_by_role("button", name="Add comment").click()
    expect(wanjiru.get_by_text("Your comment is added.")).to_be_visible()
    expect(wanjiru.locator(".gov-clause", has_text="Funding conditions")).to_contain_text("Water Resources Authority")
    _shot(wanjiru, "mou-partner-commented")

    # The secretariat starts version 2, changes the clause, and sends it for signature.
    joseph.goto(mou_url + "v1/")
    expect(joseph.get_by_text("Without a yearly floor the fund cannot plan.")).to_be_visible()
    joseph.get_by_role("button", name="Mark resolved").click()
    expect(joseph.get_by_text("The comment is marked resolved.")).to_be_visible()
    joseph.goto(mou_url)
    joseph.get_by_role("button", name="Start a new version").click()
    expect(joseph.get_by_text("Version 2 is started as a copy of version 1")).to_be_visible()
    joseph.locator(".gov-clause", has_text="Funding conditions").get_by_role("link", name="Change").click()
    joseph.get_by_label("Text").fill("Downstream users pay into the water fund, at least USD 50,000 a year each.")
    joseph.get_by_role("button", name="Save clause").click()
    joseph.get_by_role("link", name="Compare with v1").click()
    expect(joseph.locator("ins", has_text="at least USD 50,000 a year each")).to_be_visible()
    _shot(joseph, "mou-compare")
    joseph.go_back()
    expect(joseph.locator("#unable-to-act")).to_contain_text("Upper Tana Farmers' Union")
    joseph.get_by_role("button", name="Send for signature").click()
    expect(joseph.get_by_text("Version 2 is sent for signature")).to_be_visible()
    assert "Nobody can sign online for: Upper Tana Farmers' Union" in questions[-1]

    # Two partners sign for their organisations.
    for page, org in (
        (wanjiru, "Water Resources Authority"),
        (_person(browser, live_server, "peter"), "Nairobi City Water"),
    ):
        page.goto(mou_url + "v2/")
        expect(page.get_by_label("Your position")).to_have_value("Director")
        page.get_by_label("I have read this version and sign it on behalf of my organisation.").check()
        page.get_by_role("button", name=f"Sign for {org}").click()
        expect(page.get_by_text(f"You signed version 2 for {org}.")).to_be_visible()
    expect(page.locator(".gov-status").first).to_have_text("Partially signed")

    # The farmers' union signed the printed text: the secretariat records it with the scanned page.
    scan = tmp_path / "signed-page.pdf"
    scan.write_bytes(evidence_pdf("signed page"))
    joseph.goto(mou_url + "v2/")
    joseph.get_by_text("Record a signature given on paper").click()
    joseph.get_by_label("Organisation").select_option(label="Upper Tana Farmers' Union")
    joseph.get_by_label("Signed by (name)").fill("Grace Wambui")
    joseph.get_by_label("Position").fill("Chair")
    joseph.get_by_label("Signed on").fill(dt.date.today().isoformat())
    joseph.get_by_label("Evidence").set_input_files(str(scan))
    joseph.get_by_role("button", name="Record the signature").click()
    expect(joseph.get_by_text("Every party has now signed: the MoU is in force.")).to_be_visible()
    expect(joseph.locator("#signatures")).to_contain_text("signed on paper")
    page = joseph
    expect(page.locator(".gov-status").first).to_have_text("In force")
    _shot(page, "mou-in-force")
    version = MouVersion.objects.get(partnership=partnership, number=2)
    assert version.status == "in_force" and version.signatures.count() == 3

    # The PDF downloads, with the revised clause and both signatures.
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    pdf = tmp_path / "mou.pdf"
    download.value.save_as(pdf)
    text = " ".join(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split()
    )
    assert "at least USD 50,000 a year each" in text and "In force" in text
    assert "Wanjiru Njoroge" in text and "Peter Otieno" in text
    assert "Grace Wambui" in text and "signed on paper" in text
