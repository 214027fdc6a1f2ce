"""A search walk per role: in the URL walk's world (every app's records, agreed and unagreed versions, shared and
unshared papers, draft and adopted decisions) plus another partnership's records carrying the same words, each role
searches for every word of every searchable record, and every result it gets must be one it may open (its link
answers 200 to that role); outsiders find nothing of the partnership. Then what each role must and must not find.
"""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from governance import services
from search import scopes
from tests.factories import PartnershipFactory, RoleFactory, UserFactory
from tests.governance.factories import member
from tests.test_url_walk import world  # noqa: F401 (the URL walk's world, a fixture)

ROLES = ["partner", "donor", "secretariat", "outsider", "superuser"]
HIT = re.compile(r'<li class="msp-search-hit">.*?href="([^"]+)"', re.S)


def _elsewhere(world):  # noqa: F811
    """Another partnership whose records carry the world's words, and draft minutes and papers in the world."""
    other = PartnershipFactory(name="Elsewhere Cocoa Partnership")
    sec = RoleFactory(partnership=other, user=UserFactory(username="elsa"), role="secretariat").user
    member(other, "elsewhere_partner", org_name="Elsewhere Org")
    services.decision_save(partnership=other, by=sec, title="Adopt the plan elsewhere", method="consent")
    _past_meeting(other, sec, "Steering Committee elsewhere", "Agenda budget draft elsewhere")
    # Draft minutes in the world: the secretariat's until circulated.
    _past_meeting(world["partnership"], world["secretariat"], "Quokka workshop", "Quokka draft minutes")


def _past_meeting(partnership, sec, title, minutes):
    start = timezone.now() - dt.timedelta(days=3)
    meeting = services.meeting_save(
        partnership=partnership,
        by=sec,
        body=None,
        title=title,
        is_formal=False,
        start=start,
        end=start + dt.timedelta(hours=1),
        place="Accra",
        online_link="",
        agenda="",
    )
    services.minutes_save(meeting=meeting, by=sec, text=minutes, recorded_on=start.date())


def _words(superuser):
    """Every word of four letters or more in the titles and bodies of every record a superuser finds."""
    words = set()
    for source in scopes.sources_for(superuser):
        for row in source.queryset.values_list(*source.title, *source.body):
            for value in row:
                words.update(w.lower() for w in re.findall(r"[^\W\d_]{4,}", str(value or "")))
    return sorted(words)


def _hits(client, query):
    response = client.get(reverse("search:results"), {"q": query})
    assert response.status_code == 200
    return response.content.decode(), HIT.findall(response.content.decode())


@pytest.mark.parametrize("role", ROLES)
def test_every_result_a_role_finds_is_one_it_may_open(client, world, role):  # noqa: F811
    _elsewhere(world)
    user = world[role]
    words = _words(world["superuser"])
    assert {"quokka", "agenda", "budget", "plan", "elsewhere"} <= set(words)
    client.force_login(user)
    opened = {}
    for word in words:
        page, links = _hits(client, word)
        if role == "outsider":
            assert "Cocoa Partnership<" not in page.replace("Elsewhere Cocoa Partnership<", ""), word
        for link in links:
            if link not in opened:
                opened[link] = client.get(link.replace("&amp;", "&")).status_code
            assert opened[link] == 200, (role, word, link, opened[link])
    assert opened, "the walk found nothing at all"


def _titles(client, query):
    page, _links = _hits(client, query)
    return re.sub(r"</?mark>", "", page)


def test_partners_find_shared_papers_and_circulated_minutes_not_drafts(client, world):  # noqa: F811
    _elsewhere(world)
    client.force_login(world["partner"])
    assert ">Agenda<" in _titles(client, "agenda")
    assert "Budget draft" not in _titles(client, "budget")
    assert "Quokka" not in _titles(client, "quokka")
    assert "Adopt the plan elsewhere" not in _titles(client, "plan")
    assert "Next step" in _titles(client, "next step")  # a draft decision: the members' work


def test_donors_find_adopted_decisions_only_and_no_meetings(client, world):  # noqa: F811
    _elsewhere(world)
    client.force_login(world["donor"])
    assert "Signing Org" in _titles(client, "signing")  # seated on the steering committee
    assert "Contact person" not in _titles(client, "signer")
    assert "Adopt the plan" in _titles(client, "adopt plan")
    assert "Next step" not in _titles(client, "next step")
    assert "Open one" not in _titles(client, "open one")
    for word in ("agenda", "budget", "steering"):
        assert "Meeting paper" not in _titles(client, word)
        assert "Minutes" not in _titles(client, word)


def test_the_secretariat_finds_its_drafts(client, world):  # noqa: F811
    _elsewhere(world)
    client.force_login(world["secretariat"])
    assert "Budget draft" in _titles(client, "budget")
    assert "Quokka" in _titles(client, "quokka")
    page = _titles(client, "elsewhere")
    assert "Elsewhere Org" in page  # the registry is the secretariat staff's, shared by all partnerships
    assert "Adopt the plan elsewhere" not in page
    assert "Elsewhere Cocoa Partnership" not in page


def test_outsiders_find_nothing_of_the_partnership(client, world):  # noqa: F811
    client.force_login(world["outsider"])
    page = _titles(client, "cocoa")
    assert "Cocoa Partnership" not in page
    assert "No results" in page or "Somebody" in page
