"""The dashboard's learning card: what the members read there, what donors never see, and its empty state."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from monitoring.selectors.learning import months_before
from tests.factories import OrganisationFactory
from tests.monitoring import factories as f

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def dashboard(client, user, partnership):
    client.force_login(user)
    response = client.get(reverse("msp:dashboard", args=[partnership.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_an_empty_card_says_where_to_start(client, partnership, secretariat):
    html = dashboard(client, secretariat, partnership)
    assert 'id="learning-card"' in html and "Nothing recorded yet." in html
    assert reverse("monitoring:lessons", args=[partnership.pk]) in html


def test_the_card_sums_up_lessons_gaps_risks_and_context(client, partnership, partner):
    organisation = OrganisationFactory()
    recent = months_before(TODAY, 12) + dt.timedelta(days=1)
    f.LessonFactory(partnership=partnership, source="success", learned_on=TODAY)
    f.LessonFactory(partnership=partnership, source="failure", learned_on=recent)
    f.LessonFactory(partnership=partnership, source="failure", learned_on=months_before(TODAY, 13))
    f.CapacityGapFactory(partnership=partnership, organisation=organisation)
    f.CapacityGapFactory(partnership=partnership, organisation=organisation, measure="Training")
    f.CapacityGapFactory(partnership=partnership, organisation=organisation, status="closed")
    f.RiskFactory(partnership=partnership, title="Floods", likelihood=2, impact=3)
    f.RiskFactory(partnership=partnership, title="Drought", likelihood=4, impact=5)
    f.RiskFactory(partnership=partnership, title="Strike", status="materialised", materialised_on=TODAY)
    f.RiskFactory(partnership=partnership, title="Worst", likelihood=5, impact=5, status="closed")
    f.ContextAnalysisFactory(partnership=partnership, analysed_on=dt.date(2025, 2, 1))
    html = dashboard(client, partner, partnership)
    assert "1 from successes, 1 from failures" in html
    assert ">2 <span" in html and "1 without measure or decision" in html
    assert "2 open, 1 materialised" in html
    assert "Highest open risk:</span> Drought" in html and "20 · High" in html
    assert "Nothing recorded yet." not in html


def test_donors_do_not_see_the_card(client, partnership, donor):
    f.LessonFactory(partnership=partnership)
    assert 'id="learning-card"' not in dashboard(client, donor, partnership)
