"""The dashboard's "Recent activity" card is a glance: a few one-line entries; the detail is on the activity page."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from governance.models import Clause
from msp.models import ActivityEntry, Partnership
from tests.factories import PartnershipFactory, RoleFactory, UserFactory

CARD_ENTRIES = 5


def card(html):
    return re.search(r'<div[^>]*id="card-activity".*?</section>', html, re.S).group(0)


@pytest.fixture
def cocoa(db, shared_demo):
    return Partnership.objects.get(name__startswith="Sustainable Cocoa")


def clause_moved(partnership, actor):
    """What auditlog writes when a clause is moved and renamed: `position` is bookkeeping, not news."""
    return ActivityEntry.objects.create(
        partnership=partnership,
        actor=actor,
        action=ActivityEntry.Action.UPDATE,
        content_type=ContentType.objects.get_for_model(Clause),
        object_pk="1",
        object_repr="Purpose",
        changes={"position": ["6", "7"], "title": ["Aim", "Purpose of the partnership"]},
    )


def test_the_card_shows_a_few_entries_one_line_each(client, cocoa):
    amina = UserFactory._meta.model.objects.get(username="amina")
    client.force_login(amina)
    html = card(client.get(reverse("msp:dashboard", args=[cocoa.pk])).content.decode())
    entries = re.findall(r'<li class="msp-activity-line', html)
    assert 0 < len(entries) <= CARD_ENTRIES
    assert "<del>" not in html and "<ins>" not in html  # old and new values belong on the activity page
    assert "SHA-256" not in html
    assert "All activity" in html


def test_the_card_names_what_changed_in_words_and_hides_internal_fields(client, cocoa):
    amina = UserFactory._meta.model.objects.get(username="amina")
    clause_moved(cocoa, amina)
    client.force_login(amina)
    html = card(client.get(reverse("msp:dashboard", args=[cocoa.pk])).content.decode())
    first = re.search(r'<li class="msp-activity-line.*?</li>', html, re.S).group(0)
    text = " ".join(re.sub(r"<[^>]+>", " ", first).split())
    assert text.startswith("Amina Mensah changed the clause “Purpose”: title")
    assert "osition" not in text
    assert "Purpose of the partnership" not in text


def test_the_activity_page_keeps_the_detail_but_not_internal_fields(client, cocoa):
    amina = UserFactory._meta.model.objects.get(username="amina")
    clause_moved(cocoa, amina)
    client.force_login(amina)
    html = client.get(reverse("msp:activity", args=[cocoa.pk])).content.decode()
    assert "Purpose of the partnership" in html
    assert "<del>6</del>" not in html and "<ins>7</ins>" not in html  # the clause moved from 6 to 7: bookkeeping


def test_the_activity_page_counts_its_pages_and_filters(client, db):
    """The page's entries and their count come from one query: the numbers must still be right on every page,
    after a filter, on an empty feed, and past the end."""
    partnership = PartnershipFactory()
    user = RoleFactory(partnership=partnership).user
    url = reverse("msp:activity", args=[partnership.pk])
    client.force_login(user)
    before = ActivityEntry.objects.filter(partnership=partnership).count()
    for i in range(65 - before):
        clause_moved(partnership, user if i % 2 else None)
    entries = re.compile(r'<li class="msp-activity-item')
    assert len(entries.findall(client.get(url).content.decode())) == 30
    assert "Page 1 of 3" in client.get(url).content.decode()
    last = client.get(url, {"page": 3}).content.decode()
    assert len(entries.findall(last)) == 5 and "Page 3 of 3" in last
    assert client.get(url, {"page": 4}).status_code == 404
    assert "Page 3 of 3" in client.get(url, {"page": "last"}).content.decode()
    mine = client.get(url, {"actor": user.pk}).content.decode()
    count = ActivityEntry.objects.filter(partnership=partnership, actor=user).count()
    assert len(entries.findall(mine)) == min(count, 30) and f"Page 1 of {-(-count // 30)}" in mine


def test_an_empty_activity_feed_says_so(client, db):
    partnership = PartnershipFactory()
    user = RoleFactory(partnership=partnership).user
    client.force_login(user)
    html = client.get(reverse("msp:activity", args=[partnership.pk]), {"until": "2000-01-01"}).content.decode()
    assert "No activity matches these filters." in html
