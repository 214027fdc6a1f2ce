"""The sessions page runs the same number of queries at 2 and at 12 sessions; the two-factor page a fixed few."""

from django.test import Client
from django.urls import reverse

from tests.querycount import queries_for

# session, user, the page's sessions (the header's unread count comes later, by htmx)
QUERIES = 3


def more_sessions(n):
    for i in range(n):
        other = Client(HTTP_USER_AGENT=f"Mozilla/5.0 (X11; Linux x86_64) Firefox/{100 + i}.0")
        assert other.post(reverse("login"), {"username": "sara", "password": "pw"}).status_code == 302


def test_the_sessions_page_is_constant(secretariat):
    client = Client()
    client.force_login(secretariat)
    more_sessions(1)
    small, _ = queries_for(client, reverse("accounts:sessions"))
    more_sessions(10)
    large, sql = queries_for(client, reverse("accounts:sessions"))
    assert small == large == QUERIES, "\n".join(sql)


def test_the_two_factor_page_is_constant(secretariat, client):
    client.force_login(secretariat)
    count, sql = queries_for(client, reverse("accounts:two_factor"))
    # session, user, the two kinds of device (whether a role requires one is asked only when REQUIRE_TWO_FACTOR is on)
    assert count == 4, "\n".join(sql)
