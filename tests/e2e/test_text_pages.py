"""Pages of the roadmap and MoU as a browser shows them: the results-chain tree with long titles (desktop and
phone), the "contributes to" choices following the level, the comparison of two MoU versions, and the PDF's
file name with accents."""

import datetime
import sys

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from governance import services
from msp.models import Role
from tests.factories import PartnershipFactory, RoleFactory, UserFactory
from tests.governance.factories import member, mou_draft, roadmap_draft

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LONG = (
    "Smallholder cocoa farmers in the Nawa and Soubré regions earn a living income from diversified, "
    "deforestation-free farms with secure land tenure and fair access to premium markets"
)


@pytest.fixture
def partnership():
    return PartnershipFactory(name="Cacao durable Côte d’Ivoire")


@pytest.fixture
def secretariat(partnership):
    user = UserFactory(username="amina", first_name="Amina", last_name="Diallo")
    RoleFactory(partnership=partnership, user=user, role=Role.SECRETARIAT)
    return user


@pytest.fixture
def chain(partnership, secretariat):
    member(partnership, "kofi", org_name="Ghana Cocoa Board")
    version = roadmap_draft(partnership, secretariat)
    impact = services.result_node_save(version=version, by=secretariat, level="impact", title=LONG)
    outcome = services.result_node_save(
        version=version, by=secretariat, level="outcome", parent=impact, title="Yields double on " + LONG[:60]
    )
    services.result_node_save(version=version, by=secretariat, level="output", parent=outcome, title="Seedlings")
    services.milestone_save(
        version=version, by=secretariat, title="Nurseries ready", due_on=datetime.date(2030, 3, 31), status="planned"
    )
    return version


@pytest.mark.parametrize("width", [1280, 390])
def test_long_titles_wrap_beside_their_edit_and_remove_buttons(page, sign_in, live_server, screenshot, chain, width):
    page.set_viewport_size({"width": width, "height": 900})
    sign_in("amina")
    page.goto(live_server.url + chain.get_absolute_url())
    for node in page.locator(".gov-node").all():
        title = node.locator(".gov-node-title").first.bounding_box()
        box = node.bounding_box()
        for button in (node.get_by_role("link", name="Change"), node.get_by_role("button", name="Remove")):
            button = button.first.bounding_box()
            assert button["x"] >= title["x"] + title["width"] - 1, "the buttons are beside the title"
            assert button["y"] < title["y"] + title["height"], "the buttons are level with the title, not below it"
            assert button["x"] + button["width"] <= box["x"] + box["width"], "the buttons stay inside the node"
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing sticks out sideways
    screenshot(f"text-results-chain-{width}")


def test_contributes_to_offers_the_level_above_the_chosen_one(page, sign_in, live_server, chain):
    sign_in("amina")
    page.goto(live_server.url + reverse("governance:roadmap_node_add", args=[chain.partnership_id, chain.number]))
    level, parent = page.get_by_label("Level"), page.get_by_label("Contributes to")

    def offered():
        return parent.locator("option:not([hidden])").all_inner_texts()

    level.select_option("output")
    assert [text for text in offered() if ":" in text] == ["Outcome: Yields double on " + LONG[:60]]
    parent.select_option(label="Outcome: Yields double on " + LONG[:60])
    level.select_option("activity")
    assert [text for text in offered() if ":" in text] == ["Output: Seedlings"]
    expect(parent).to_have_value("")  # the outcome chosen before no longer fits
    expect(parent.locator("option:checked")).to_have_text("Choose the output it contributes to")


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "accept_downloads": True}


def test_the_comparison_shows_formatting_and_the_pdf_keeps_its_accented_name(
    page, sign_in, live_server, screenshot, partnership, secretariat
):
    v1 = mou_draft(partnership, secretariat, clauses=())
    services.clause_save(
        version=v1,
        by=secretariat,
        type="governance",
        title="Decisions",
        text="Partners decide by majority.\n\nThe steering group meets every quarter.\n\n- one seat each",
    )
    services.clause_save(version=v1, by=secretariat, type="other", title="Exit", text="A partner may leave.")
    services.mou_send_for_review(version=v1, by=secretariat)
    v2 = services.mou_version_create(partnership=partnership, by=secretariat)
    decisions = v2.clauses.get(title="Decisions")
    services.clause_save(
        version=v2,
        by=secretariat,
        clause=decisions,
        text="Partners decide by **consensus**.\n\nThe steering group meets **twice a year**.\n\n"
        "- one seat each\n- *no* vetoes",
    )
    services.clause_save(version=v2, by=secretariat, type="other", title="Grievances", text="Talk *first*.")
    sign_in("amina")
    page.goto(live_server.url + reverse("governance:mou_compare", args=[partnership.pk]))
    card = page.locator(".gov-diff-row.is-changed")
    expect(card.locator("ins strong", has_text="twice a year")).to_be_visible()
    expect(card.locator("li ins", has_text="vetoes")).to_be_visible()
    expect(card).not_to_contain_text("**")
    screenshot("text-mou-compare-1280")
    page.set_viewport_size({"width": 390, "height": 900})
    screenshot("text-mou-compare-390")

    page.goto(live_server.url + v1.get_absolute_url())
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    assert download.value.suggested_filename == "mou-cacao-durable-côte-d-ivoire-v1.pdf"


def test_without_pdf_libraries_the_download_link_leads_to_a_clear_page(
    page, sign_in, live_server, screenshot, partnership, secretariat, monkeypatch
):
    version = services.mou_send_for_review(version=mou_draft(partnership, secretariat), by=secretariat)
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # as if WeasyPrint could not be loaded
    sign_in("amina")
    page.goto(live_server.url + version.get_absolute_url())
    page.get_by_role("link", name="Download PDF").click()
    expect(page.get_by_role("heading", name="The PDF cannot be made on this server")).to_be_visible()
    expect(page.get_by_text("brew install pango")).to_be_visible()
    screenshot("text-pdf-unavailable-1280")
    page.get_by_role("link", name="Back to the page").click()
    expect(page).to_have_url(live_server.url + version.get_absolute_url())


def test_a_wrong_level_shows_its_error_once_beside_the_field(page, sign_in, live_server, screenshot, chain):
    sign_in("amina")
    page.goto(live_server.url + reverse("governance:roadmap_node_add", args=[chain.partnership_id, chain.number]))
    page.get_by_label("Level").select_option("activity")
    page.get_by_label("Title").fill("Nursery beds")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".invalid-feedback")).to_have_count(1)
    expect(page.locator(".invalid-feedback")).to_contain_text("An activity contributes to an output")
    expect(page.get_by_label("Contributes to").locator("option:checked")).to_have_text(
        "Choose the output it contributes to"
    )
    expect(page.get_by_label("Title")).to_have_value("Nursery beds")
    screenshot("text-results-chain-form-error-1280")
