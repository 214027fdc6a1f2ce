"""Bad input on the learning forms, as someone typing or pasting it: a likelihood of 9, a risk marked materialised
without its date, a 10,000-character title, pages of text, a spreadsheet formula as a title, an organisation that is
not a member. Each is refused with the field's message (status 400), what was typed kept, nothing stored, never an
error page; a formula is stored and shown as the text it is."""

import pytest
from django.urls import reverse

from monitoring.models import CapacityGap, Lesson, RelatedInitiative, Risk
from tests.factories import MembershipFactory, OrganisationFactory
from tests.monitoring.factories import RiskFactory

pytestmark = pytest.mark.django_db
LONG = "y" * 10_000
FORMULA = '=HYPERLINK("http://evil.example","Click")'


@pytest.fixture
def member(partnership):
    organisation = OrganisationFactory(name="Farmers Union")
    MembershipFactory(partnership=partnership, organisation=organisation)
    return organisation


def post(client, user, name, partnership, data):
    client.force_login(user)
    return client.post(reverse(f"monitoring:{name}", args=[partnership.pk]), data)


def refused(response, field, words):
    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors[field])
    assert words in errors, errors


def risk(member, **extra):
    return {"title": "Drought", "likelihood": 3, "impact": 4, "owner": member.pk, "status": "open", **extra}


def test_a_likelihood_of_9(client, partnership, secretariat, member):
    response = post(client, secretariat, "risk_add", partnership, risk(member, likelihood=9))
    refused(response, "likelihood", "from 1 (lowest) to 5")
    assert 'value="9"' in response.content.decode()
    assert not Risk.objects.exists()


def test_a_likelihood_that_is_not_a_number(client, partnership, secretariat, member):
    refused(post(client, secretariat, "risk_add", partnership, risk(member, impact="high")), "impact", "whole number")


def test_materialised_without_a_date(client, partnership, secretariat, member):
    response = post(client, secretariat, "risk_add", partnership, risk(member, status="materialised"))
    refused(response, "materialised_on", "Give the date the risk materialised.")
    assert "Drought" in response.content.decode() and "Constraint" not in response.content.decode()
    assert not Risk.objects.exists()


def test_an_existing_risk_changed_to_materialised_without_a_date(client, partnership, secretariat, member):
    existing = RiskFactory(partnership=partnership, title="Strike")
    client.force_login(secretariat)
    data = risk(member, title="Strike", status="materialised")
    response = client.post(reverse("monitoring:risk_edit", args=[partnership.pk, existing.pk]), data)
    refused(response, "materialised_on", "Give the date")
    existing.refresh_from_db()
    assert existing.status == "open"


def test_a_10000_character_title(client, partnership, secretariat, member):
    response = post(client, secretariat, "risk_add", partnership, risk(member, title=LONG))
    refused(response, "title", "at most 200 characters")
    data = {"title": LONG, "what_happened": "x", "source": "success", "learned_on": "2025-01-01"}
    refused(post(client, secretariat, "lesson_add", partnership, data), "title", "at most 200 characters")
    assert not Risk.objects.exists() and not Lesson.objects.exists()


def test_pages_of_text(client, partnership, secretariat, member):
    data = {"level": "individual", "organisation": member.pk, "description": "y" * 10_001, "status": "open"}
    refused(post(client, secretariat, "capacity_gap_add", partnership, data), "description", "at most 10000")
    assert not CapacityGap.objects.exists()


def test_a_title_on_two_lines(client, partnership, secretariat, member):
    response = post(client, secretariat, "risk_add", partnership, risk(member, title="Drought\nand floods"))
    refused(response, "title", "one line")


def test_a_formula_as_a_title_is_text(client, partnership, secretariat, partner, member):
    response = post(client, secretariat, "risk_add", partnership, risk(member, title=FORMULA))
    assert response.status_code == 302
    client.force_login(partner)
    html = client.get(reverse("monitoring:risks", args=[partnership.pk])).content.decode()
    assert "=HYPERLINK(&quot;http://evil.example&quot;,&quot;Click&quot;)" in html
    assert '<a href="http://evil.example"' not in html


def test_an_organisation_that_is_not_a_member(client, partnership, secretariat):
    stranger = OrganisationFactory(name="Stranger Ltd")
    data = {"level": "individual", "organisation": stranger.pk, "description": "x", "status": "open"}
    refused(post(client, secretariat, "capacity_gap_add", partnership, data), "organisation", "member organisations")


def test_an_unknown_kind_of_initiative(client, partnership, secretariat):
    response = post(client, secretariat, "initiative_add", partnership, {"name": "Forum", "kind": "friendly"})
    refused(response, "kind", "valid choice")
    assert "Forum" in response.content.decode()
    assert not RelatedInitiative.objects.exists()


def test_a_date_that_is_not_a_date(client, partnership, secretariat):
    data = {"summary": "Quiet.", "analysed_on": "yesterday"}
    refused(post(client, secretariat, "context_add", partnership, data), "analysed_on", "valid date")


def test_an_empty_form(client, partnership, secretariat):
    for name in ("lesson_add", "capacity_gap_add", "context_add", "initiative_add", "risk_add"):
        response = post(client, secretariat, name, partnership, {})
        assert response.status_code == 400, name
        assert response.context["form"].errors
