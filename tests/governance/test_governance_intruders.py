"""Someone trying the governance pages' addresses by hand: the ids of another partnership's meetings, minutes,
papers, decisions and positions under one's own partnership are "not found" where the role may act, and answer
exactly as an id that does not exist where it may not (403 before any lookup): nothing tells that they exist, and
nothing changes. A partner posting to the secretariat's actions is refused (403) with nothing changed."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from governance import services
from governance.models import Decision, Meeting, MeetingPaper, Minutes
from msp.models import Role
from tests.factories import PartnershipFactory, RoleFactory
from tests.governance.factories import member
from tests.governance.paper_files import ACCEPTED, upload

pytestmark = pytest.mark.django_db

START = timezone.now().replace(microsecond=0) - dt.timedelta(days=3)


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path


def _world(name):
    """A partnership with a past meeting (minutes circulated, a shared and a draft paper) and an open decision with
    a position recorded on a member's behalf with evidence."""
    partnership = PartnershipFactory(name=name)
    secretariat = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
    partner = member(partnership, f"{name[:4].lower()}-partner")
    meeting = services.meeting_save(
        partnership=partnership,
        by=secretariat,
        title=f"{name} meeting",
        is_formal=True,
        start=START,
        end=START + dt.timedelta(hours=2),
        place="Accra",
        online_link="",
        agenda="",
    )
    services.meeting_invite(meeting=meeting, by=secretariat, organisations=[partner.contact.organisation])
    services.minutes_save(meeting=meeting, by=secretariat, text="Agreed.", recorded_on=timezone.localdate())
    services.minutes_circulate(meeting=meeting, by=secretariat)
    shared = services.meeting_paper_upload(
        meeting=meeting, by=secretariat, title="Shared", file=upload("agenda.pdf", ACCEPTED["agenda.pdf"]), share=True
    )
    draft = services.meeting_paper_upload(
        meeting=meeting, by=secretariat, title="Draft", file=upload("notes.txt", ACCEPTED["notes.txt"])
    )
    decision = services.decision_save(partnership=partnership, by=secretariat, title="Adopt", method="consensus")
    services.decision_open(decision=decision, by=secretariat)
    position = services.position_record_on_behalf(
        decision=decision,
        by=secretariat,
        organisation=partner.contact.organisation,
        position="support",
        note="At the meeting.",
        evidence=upload("letter.pdf", ACCEPTED["agenda.pdf"]),
    )
    return dict(
        partnership=partnership,
        secretariat=secretariat,
        partner=partner,
        meeting=meeting,
        shared=shared,
        draft=draft,
        decision=decision,
        position=position,
    )


@pytest.fixture
def ours():
    return _world("Cocoa")


@pytest.fixture
def theirs():
    return _world("Water")


def addresses(p, w, missing=False):
    """Every governance address of a meeting, its minutes and papers, a decision and its positions, with `p`'s
    partnership and `w`'s ids (mixed in every way an id can be swapped)."""
    pk, m, d = p["partnership"].pk, w["meeting"].pk, w["decision"].pk
    own_m, own_d = p["meeting"].pk, p["decision"].pk
    if missing:
        w = {key: type("Missing", (), {"pk": 10**9})() for key in ("draft", "shared", "position")}
        m = d = 10**9
    names = [
        ("meeting", m),
        ("meeting_edit", m),
        ("meeting_invite", m),
        ("meeting_cancel", m),
        ("minutes_edit", m),
        ("minutes_circulate", m),
        ("minutes_finalise", m),
        ("minutes_comment", m),
        ("paper_add", m),
        ("paper_share", m, w["draft"].pk),
        ("paper_remove", m, w["draft"].pk),
        ("paper_download", m, w["shared"].pk),
        ("paper_share", own_m, w["draft"].pk),
        ("paper_remove", own_m, w["draft"].pk),
        ("paper_download", own_m, w["shared"].pk),
        ("decision", d),
        ("decision_edit", d),
        ("decision_open", d),
        ("decision_decide", d),
        ("position", d),
        ("position_on_behalf", d),
        ("position_evidence", d, w["position"].pk),
        ("position_evidence", own_d, w["position"].pk),
    ]
    return [(name, reverse(f"governance:{name}", args=[pk, *ids])) for name, *ids in names]


@pytest.mark.parametrize("who", ["secretariat", "partner"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_partnerships_ids_are_not_found(client, ours, theirs, who, method):
    client.force_login(ours[who])
    before = _state()
    answers = [(name, getattr(client, method)(address).status_code) for name, address in addresses(ours, theirs)]
    missing = [(name, getattr(client, method)(address).status_code) for name, address in addresses(ours, ours, True)]
    assert answers == missing
    # 403: the role may not take this action at all; 405: an action answers GET before it looks anything up
    assert {status for _name, status in answers} <= {403, 404, 405}
    if method == "get":
        assert dict(answers)["meeting"] == dict(answers)["decision"] == dict(answers)["paper_download"] == 404
    if who == "secretariat" and method == "post":
        refused = {name for name, status in answers if status == 403}
        assert refused == {"minutes_comment", "position"}  # the partners' own actions
    assert _state() == before


def _state():
    return (
        list(Meeting.objects.order_by("pk").values_list("status", "sequence")),
        list(Minutes.objects.order_by("pk").values_list("status", "text")),
        list(MeetingPaper.objects.order_by("pk").values_list("shared_at", flat=True)),
        list(Decision.objects.order_by("pk").values_list("status", "outcome", "meeting")),
    )


def test_a_partner_posting_to_the_secretariats_actions_is_refused(client, ours):
    client.force_login(ours["partner"])
    pk, m, d = ours["partnership"].pk, ours["meeting"].pk, ours["decision"].pk
    actions = [
        ("meeting_add", []),
        ("meeting_edit", [m]),
        ("meeting_invite", [m]),
        ("meeting_cancel", [m]),
        ("minutes_edit", [m]),
        ("minutes_circulate", [m]),
        ("minutes_finalise", [m]),
        ("paper_add", [m]),
        ("paper_share", [m, ours["shared"].pk]),
        ("paper_remove", [m, ours["shared"].pk]),
        ("decision_add", []),
        ("decision_edit", [d]),
        ("decision_open", [d]),
        ("decision_decide", [d]),
        ("position_on_behalf", [d]),
    ]
    before = _state()
    data = {"outcome": "adopted", "decided_on": "2026-11-30", "title": "Mine now", "text": "Hijacked"}
    answers = {
        name: client.post(reverse(f"governance:{name}", args=[pk, *ids]), data).status_code for name, ids in actions
    }
    assert answers == {name: 403 for name, _ in actions}
    assert _state() == before
