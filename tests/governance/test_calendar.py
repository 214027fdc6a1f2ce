"""Calendar invitations for meetings, parsed back with icalendar as a calendar client would read them."""

import datetime as dt
from email import message_from_bytes
from zoneinfo import ZoneInfo

import pytest
from django.core.mail import EmailMessage
from icalendar import Calendar

from governance.calendar import Person, as_attachment, cancellation, invitation, meeting_uid

ACCRA = ZoneInfo("Africa/Accra")  # UTC+0 all year
BERLIN = ZoneInfo("Europe/Berlin")  # UTC+1 in March
UID = "meeting-42@msp.example.org"


def meeting(**changes):
    values = dict(
        uid=UID,
        sequence=0,
        start=dt.datetime(2026, 3, 10, 9, 30, tzinfo=BERLIN),
        end=dt.datetime(2026, 3, 10, 12, 0, tzinfo=BERLIN),
        summary="Steering committee, 3rd meeting",
        location="Accra, Labadi Beach Hotel",
        description="1. Budget\n2. Work plan",
        organizer=Person("Amina Diallo", "amina@secretariat.example"),
        attendees=[Person("Kofi Mensah", "kofi@cocoa.example"), ("Awa Koné", "awa@kavokiva.example")],
        stamp=dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC),
    )
    values.update(changes)
    return values


def parse(ics):
    calendar = Calendar.from_ical(ics)
    (event,) = calendar.walk("VEVENT")
    return calendar, event


def test_the_invitation_is_a_request_with_the_meetings_uid_sequence_and_times_in_utc():
    calendar, event = parse(invitation(**meeting()))
    assert calendar["METHOD"] == "REQUEST"
    assert calendar["VERSION"] == "2.0"
    assert str(event["UID"]) == UID
    assert event["SEQUENCE"] == 0
    assert event["STATUS"] == "CONFIRMED"
    assert event.decoded("DTSTART") == dt.datetime(2026, 3, 10, 8, 30, tzinfo=dt.UTC)
    assert event.decoded("DTEND") == dt.datetime(2026, 3, 10, 11, 0, tzinfo=dt.UTC)
    assert event.decoded("DTSTAMP") == dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)
    assert str(event["SUMMARY"]) == "Steering committee, 3rd meeting"
    assert str(event["LOCATION"]) == "Accra, Labadi Beach Hotel"


def test_times_are_written_in_utc_without_a_timezone_definition():
    ics = invitation(**meeting())
    assert b"DTSTART:20260310T083000Z\r\n" in ics
    assert b"DTEND:20260310T110000Z\r\n" in ics
    assert b"VTIMEZONE" not in ics


def test_the_organizer_and_every_attendee_are_invited_by_name_and_address():
    _, event = parse(invitation(**meeting()))
    assert str(event["ORGANIZER"]) == "mailto:amina@secretariat.example"
    assert event["ORGANIZER"].params["CN"] == "Amina Diallo"
    attendees = event["ATTENDEE"]
    assert [str(a) for a in attendees] == ["mailto:kofi@cocoa.example", "mailto:awa@kavokiva.example"]
    assert [a.params["CN"] for a in attendees] == ["Kofi Mensah", "Awa Koné"]
    assert {a.params["ROLE"] for a in attendees} == {"REQ-PARTICIPANT"}
    assert {a.params["RSVP"] for a in attendees} == {"TRUE"}


def test_a_single_attendee_is_still_an_attendee():
    _, event = parse(invitation(**meeting(attendees=[Person("Kofi Mensah", "kofi@cocoa.example")])))
    assert str(event["ATTENDEE"]) == "mailto:kofi@cocoa.example"


def test_the_meeting_moved_keeps_its_uid_with_a_higher_sequence():
    first = parse(invitation(**meeting()))[1]
    moved = parse(
        invitation(
            **meeting(
                sequence=1,
                start=dt.datetime(2026, 3, 12, 14, 0, tzinfo=ACCRA),
                end=dt.datetime(2026, 3, 12, 16, 0, tzinfo=ACCRA),
            )
        )
    )[1]
    assert str(moved["UID"]) == str(first["UID"])
    assert moved["SEQUENCE"] > first["SEQUENCE"]
    assert moved.decoded("DTSTART") == dt.datetime(2026, 3, 12, 14, 0, tzinfo=dt.UTC)


def test_the_cancellation_cancels_the_same_meeting():
    calendar, event = parse(cancellation(**meeting(sequence=2)))
    assert calendar["METHOD"] == "CANCEL"
    assert event["STATUS"] == "CANCELLED"
    assert str(event["UID"]) == UID
    assert event["SEQUENCE"] == 2
    assert len(event["ATTENDEE"]) == 2


def test_special_characters_are_escaped_and_read_back_unchanged():
    summary = 'Review; budget, "final" – Côte d\'Ivoire & Ghana'
    agenda = "1. Welcome, introductions; apologies\n2. Décision : budget 2026\\2027\n3. AOB"
    ics = invitation(**meeting(summary=summary, description=agenda, location="Abidjan; Salle 2, étage 3"))
    assert b"SUMMARY:Review\\; budget\\, " in ics
    _, event = parse(ics)
    assert str(event["SUMMARY"]) == summary
    assert str(event["DESCRIPTION"]) == agenda
    assert str(event["LOCATION"]) == "Abidjan; Salle 2, étage 3"


def test_names_with_commas_quotes_and_accents_survive_as_parameters():
    organizer = Person('Secrétariat, "Cocoa" MSP', "sec@msp.example")
    _, event = parse(invitation(**meeting(organizer=organizer)))
    assert event["ORGANIZER"].params["CN"] == organizer.name


def test_long_agendas_are_folded_at_75_octets_and_read_back_whole():
    agenda = "\n".join(
        f"{n}. Présentation du rapport d'avancement, région n° {n}; discussion et décision" for n in range(20)
    )
    ics = invitation(**meeting(description=agenda))
    lines = ics.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # continuation lines
    for line in lines:
        line.decode("utf-8")  # folding never splits a character
    assert str(parse(ics)[1]["DESCRIPTION"]) == agenda


def test_an_online_meeting_gives_its_link_as_location_and_url():
    _, event = parse(invitation(**meeting(location="", online_link="https://meet.example/msp-cocoa")))
    assert str(event["LOCATION"]) == "https://meet.example/msp-cocoa"
    assert str(event["URL"]) == "https://meet.example/msp-cocoa"
    assert str(event["DESCRIPTION"]) == "1. Budget\n2. Work plan"


def test_a_hybrid_meeting_keeps_the_place_and_puts_the_link_first_in_the_description():
    _, event = parse(invitation(**meeting(online_link="https://meet.example/msp-cocoa")))
    assert str(event["LOCATION"]) == "Accra, Labadi Beach Hotel"
    assert str(event["DESCRIPTION"]) == "Join online: https://meet.example/msp-cocoa\n\n1. Budget\n2. Work plan"


def test_a_meeting_without_place_or_agenda_has_neither():
    _, event = parse(invitation(**meeting(location="", description="")))
    assert "LOCATION" not in event and "DESCRIPTION" not in event


@pytest.mark.parametrize(
    ("changes", "complaint"),
    [
        ({"start": dt.datetime(2026, 3, 10, 9, 30)}, "timezone-aware"),
        ({"end": dt.datetime(2026, 3, 10, 9, 0, tzinfo=BERLIN)}, "end after it starts"),
        ({"uid": ""}, "uid"),
        ({"sequence": -1}, "sequence"),
        ({"attendees": [Person("Kofi Mensah", "")]}, "no e-mail address"),
    ],
)
def test_bad_values_are_refused(changes, complaint):
    with pytest.raises(ValueError, match=complaint):
        invitation(**meeting(**changes))


def test_the_uid_is_built_from_the_meeting_and_the_sites_host(settings):
    settings.SITE_URL = "https://msp.example.org:8443"
    assert meeting_uid(42) == "meeting-42@msp.example.org"
    assert meeting_uid(42) == meeting_uid(42)
    assert meeting_uid(43) != meeting_uid(42)
    assert meeting_uid(7, site_url="http://127.0.0.1:8001") == "meeting-7@127.0.0.1"


def test_the_e_mail_attachment_carries_the_method_for_mail_clients():
    ics = invitation(**meeting())
    email = EmailMessage("Invitation", "See the attached invitation.", "msp@example.org", ["kofi@cocoa.example"])
    email.attach(as_attachment(ics, "REQUEST"))
    parsed = message_from_bytes(email.message().as_bytes())
    (part,) = [p for p in parsed.walk() if p.get_content_type() == "text/calendar"]
    assert part.get_param("method") == "REQUEST"
    assert part.get_filename() == "invitation.ics"
    assert part.get_payload(decode=True) == ics
