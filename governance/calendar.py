"""Calendar invitations (.ics, RFC 5545 and iTIP, RFC 5546) for meetings, built with the icalendar library.

Pure functions of plain values: the meeting services pass what they loaded and attach the bytes to the e-mail.
A calendar client files every message about one meeting under its UID, so the UID stays the same for the
meeting's whole life (`meeting_uid`), and it takes a message for an update only when its SEQUENCE is higher than
the last one it saw: the meeting keeps a counter and raises it whenever it moves (time or place) and for the
cancellation, which the client then removes from the calendar.

Times are written in UTC (DTSTART:20260310T080000Z), so no VTIMEZONE is needed and every client shows them in its
own zone; naive datetimes are refused rather than guessed.
"""

import datetime as dt
from collections.abc import Iterable
from email.mime.text import MIMEText
from typing import NamedTuple
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext
from icalendar import Calendar, Event, vCalAddress

PRODID = "-//MSP Manager//Meetings//EN"
REQUEST = "REQUEST"
CANCEL = "CANCEL"


class Person(NamedTuple):
    """An organizer or attendee: a display name and an e-mail address."""

    name: str
    email: str


def meeting_uid(meeting_id, site_url: str | None = None) -> str:
    """The UID of every invitation for one meeting: its id at the site's host (RFC 5545 suggests id@host).

    Stable for the meeting's life and unique across installations (the host differs). `site_url` defaults to
    settings.SITE_URL; the port is left out, so serving on another port does not orphan invitations.
    """
    host = urlsplit(site_url or settings.SITE_URL).hostname or "localhost"
    return f"meeting-{meeting_id}@{host}"


def invitation(**meeting) -> bytes:
    """The invitation to a meeting, or its update when it moved (same uid, higher sequence): METHOD:REQUEST.

    Keywords: uid, sequence, start, end (timezone-aware datetimes), summary, organizer and attendees (Person or
    (name, email) pairs), and optionally location (a place), online_link, description (the agenda) and stamp
    (the moment of sending, default now).
    """
    return _calendar(REQUEST, "CONFIRMED", **meeting)


def cancellation(**meeting) -> bytes:
    """The cancellation of a meeting: METHOD:CANCEL and STATUS:CANCELLED, with the same keywords as `invitation`.

    The sequence must be higher than that of the last invitation sent, or clients ignore it.
    """
    return _calendar(CANCEL, "CANCELLED", **meeting)


def as_attachment(ics: bytes, method: str, filename: str = "invitation.ics") -> MIMEText:
    """The .ics as an e-mail part that mail clients offer to accept or decline (text/calendar with its method).

    Django's `EmailMessage.attach(filename, content, mimetype)` cannot carry the `method` parameter; it takes this
    part as it is.
    """
    part = MIMEText(ics.decode("utf-8"), "calendar", "utf-8")
    part.set_param("method", method)
    part.add_header("Content-Disposition", "attachment", filename=filename)
    return part


def _calendar(
    method,
    status,
    *,
    uid: str,
    sequence: int,
    start: dt.datetime,
    end: dt.datetime,
    summary: str,
    organizer,
    attendees: Iterable,
    location: str = "",
    online_link: str = "",
    description: str = "",
    stamp: dt.datetime | None = None,
) -> bytes:
    if not uid:
        raise ValueError("A calendar invitation needs the meeting's uid.")
    if sequence < 0:
        raise ValueError("The sequence of an invitation starts at 0.")
    start, end = _utc(start, "start"), _utc(end, "end")
    if end <= start:
        raise ValueError("A meeting must end after it starts.")

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)

    event = Event()
    event.add("uid", uid)
    event.add("sequence", sequence)
    event.add("dtstamp", _utc(stamp or timezone.now(), "stamp"))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("status", status)
    event.add("summary", summary)
    if location or online_link:
        event.add("location", location or online_link)
    if online_link:
        event.add("url", online_link)
    text = _description(description, online_link if location else "")
    if text:
        event.add("description", text)
    event.add("organizer", _address(Person(*organizer), invited=False))
    for attendee in attendees:
        event.add("attendee", _address(Person(*attendee), invited=True))
    calendar.add_component(event)
    return calendar.to_ical()


def _utc(moment, name):
    if not isinstance(moment, dt.datetime) or timezone.is_naive(moment):
        raise ValueError(f"The meeting's {name} must be a timezone-aware datetime, not {moment!r}.")
    return moment.astimezone(dt.UTC)


def _description(agenda, online_link):
    """The agenda; for a meeting in a place that can also be joined online, the link first (LOCATION holds the place)."""
    agenda = (agenda or "").replace("\r\n", "\n").strip()
    if not online_link:
        return agenda
    line = gettext("Join online: %(link)s") % {"link": online_link}
    return f"{line}\n\n{agenda}" if agenda else line


def _address(person, *, invited):
    """A calendar address; an invited attendee is a required participant asked to reply."""
    if not person.email or "@" not in person.email:
        raise ValueError(f"{person.name!r} has no e-mail address to invite.")
    address = vCalAddress(f"mailto:{person.email}")
    if person.name:
        address.params["CN"] = person.name
    if invited:
        address.params["ROLE"] = "REQ-PARTICIPANT"
        address.params["PARTSTAT"] = "NEEDS-ACTION"
        address.params["RSVP"] = "TRUE"
    return address
