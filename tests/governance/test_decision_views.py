"""The decision log's pages: partners record their own position, the secretariat cannot adopt over a block (the
message shown), donors see adopted decisions only and no positions, the export is formula-safe."""

import csv
import io

import pytest
from django.urls import reverse

from governance import services
from governance.models import Decision

pytestmark = pytest.mark.django_db


def url(name, decision, *extra):
    return reverse(f"governance:{name}", args=[decision.partnership_id, decision.pk, *extra])


@pytest.fixture
def open_decision(partnership, secretariat, members):
    decision = services.decision_save(
        partnership=partnership, by=secretariat, title="=HYPERLINK(1)", method="consensus"
    )
    return services.decision_open(decision=decision, by=secretariat)


def test_partners_record_and_the_block_stops_adoption(client, open_decision, secretariat, kofi, awa):
    client.force_login(kofi)
    response = client.post(url("position", open_decision), {"position": "support", "statement": ""})
    assert response.status_code == 302
    client.force_login(awa)
    client.post(url("position", open_decision), {"position": "block", "statement": "No budget."})
    client.force_login(secretariat)
    response = client.post(
        url("decision_decide", open_decision), {"outcome": "adopted", "decided_on": "2026-11-30"}, follow=True
    )
    assert "Kavokiva blocks this proposal: under consensus it cannot be adopted." in response.content.decode()
    open_decision.refresh_from_db()
    assert open_decision.status == "open"
    page = client.get(url("decision", open_decision)).content.decode()
    assert "No budget." in page and 'id="positions-table"' in page and "<svg" in page


def test_the_secretariat_records_on_a_members_behalf(client, open_decision, secretariat, awa):
    client.force_login(secretariat)
    org = awa.contact.organisation
    response = client.post(
        url("position_on_behalf", open_decision),
        {"organisation": org.pk, "position": "support", "note": "At the meeting."},
    )
    assert response.status_code == 302
    assert open_decision.positions.get().on_behalf
    # and cannot record for itself as a partner
    assert client.get(url("position", open_decision)).status_code == 403


def test_donors_see_adopted_decisions_only_without_positions(
    client, open_decision, partnership, secretariat, kofi, donor
):
    adopted = services.decision_save(partnership=partnership, by=secretariat, title="Adopted one", method="consent")
    services.decision_open(decision=adopted, by=secretariat)
    services.position_record(decision=adopted, by=kofi, organisation=kofi.contact.organisation, position="support")
    services.decision_decide(decision=adopted, by=secretariat, outcome="adopted")
    client.force_login(donor)
    page = client.get(reverse("governance:decisions", args=[partnership.pk])).content.decode()
    assert "Adopted one" in page and "HYPERLINK" not in page
    assert client.get(url("decision", open_decision)).status_code == 404
    detail = client.get(url("decision", adopted)).content.decode()
    assert "Adopted one" in detail and "positions-table" not in detail and "Ghana Cocoa Board" not in detail
    export = client.get(reverse("governance:decisions_export", args=[partnership.pk])).content.decode("utf-8-sig")
    assert "Adopted one" in export and "HYPERLINK" not in export


def test_export_is_formula_safe_and_filtered(client, open_decision, partnership, secretariat):
    client.force_login(secretariat)
    response = client.get(reverse("governance:decisions_export", args=[partnership.pk]) + "?method=consensus")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][0] == "'=HYPERLINK(1)"
    response = client.get(reverse("governance:decisions_export", args=[partnership.pk]) + "?method=majority")
    assert len(list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))) == 1
    xlsx = client.get(reverse("governance:decisions_export", args=[partnership.pk]) + "?format=xlsx")
    assert xlsx.content[:2] == b"PK"


def test_the_log_filters(client, open_decision, partnership, secretariat):
    client.force_login(secretariat)
    log = reverse("governance:decisions", args=[partnership.pk])
    assert "HYPERLINK" in client.get(log + "?q=hyperlink").content.decode()
    assert "HYPERLINK" not in client.get(log + "?outcome=adopted").content.decode()


def test_draft_form_creates_a_draft(client, partnership, secretariat):
    client.force_login(secretariat)
    response = client.post(
        reverse("governance:decision_add", args=[partnership.pk]), {"title": "Meet monthly", "method": "consent"}
    )
    assert response.status_code == 302
    assert Decision.objects.get().status == "draft"


def test_the_dashboard_card(client, open_decision, partnership, secretariat, kofi, donor):
    dashboard = reverse("msp:dashboard", args=[partnership.pk])
    client.force_login(kofi)
    card = client.get(dashboard).content.decode()
    card = card[card.index('id="card-governance"') :]
    assert "Awaiting your organisation" in card and url("position", open_decision) in card
    services.position_record(
        decision=open_decision, by=kofi, organisation=kofi.contact.organisation, position="support"
    )
    card = client.get(dashboard).content.decode()
    assert "Awaiting your organisation" not in card
    client.force_login(donor)
    card = client.get(dashboard).content.decode()
    card = card[card.index('id="card-governance"') :]
    card = card[: card.index("</section>")]
    assert "HYPERLINK" not in card and "No decisions taken yet." in card and "open for positions" not in card
