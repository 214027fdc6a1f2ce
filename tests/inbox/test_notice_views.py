"""The notifications pages: a person sees, counts and opens only their own notices, and only those of
partnerships they still hold a role on; reading is a POST (a GET never marks anything read); the settings page
stores one channel per kind."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from msp.models import PartnershipRole
from msp.notices import Channel, Notice, NoticeKind, NoticePreference
from msp.services import notify
from tests.factories import PartnershipFactory, RoleFactory

LIST = reverse("inbox:notices")
COUNT = reverse("inbox:notice_count")
SETTINGS = reverse("inbox:notice_settings")


def tell(partnership, user, subject, *, link="", kind=NoticeKind.OTHER, key=""):
    notify(partnership=partnership, recipients=[user], subject=subject, body="", link=link, kind=kind, key=key)
    return Notice.objects.filter(recipient=user).latest("pk")


def open_url(notice):
    return reverse("inbox:notice_open", args=[notice.pk])


@pytest.fixture
def told(partnership, partner, secretariat):
    link = reverse("msp:dashboard", args=[partnership.pk])
    return {
        "old": tell(partnership, partner, "Roadmap approved", link=link),
        "new": tell(
            partnership, partner, "MoU awaits your signature", link=link, kind=NoticeKind.SIGNATURE, key="mou:1"
        ),
        "theirs": tell(partnership, secretariat, "Secretariat only"),
    }


def test_it_lists_my_notices_unread_first_with_the_partnership(client, partner, told):
    Notice.objects.filter(pk=told["new"].pk).update(read_at="2026-01-01T00:00Z")
    client.force_login(partner)
    html = client.get(LIST).content.decode()
    assert html.index("Roadmap approved") < html.index("MoU awaits your signature")  # unread first
    assert "Secretariat only" not in html
    assert "Cocoa Partnership" in html
    assert html.count(">new<") == 1


def test_it_filters_unread(client, partner, told):
    told["new"].read_at = told["new"].created_at
    told["new"].save()
    client.force_login(partner)
    html = client.get(LIST, {"show": "unread"}).content.decode()
    assert "Roadmap approved" in html and "MoU awaits your signature" not in html


def test_the_empty_states_say_what_comes(client, partner):
    client.force_login(partner)
    assert "You will be told here" in client.get(LIST).content.decode()
    assert "You have read everything" in client.get(LIST, {"show": "unread"}).content.decode()


def test_it_counts_my_unread_notices(client, partner, told):
    client.force_login(partner)
    assert ">2<" in client.get(COUNT).content.decode()
    Notice.objects.filter(recipient=partner).update(read_at="2026-01-01T00:00Z")
    assert client.get(COUNT).content.decode().strip() == ""


def test_a_get_never_marks_read(client, partner, told):
    client.force_login(partner)
    client.get(LIST)
    client.get(COUNT)
    assert client.get(open_url(told["new"])).status_code == 405
    assert not Notice.objects.filter(read_at__isnull=False).exists()


def test_opening_marks_it_read_and_goes_to_its_link(client, partner, told, partnership):
    client.force_login(partner)
    response = client.post(open_url(told["new"]))
    assert response.status_code == 302
    assert response["Location"] == reverse("msp:dashboard", args=[partnership.pk])
    told["new"].refresh_from_db()
    assert told["new"].read_at is not None
    assert Notice.objects.get(pk=told["old"].pk).read_at is None


def test_a_link_elsewhere_is_not_followed(client, partner, partnership):
    notice = tell(partnership, partner, "Odd", link="https://evil.example/")
    client.force_login(partner)
    assert client.post(open_url(notice))["Location"] == LIST


def test_another_persons_notice_is_not_found(client, partner, told):
    client.force_login(partner)
    assert client.post(open_url(told["theirs"])).status_code == 404
    assert Notice.objects.get(pk=told["theirs"].pk).read_at is None


def test_a_notice_of_a_partnership_i_left_is_not_shown_counted_or_opened(client, partner, partnership, told):
    elsewhere = PartnershipFactory(name="Water Partnership")
    RoleFactory(partnership=elsewhere, user=partner, role="partner")
    kept = tell(elsewhere, partner, "Water news")
    PartnershipRole.objects.filter(partnership=partnership, user=partner).delete()
    client.force_login(partner)
    html = client.get(LIST).content.decode()
    assert "Water news" in html and "Roadmap approved" not in html
    assert ">1<" in client.get(COUNT).content.decode()
    assert client.post(open_url(told["new"])).status_code == 404
    assert client.post(open_url(kept)).status_code == 302


def test_mark_all_read(client, partner, told):
    client.force_login(partner)
    response = client.post(reverse("inbox:notices_read_all"), follow=True)
    assert "All notifications marked as read." in response.content.decode()
    assert not Notice.objects.filter(recipient=partner, read_at__isnull=True).exists()
    assert Notice.objects.get(pk=told["theirs"].pk).read_at is None


@pytest.mark.parametrize("name", ["inbox:notices_read_all", "inbox:notice_open"])
def test_posts_need_the_csrf_token(partner, told, name):
    client = Client(enforce_csrf_checks=True)
    client.force_login(partner)
    url = open_url(told["new"]) if name == "inbox:notice_open" else reverse(name)
    assert client.post(url).status_code == 403
    assert not Notice.objects.filter(read_at__isnull=False).exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, told):
    for url in (LIST, COUNT, SETTINGS):
        assert client.get(url)["Location"].startswith(reverse("login"))
    assert client.post(open_url(told["new"]))["Location"].startswith(reverse("login"))


def test_the_settings_page_shows_one_radio_group_per_kind(client, partner):
    NoticePreference.objects.create(user=partner, kind=NoticeKind.REPORT, channel=Channel.DAILY)
    client.force_login(partner)
    html = client.get(SETTINGS).content.decode()
    for _kind, label in NoticeKind.choices:
        assert str(label) in html
    assert html.count('type="radio"') == len(NoticeKind.choices) * len(Channel.choices)
    checked = {
        re.search(r'name="(\w+)"', tag)[1]: re.search(r'value="(\w+)"', tag)[1]
        for tag in re.findall(r"<input[^>]*>", html)
        if "checked" in tag
    }
    assert checked == {kind: "daily" if kind == "report" else "now" for kind in NoticeKind.values}


def test_saving_the_settings_stores_each_kind(client, partner):
    client.force_login(partner)
    data = dict.fromkeys(NoticeKind.values, Channel.NOW) | {"report": Channel.DAILY, "meeting": Channel.APP}
    response = client.post(SETTINGS, data, follow=True)
    assert "Your notification settings are saved." in response.content.decode()
    chosen = dict(NoticePreference.objects.filter(user=partner).values_list("kind", "channel"))
    assert chosen["report"] == "daily" and chosen["meeting"] == "app" and chosen["phase"] == "now"
    client.post(SETTINGS, data | {"report": Channel.NOW})
    assert NoticePreference.objects.filter(user=partner, kind="report").get().channel == "now"


def test_a_bad_choice_is_refused_without_writing(client, partner):
    client.force_login(partner)
    data = dict.fromkeys(NoticeKind.values, "fax")
    response = client.post(SETTINGS, data)
    assert response.status_code == 200
    assert "Choose one of the three ways." in response.content.decode()
    assert not NoticePreference.objects.exists()
