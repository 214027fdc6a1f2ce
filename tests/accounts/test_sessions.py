"""A person's sessions: listed with browser, address and last activity; the others can be ended; an idle session
ends by itself, at no cost of a write per request."""

import time

from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts import sessions
from accounts.models import UserSession

FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"
PHONE = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36"


def signed_in(username, agent, ip="198.51.100.7"):
    client = Client(HTTP_USER_AGENT=agent, REMOTE_ADDR=ip)
    assert client.post(reverse("login"), {"username": username, "password": "pw"}).status_code == 302
    return client


def test_it_lists_the_sessions_with_browser_and_address(secretariat):
    signed_in("sara", PHONE, ip="203.0.113.9")
    desk = signed_in("sara", FIREFOX)
    page = desk.get(reverse("accounts:sessions")).content.decode()
    assert "Firefox on Windows" in page and "Chrome on Android" in page
    assert "203.0.113.9" in page and "this session" in page


def test_it_shows_only_ones_own(secretariat, partner):
    signed_in("pablo", PHONE)
    page = signed_in("sara", FIREFOX).get(reverse("accounts:sessions")).content.decode()
    assert "Android" not in page


def test_ending_another_session_signs_that_browser_out(secretariat):
    phone = signed_in("sara", PHONE)
    desk = signed_in("sara", FIREFOX)
    row = UserSession.objects.get(user_agent=PHONE)
    response = desk.post(reverse("accounts:session_end", kwargs={"pk": row.pk}), follow=True)
    assert "The session has ended" in response.content.decode()
    assert not UserSession.objects.filter(pk=row.pk).exists()
    assert phone.get(reverse("inbox:my_work"))["Location"].startswith(reverse("login"))
    assert desk.get(reverse("inbox:my_work")).status_code == 200


def test_the_current_session_is_ended_by_logging_out(secretariat):
    desk = signed_in("sara", FIREFOX)
    row = UserSession.objects.get()
    desk.post(reverse("accounts:session_end", kwargs={"pk": row.pk}))
    assert desk.get(reverse("inbox:my_work")).status_code == 200
    desk.post(reverse("logout"))
    assert not UserSession.objects.exists()


def test_someone_elses_session_is_not_found(secretariat, partner):
    signed_in("pablo", PHONE)
    row = UserSession.objects.get()
    desk = signed_in("sara", FIREFOX)
    assert desk.post(reverse("accounts:session_end", kwargs={"pk": row.pk})).status_code == 404
    assert UserSession.objects.filter(pk=row.pk).exists()


def test_end_all_others(secretariat):
    phone, laptop = signed_in("sara", PHONE), signed_in("sara", FIREFOX, ip="192.0.2.1")
    desk = signed_in("sara", FIREFOX)
    response = desk.post(reverse("accounts:sessions_end_others"), follow=True)
    assert "All your other sessions have ended" in response.content.decode()
    for other in (phone, laptop):
        assert other.get(reverse("inbox:my_work")).status_code == 302
    assert desk.get(reverse("inbox:my_work")).status_code == 200
    assert UserSession.objects.count() == 1 and Session.objects.count() == 1


def test_an_idle_session_ends(secretariat, settings):
    desk = signed_in("sara", FIREFOX)
    session = desk.session
    session[sessions.SEEN_KEY] = int(time.time()) - settings.SESSION_IDLE_TIMEOUT - 1
    session.save()
    response = desk.get(reverse("inbox:my_work"), follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("login"))
    assert "signed out after a period without activity" in response.content.decode()


def test_sessions_expire_in_the_store_after_the_idle_time(settings):
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_IDLE_TIMEOUT


def test_activity_is_written_at_most_every_few_minutes(secretariat, settings):
    desk = signed_in("sara", FIREFOX)
    desk.get(reverse("inbox:my_work"))
    with CaptureQueriesContext(connection) as quiet:
        desk.get(reverse("inbox:my_work"))
    assert not [q for q in quiet.captured_queries if q["sql"].startswith("UPDATE")]

    session = desk.session
    session[sessions.SEEN_KEY] = int(time.time()) - settings.SESSION_TOUCH_EVERY - 1
    session.save()
    row = UserSession.objects.get()
    UserSession.objects.filter(pk=row.pk).update(last_seen=row.last_seen.replace(year=2020))
    with CaptureQueriesContext(connection) as touched:
        desk.get(reverse("inbox:my_work"))
    updates = [q["sql"] for q in touched.captured_queries if q["sql"].startswith("UPDATE")]
    assert len(updates) == 2  # the session and its row
    assert UserSession.objects.get().last_seen.year > 2020


def test_describe_agent():
    assert sessions.describe_agent(FIREFOX) == "Firefox on Windows"
    assert sessions.describe_agent("curl/8.0") == "curl/8.0"
    assert sessions.describe_agent("") == "Unknown browser"
