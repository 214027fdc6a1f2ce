"""Ranking and marking: on PostgreSQL (full-text search) an exact name comes above a passing mention, whatever
the kind; on every backend the matched words are marked and the records' text escaped."""

import pytest
from django.urls import reverse

from governance import services
from msp.models import Role
from search import selectors
from tests.conftest import needs_postgres
from tests.factories import OrganisationFactory, PartnershipFactory, RoleFactory, UserFactory
from tests.monitoring.factories import IndicatorFactory


@pytest.fixture
def staff(db):
    user = UserFactory(username="sam")
    for name in ("Mango Alliance", "Water Partnership"):
        RoleFactory(partnership=PartnershipFactory(name=name, language="en"), user=user, role=Role.SECRETARIAT)
    return user


def _mentions(user):
    water = user.partnership_roles.get(partnership__name="Water Partnership").partnership
    services.decision_save(
        partnership=water,
        by=user,
        title="Irrigation schedule",
        text="The pumps run at night. Several farmers also grow mangoes beside the canal, which is fine.",
        method="consensus",
    )
    return water


def test_on_postgresql_an_exact_name_comes_above_a_passing_mention(staff):
    needs_postgres()
    water = _mentions(staff)
    IndicatorFactory(partnership=water, name="Farmers trained", definition="Mango growers among them count too.")
    hits = selectors.search(staff, "mango")
    assert [hit.title for hit in hits][:1] == ["<mark>Mango</mark> Alliance"]
    assert {hit.kind for hit in hits} == {"partnership", "decision", "indicator"}
    decision = next(hit for hit in hits if hit.kind == "decision")
    assert "<mark>mangoes</mark>" in decision.snippet  # a stem of the word searched for, in the working language


def test_on_postgresql_words_are_matched_in_the_partnerships_working_language(staff):
    needs_postgres()
    water = _mentions(staff)
    water.language = "fr"
    water.save(update_fields=["language"])
    services.decision_save(
        partnership=water, by=staff, title="Les agriculteurs", text="Former les agricultrices.", method="consensus"
    )
    titles = [hit.title for hit in selectors.search(staff, "agriculteur")]
    assert "<mark>agriculteurs</mark>" in " ".join(titles).lower()


def test_a_name_match_ranks_above_a_body_match(staff):
    _mentions(staff)
    hits = selectors.search(staff, "mango")
    assert hits[0].kind == "partnership"
    assert hits[-1].kind == "decision"


def test_the_matched_words_are_marked_and_the_text_escaped(client, staff):
    OrganisationFactory(name="<b>Mango</b> & Co", description="<script>alert(1)</script> sells mango juice")
    client.force_login(staff)
    response = client.get(reverse("search:results"), {"q": "mango"})
    page = response.content.decode()
    assert "&lt;b&gt;<mark>Mango</mark>&lt;/b&gt; &amp; Co" in page
    assert "<script>alert(1)" not in page
    assert "sells <mark>mango</mark> juice" in page  # PostgreSQL's headline drops the tag; SQLite's shows it escaped


def test_a_short_query_asks_for_more(client, staff):
    client.force_login(staff)
    page = client.get(reverse("search:results"), {"q": " m "}).content.decode()
    assert "Type at least 2 characters" in page


def test_no_results_says_what_to_try(client, staff):
    client.force_login(staff)
    page = client.get(reverse("search:results"), {"q": "zzyzx"}).content.decode()
    assert "No results for “zzyzx”." in page
    assert "Try fewer or other words" in page


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get(reverse("search:results"), {"q": "mango"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
