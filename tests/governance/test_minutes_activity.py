"""Minutes and their comments are in the partnership's activity feed, in words: recorded, circulated (again, after
a correction), commented on, marked final; the feed page says so in English, French and German."""

import pytest
from django.urls import reverse
from django.utils import translation

from governance import services
from tests.governance.test_minutes_services import meeting, write  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def back_to_the_default_language():
    """A request in French or German leaves its language active in this thread (LocaleMiddleware): undo it."""
    yield
    translation.deactivate()


def feed(client, user, partnership, language="en"):
    client.force_login(user)
    client.cookies["django_language"] = language
    response = client.get(reverse("msp:activity", args=[partnership.pk]), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def the_whole_story(meeting, secretariat, kofi):  # noqa: F811
    write(meeting, secretariat)
    services.minutes_circulate(meeting=meeting, by=secretariat)
    services.minutes_comment(meeting=meeting, by=kofi, text="Item 2 is missing.")
    write(meeting, secretariat, text="1. The budget was agreed. 2. The plan too.")
    services.minutes_circulate(meeting=meeting, by=secretariat)
    services.minutes_finalise(meeting=meeting, by=secretariat)
    return meeting


def test_the_feed_tells_the_story_of_the_minutes(client, the_whole_story, partnership, secretariat, kofi):
    page = feed(client, kofi, partnership)
    for sentence in (
        "recorded the minutes of “Steering Committee 3”",
        "circulated the minutes of “Steering Committee 3” for comments",
        "circulated the corrected minutes of “Steering Committee 3” again",
        "marked the minutes of “Steering Committee 3” final",
        "commented on minutes: “",
        "Item 2 is missing.",
    ):
        assert sentence in page, sentence
    assert page.index("marked the minutes") < page.index("recorded the minutes")  # newest first


def test_the_dashboard_card_says_it_too(client, the_whole_story, partnership, secretariat):
    client.force_login(secretariat)
    page = client.get(reverse("msp:dashboard", args=[partnership.pk])).content.decode()
    assert "marked the minutes of “Steering Committee 3” final" in page


@pytest.mark.parametrize(
    ("language", "sentences"),
    [
        ("fr", ["procès-verbal", "Steering Committee 3"]),
        ("de", ["Protokoll", "Steering Committee 3"]),
    ],
)
def test_the_feed_is_translated(client, the_whole_story, partnership, secretariat, language, sentences):
    page = feed(client, secretariat, partnership, language)
    assert "recorded the minutes" not in page and "marked the minutes" not in page
    for word in sentences:
        assert word in page
