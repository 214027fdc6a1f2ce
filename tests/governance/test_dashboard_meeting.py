"""The dashboard's governance card names the next meeting to members (title, when, where, a link); donors see no
meetings, so the card does not name one to them."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from governance import services

pytestmark = pytest.mark.django_db

SOON = (timezone.localtime() + dt.timedelta(days=3)).replace(hour=9, minute=0, second=0, microsecond=0)


def meeting(partnership, by, title, start, *, place="Accra", link=""):
    return services.meeting_save(
        partnership=partnership,
        by=by,
        title=title,
        is_formal=True,
        start=start,
        end=start + dt.timedelta(hours=2),
        place=place,
        online_link=link,
        agenda="",
    )


def card(client, user, partnership):
    client.force_login(user)
    page = client.get(reverse("msp:dashboard", args=[partnership.pk])).content.decode()
    page = page[page.index('id="card-governance"') :]
    return page[: page.index("</section>")]


def test_members_see_the_next_meeting(client, partnership, secretariat, partner):
    meeting(partnership, secretariat, "Last month", SOON - dt.timedelta(days=30))
    called_off = meeting(partnership, secretariat, "Called off", SOON - dt.timedelta(days=1))
    services.meeting_cancel(meeting=called_off, by=secretariat)
    coming = meeting(partnership, secretariat, "Steering Committee 4", SOON)
    meeting(partnership, secretariat, "Later", SOON + dt.timedelta(days=30))
    for user in (secretariat, partner):
        text = card(client, user, partnership)
        nxt = text[text.index('id="next-meeting"') :]
        assert "Steering Committee 4" in nxt and "Accra" in nxt
        assert reverse("governance:meeting", args=[partnership.pk, coming.pk]) in nxt
        assert "Called off" not in text and "Later" not in text and "Last month" not in text


def test_an_online_meeting_says_online(client, partnership, secretariat, partner):
    meeting(partnership, secretariat, "Video call", SOON, place="", link="https://meet.example/x")
    assert "Online" in card(client, partner, partnership)


def test_without_a_coming_meeting_the_card_says_so(client, partnership, secretariat):
    text = card(client, secretariat, partnership)
    assert "No meeting scheduled." in text and reverse("governance:meetings", args=[partnership.pk]) in text


def test_donors_are_not_told_of_meetings(client, partnership, secretariat, donor):
    meeting(partnership, secretariat, "Steering Committee 4", SOON)
    text = card(client, donor, partnership)
    assert "Steering Committee 4" not in text and "Next meeting" not in text and "/meetings/" not in text
