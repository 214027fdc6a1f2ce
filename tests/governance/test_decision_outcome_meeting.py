"""Recording the outcome after the meeting: the secretariat names the meeting the decision was taken at, on the
draft's rules (formal, not cancelled, this partnership, the deciding body's); the page offers those meetings."""

import csv
import io

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from governance import services
from tests.factories import PartnershipFactory, RoleFactory
from tests.governance.test_decision_links import committee, meeting, refusal

pytestmark = pytest.mark.django_db


def opened(partnership, by, **fields):
    decision = services.decision_save(partnership=partnership, by=by, title="Adopt the budget", method="consent")
    if fields:
        decision = services.decision_save(
            partnership=partnership,
            by=by,
            decision=decision,
            **{"title": "Adopt the budget", "method": "consent", **fields},
        )
    return services.decision_open(decision=decision, by=by)


def decide_url(decision):
    return reverse("governance:decision_decide", args=[decision.partnership_id, decision.pk])


def test_the_outcome_names_the_meeting_it_was_taken_at(partnership, secretariat):
    sc = committee(partnership, secretariat)
    held = meeting(partnership, secretariat, body=sc)
    decision = opened(partnership, secretariat, body=sc)
    decided = services.decision_decide(decision=decision, by=secretariat, outcome="deferred", meeting=held)
    decided.refresh_from_db()
    assert decided.meeting == held and decided.status == "decided"


def test_left_out_the_drafts_meeting_stays_and_none_clears_it(partnership, secretariat):
    held = meeting(partnership, secretariat)
    kept = opened(partnership, secretariat, meeting=held)
    assert services.decision_decide(decision=kept, by=secretariat, outcome="rejected").meeting == held
    cleared = opened(partnership, secretariat, meeting=held)
    assert services.decision_decide(decision=cleared, by=secretariat, outcome="rejected", meeting=None).meeting is None


@pytest.mark.parametrize("case", ["informal", "cancelled", "other_partnership", "other_body"])
def test_a_meeting_the_draft_could_not_name_is_refused(partnership, secretariat, case):
    sc = committee(partnership, secretariat)
    decision = opened(partnership, secretariat, body=sc)
    if case == "informal":
        bad, message = meeting(partnership, secretariat, "Chat", is_formal=False), "informal meeting"
    elif case == "cancelled":
        bad = meeting(partnership, secretariat, "Called off", body=sc)
        bad = services.meeting_cancel(meeting=bad, by=secretariat)
        message = "is cancelled"
    elif case == "other_partnership":
        other = PartnershipFactory()
        bad = meeting(other, RoleFactory(partnership=other, role="secretariat").user, "Theirs")
        message = "belongs to another partnership"
    else:
        wg = committee(partnership, secretariat, name="Working Group")
        bad, message = meeting(partnership, secretariat, "Working Group 1", body=wg), "not of the deciding body"
    with pytest.raises(ValidationError) as exc:
        services.decision_decide(decision=decision, by=secretariat, outcome="deferred", meeting=bad)
    assert message in refusal(exc, "meeting")
    decision.refresh_from_db()
    assert decision.status == "open" and decision.meeting is None


def test_the_outcome_form_sets_the_meeting(client, partnership, secretariat):
    sc = committee(partnership, secretariat)
    held = meeting(partnership, secretariat, body=sc)
    decision = opened(partnership, secretariat, body=sc)
    client.force_login(secretariat)
    page = client.get(reverse("governance:decision", args=[partnership.pk, decision.pk])).content.decode()
    assert "Taken at the meeting" in page and f'value="{held.pk}"' in page
    response = client.post(
        decide_url(decision), {"outcome": "deferred", "decided_on": "2026-11-30", "meeting": held.pk}, follow=True
    )
    assert "The outcome is recorded: Deferred." in response.content.decode()
    decision.refresh_from_db()
    assert decision.meeting == held


def test_the_outcome_form_refuses_another_bodys_meeting_in_words(client, partnership, secretariat):
    sc, wg = committee(partnership, secretariat), committee(partnership, secretariat, name="Working Group")
    of_the_group = meeting(partnership, secretariat, "Working Group 1", body=wg)
    decision = opened(partnership, secretariat, body=sc)
    client.force_login(secretariat)
    response = client.post(
        decide_url(decision),
        {"outcome": "deferred", "decided_on": "2026-11-30", "meeting": of_the_group.pk},
        follow=True,
    )
    assert "not of the deciding body" in response.content.decode()
    decision.refresh_from_db()
    assert decision.status == "open" and decision.meeting is None


def test_the_outcome_form_refuses_another_partnerships_meeting(client, partnership, secretariat):
    other = PartnershipFactory()
    theirs = meeting(other, RoleFactory(partnership=other, role="secretariat").user, "Theirs")
    decision = opened(partnership, secretariat)
    client.force_login(secretariat)
    response = client.post(
        decide_url(decision), {"outcome": "deferred", "decided_on": "2026-11-30", "meeting": theirs.pk}, follow=True
    )
    assert "a meeting from the list" in response.content.decode()
    decision.refresh_from_db()
    assert decision.status == "open"


# The log and its export name the meeting (members: its title and link; donors: its date only)


@pytest.fixture
def taken_at_a_meeting(partnership, secretariat, kofi):
    held = meeting(partnership, secretariat, "=Steering Committee 3")
    decision = opened(partnership, secretariat)
    services.position_record(decision=decision, by=kofi, organisation=kofi.contact.organisation, position="support")
    services.decision_decide(decision=decision, by=secretariat, outcome="adopted", meeting=held)
    return held


def test_the_log_links_the_meeting_for_members(client, taken_at_a_meeting, partnership, kofi):
    client.force_login(kofi)
    page = client.get(reverse("governance:decisions", args=[partnership.pk])).content.decode()
    link = reverse("governance:meeting", args=[partnership.pk, taken_at_a_meeting.pk])
    assert f'href="{link}">=Steering Committee 3</a>' in page


def test_donors_see_the_meetings_date_not_the_meeting(client, taken_at_a_meeting, partnership, donor):
    client.force_login(donor)
    page = client.get(reverse("governance:decisions", args=[partnership.pk])).content.decode()
    assert "Adopt the budget" in page and "A meeting on " in page
    assert "Steering Committee 3" not in page and "/meetings/" not in page
    export = client.get(reverse("governance:decisions_export", args=[partnership.pk])).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(export)))
    assert "Meeting" not in rows[0] and rows[0][-1] == "Date of the meeting"
    assert rows[1][-1] == timezone.localtime(taken_at_a_meeting.start).date().isoformat()
    assert "Steering Committee 3" not in export


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_export_names_the_meeting_formula_safe(client, taken_at_a_meeting, partnership, secretariat, fmt):
    client.force_login(secretariat)
    response = client.get(reverse("governance:decisions_export", args=[partnership.pk]) + f"?format={fmt}")
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        as_text = "'=Steering Committee 3"
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
        cells = {cell.value: cell for cell in sheet[2]}
        assert cells["=Steering Committee 3"].data_type == "s"  # text, never a formula
        as_text = "=Steering Committee 3"
    meeting_column = rows[0].index("Meeting")
    assert rows[1][meeting_column] == as_text
    assert rows[1][meeting_column + 1] == timezone.localtime(taken_at_a_meeting.start).date().isoformat()
