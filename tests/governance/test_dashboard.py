from django.urls import reverse

from governance import services
from tests.governance.factories import mou_draft, roadmap_draft, sign


def test_the_agreements_card_names_who_has_not_approved_or_signed(client, partnership, secretariat, kofi, awa, partner):
    roadmap = services.roadmap_send_for_review(version=roadmap_draft(partnership, secretariat), by=secretariat)
    services.roadmap_approve(version=roadmap, by=kofi)
    mou = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    sign(mou, awa)
    client.force_login(partner)  # partners see the versions under way (donors do not: tests/governance/test_donors.py)
    card = client.get(reverse("msp:dashboard", args=[partnership.pk])).content.decode()
    card = card[card.index('id="card-agreements"') :]
    card = card[: card.index("</section>")]
    assert "In review" in card and "Partially signed" in card
    not_approved = card[card.index("Not yet approved by") : card.index("Memorandum")]
    assert "Kavokiva" in not_approved and "Ghana Cocoa Board" not in not_approved
    not_signed = card[card.index("Not yet signed by") :]
    assert "Ghana Cocoa Board" in not_signed and "Kavokiva" not in not_signed


def test_the_agreements_card_without_agreements_says_so(client, partnership, secretariat):
    client.force_login(secretariat)
    body = client.get(reverse("msp:dashboard", args=[partnership.pk])).content.decode()
    assert "No roadmap yet." in body and "No MoU yet." in body
