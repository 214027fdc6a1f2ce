"""A decision names the meeting it was taken at and what it changed (a phase move, a roadmap or MoU version): the
form offers this partnership's records only, the service refuses the others with a message, the decision page
shows the links (to donors: no meeting page, only agreed versions), the meeting page lists its decisions."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from governance import services
from governance.models import Decision
from phases.services import phase_transition
from tests.factories import PartnershipFactory, RoleFactory
from tests.governance.factories import mou_draft, roadmap_draft, sign

# Moving forward passes the phase gate: fake rules that all pass (tests/gates.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("gates_open")]

START = (timezone.localtime() - dt.timedelta(days=10)).replace(hour=9, minute=0, second=0, microsecond=0)


def url(name, partnership, *args):
    return reverse(f"governance:{name}", args=[partnership.pk, *args])


def committee(partnership, by, name="Steering Committee"):
    return services.body_save(
        partnership=partnership, by=by, type="steering_committee", name=name, majority_threshold="simple"
    )


def meeting(partnership, by, title="Steering Committee 3", *, body=None, is_formal=True, start=START):
    return services.meeting_save(
        partnership=partnership,
        by=by,
        body=body,
        title=title,
        is_formal=is_formal,
        start=start,
        end=start + dt.timedelta(hours=2),
        place="Accra",
        online_link="",
        agenda="",
    )


def draft(partnership, by, **fields):
    return services.decision_save(partnership=partnership, by=by, title="Adopt the budget", method="consent", **fields)


def refusal(exc, field):
    return " ".join(exc.value.message_dict[field])


# The service


def test_a_decision_names_the_meeting_it_was_taken_at(partnership, secretariat):
    sc = committee(partnership, secretariat)
    taken_at = meeting(partnership, secretariat, body=sc)
    decision = draft(partnership, secretariat, body=sc, meeting=taken_at)
    assert decision.meeting == taken_at
    assert list(taken_at.decisions.all()) == [decision]


def test_a_meeting_of_another_partnership_is_refused(partnership, secretariat):
    other = PartnershipFactory()
    their_secretariat = RoleFactory(partnership=other, role="secretariat").user
    theirs = meeting(other, their_secretariat, title="Their meeting")
    with pytest.raises(ValidationError) as exc:
        draft(partnership, secretariat, meeting=theirs)
    assert refusal(exc, "meeting") == "This meeting belongs to another partnership."
    assert not Decision.objects.exists()


def test_a_meeting_of_another_body_is_refused(partnership, secretariat):
    sc, wg = committee(partnership, secretariat), committee(partnership, secretariat, name="Working Group")
    of_the_group = meeting(partnership, secretariat, "Working Group 1", body=wg)
    with pytest.raises(ValidationError) as exc:
        draft(partnership, secretariat, body=sc, meeting=of_the_group)
    assert refusal(exc, "meeting") == (
        "“Working Group 1” is a meeting of Working Group, not of the deciding body, Steering Committee."
    )
    # a meeting of no body, or a decision of all members, may name it
    assert draft(partnership, secretariat, meeting=of_the_group).meeting == of_the_group
    assert draft(partnership, secretariat, body=sc, meeting=meeting(partnership, secretariat, "General")).meeting


def test_informal_and_cancelled_meetings_take_no_decisions(partnership, secretariat):
    chat = meeting(partnership, secretariat, "Coffee", is_formal=False)
    with pytest.raises(ValidationError) as exc:
        draft(partnership, secretariat, meeting=chat)
    assert refusal(exc, "meeting") == "“Coffee” is an informal meeting, which takes no decisions."
    called_off = services.meeting_cancel(meeting=meeting(partnership, secretariat, "Called off"), by=secretariat)
    with pytest.raises(ValidationError) as exc:
        draft(partnership, secretariat, meeting=called_off)
    assert refusal(exc, "meeting") == "“Called off” is cancelled, so no decision is taken at it."


def test_changing_the_body_of_a_draft_checks_its_meeting_again(partnership, secretariat):
    sc, wg = committee(partnership, secretariat), committee(partnership, secretariat, name="Working Group")
    decision = draft(partnership, secretariat, body=sc, meeting=meeting(partnership, secretariat, body=sc))
    with pytest.raises(ValidationError) as exc:
        services.decision_save(partnership=partnership, by=secretariat, decision=decision, title="x", body=wg)
    assert "not of the deciding body, Working Group" in refusal(exc, "meeting")


def test_records_of_another_partnership_are_refused(partnership, secretariat):
    other = PartnershipFactory()
    their_secretariat = RoleFactory(partnership=other, role="secretariat").user
    move = phase_transition(partnership=other, to=2, by=their_secretariat)
    with pytest.raises(ValidationError) as exc:
        draft(partnership, secretariat, phase_transition=move, roadmap_version=roadmap_draft(other, their_secretariat))
    assert refusal(exc, "phase_transition") == "This record belongs to another partnership."
    assert refusal(exc, "roadmap_version") == "This record belongs to another partnership."


# The form


def test_the_form_offers_this_partnerships_formal_meetings_and_records(client, partnership, secretariat):
    meeting(partnership, secretariat, "Formal one")
    meeting(partnership, secretariat, "Informal one", is_formal=False)
    services.meeting_cancel(meeting=meeting(partnership, secretariat, "Cancelled one"), by=secretariat)
    phase_transition(partnership=partnership, to=2, by=secretariat)
    roadmap_draft(partnership, secretariat)
    mou_draft(partnership, secretariat)
    other = PartnershipFactory()
    their_secretariat = RoleFactory(partnership=other, role="secretariat").user
    meeting(other, their_secretariat, "Their meeting")
    mou_draft(other, their_secretariat)
    client.force_login(secretariat)
    form = client.get(url("decision_add", partnership)).context["form"]
    assert [m.title for m in form.fields["meeting"].queryset] == ["Formal one"]
    assert [t.to_phase for t in form.fields["phase_transition"].queryset] == [2]
    assert [v.partnership_id for v in form.fields["mou_version"].queryset] == [partnership.pk]
    page = client.get(url("decision_add", partnership)).content.decode()
    assert "Formal one (" in page and "Initiation → Design (" in page and "v1 (Draft)" in page


def test_the_form_saves_the_links_and_says_what_is_wrong(client, partnership, secretariat):
    sc, wg = committee(partnership, secretariat), committee(partnership, secretariat, name="Working Group")
    of_the_group = meeting(partnership, secretariat, "Working Group 1", body=wg)
    move = phase_transition(partnership=partnership, to=2, by=secretariat)
    client.force_login(secretariat)
    data = {"title": "Move on", "method": "consent", "body": sc.pk, "meeting": of_the_group.pk}
    response = client.post(url("decision_add", partnership), {**data, "phase_transition": move.pk})
    page = response.content.decode()
    assert response.status_code == 400 and "not of the deciding body, Steering Committee" in page
    assert 'value="Move on"' in page
    response = client.post(url("decision_add", partnership), {**data, "body": wg.pk, "phase_transition": move.pk})
    assert response.status_code == 302
    decision = Decision.objects.get()
    assert decision.meeting == of_the_group and decision.phase_transition == move


# The pages


@pytest.fixture
def adopted(partnership, secretariat, kofi, awa):
    """An adopted decision taken at a meeting, that moved the phase and changed the roadmap (a draft) and the MoU
    (in force)."""
    sc = committee(partnership, secretariat)
    services.seat_save(body=sc, by=secretariat, organisation=kofi.contact.organisation)
    mou = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    sign(mou, kofi)
    sign(mou, awa)
    decision = draft(
        partnership,
        secretariat,
        body=sc,
        meeting=meeting(partnership, secretariat, body=sc),
        phase_transition=phase_transition(partnership=partnership, to=2, by=secretariat),
        roadmap_version=roadmap_draft(partnership, secretariat),
        mou_version=mou,
    )
    services.decision_open(decision=decision, by=secretariat)
    services.position_record(decision=decision, by=kofi, organisation=kofi.contact.organisation, position="support")
    return services.decision_decide(decision=decision, by=secretariat, outcome="adopted", decided_on=START.date())


def _section(page, marker):
    return page[page.index(marker) : page.index("</dd>", page.index(marker))]


def test_members_see_the_meeting_and_what_it_changed(client, partnership, partner, adopted):
    client.force_login(partner)
    page = client.get(url("decision", partnership, adopted.pk)).content.decode()
    taken_at = _section(page, 'id="decision-meeting"')
    assert url("meeting", partnership, adopted.meeting.pk) in taken_at and "Steering Committee 3" in taken_at
    changed = _section(page, 'id="decision-changed"')
    assert "Initiation → Design" in changed and reverse("phases:history", args=[partnership.pk]) in changed
    assert url("roadmap_version", partnership, 1) in changed and "Roadmap v1" in changed
    assert url("mou_version", partnership, 1) in changed and "MoU v1" in changed


def test_donors_get_no_meeting_page_and_only_agreed_versions(client, partnership, donor, adopted):
    client.force_login(donor)
    page = client.get(url("decision", partnership, adopted.pk)).content.decode()
    assert url("meeting", partnership, adopted.meeting.pk) not in page and "Steering Committee 3" not in page
    assert "A meeting on" in _section(page, 'id="decision-meeting"')
    changed = _section(page, 'id="decision-changed"')
    assert "MoU v1" in changed and url("mou_version", partnership, 1) in changed
    assert "Roadmap v1" not in changed  # a draft: the members' work in progress
    assert "Initiation → Design" in changed and reverse("phases:history", args=[partnership.pk]) not in changed


def test_the_meeting_page_lists_the_decisions_taken_at_it(client, partnership, secretariat, partner, adopted):
    services.decision_save(
        partnership=partnership, by=secretariat, title="Next steps", method="consent", meeting=adopted.meeting
    )
    client.force_login(partner)
    page = client.get(url("meeting", partnership, adopted.meeting.pk)).content.decode()
    section = page[page.index('id="meeting-decisions"') :]
    assert "Decisions taken at this meeting" in section
    assert url("decision", partnership, adopted.pk) in section and "Adopted" in section
    assert "Next steps" in section and "Draft" in section


def test_a_meeting_without_decisions_says_how_to_add_one(client, partnership, secretariat, partner):
    taken_at = meeting(partnership, secretariat)
    client.force_login(secretariat)
    page = client.get(url("meeting", partnership, taken_at.pk)).content.decode()
    assert "No decision names this meeting yet." in page and url("decision_add", partnership) in page
    client.force_login(partner)
    page = client.get(url("meeting", partnership, taken_at.pk)).content.decode()
    assert "No decision names this meeting yet." in page and url("decision_add", partnership) not in page
