"""Events tell the people concerned with a notice of the right kind, keyed by what it is about: a decision opened
for positions (the partners), a health-check round opened (the partners), a roadmap sent for review, an MoU sent
for signature, a phase change; each e-mail in the recipient's language, with one link."""

import pytest
from django.core import mail
from django.urls import reverse

from governance import services as governance
from msp import profiles
from msp.notices import Notice, NoticeKind
from phases.services import phase_transition
from tests.governance.factories import member, mou_draft, roadmap_draft
from tests.phases.health_check_factories import open_round


@pytest.fixture
def kofi(partnership):
    return member(partnership, "kofi", org_name="Ghana Cocoa Board")


def told(kind):
    return {(n.recipient.username, n.key) for n in Notice.objects.filter(kind=kind).select_related("recipient")}


def test_a_decision_opened_for_positions_asks_the_partners(
    partnership, secretariat, kofi, donor, django_capture_on_commit_callbacks
):
    profiles.user_language_set(user=kofi, language="fr")
    decision = governance.decision_save(partnership=partnership, by=secretariat, title="Adopt the plan", text="T")
    assert not told(NoticeKind.DECISION)  # a draft asks nobody
    with django_capture_on_commit_callbacks(execute=True):
        governance.decision_open(decision=decision, by=secretariat)
    assert told(NoticeKind.DECISION) == {("kofi", f"decision:{decision.pk}")}
    [message] = mail.outbox
    assert message.subject == "Une décision attend votre position : Adopt the plan"
    assert reverse("governance:decision", args=[partnership.pk, decision.pk]) in message.body


def test_a_health_check_round_opened_asks_the_partners(partnership, secretariat, kofi):
    row = open_round(partnership, secretariat)
    assert told(NoticeKind.HEALTH_CHECK) == {("kofi", f"health_check:{row.pk}")}
    [notice] = Notice.objects.filter(kind=NoticeKind.HEALTH_CHECK)
    assert notice.link == reverse("phases:health_check", args=[partnership.pk, row.pk])


def test_a_roadmap_sent_for_review_and_an_mou_for_signature(partnership, secretariat, kofi):
    version = roadmap_draft(partnership, secretariat)
    governance.roadmap_send_for_review(version=version, by=secretariat)
    assert told(NoticeKind.REVIEW) == {("kofi", f"roadmap:{version.pk}")}
    mou = mou_draft(partnership, secretariat)
    governance.mou_send_for_signature(version=mou, by=secretariat)
    assert told(NoticeKind.SIGNATURE) == {("kofi", f"mou:{mou.pk}")}


def test_a_phase_change_tells_everyone_on_the_partnership(partnership, secretariat, kofi, donor, gates_open):
    transition = phase_transition(partnership=partnership, to=2, by=secretariat, reason="")
    assert told(NoticeKind.PHASE) == {(u, f"transition:{transition.pk}") for u in ("sara", "kofi", "dora")}
