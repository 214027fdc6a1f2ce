"""The budget page and its forms: lines by year and category with the original and revised amounts side by side,
planned totals per currency, reviews with their decision; bad input comes back in words with what was typed."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import translation

from governance import services
from governance.models import BudgetLine, BudgetReview

pytestmark = pytest.mark.django_db


def url(name, partnership, *extra):
    return reverse(f"governance:{name}", args=[partnership.pk, *extra])


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def budget(partnership, secretariat):
    def line(**fields):
        values = {"category": "secretariat", "description": "Coordinator", "year": 2026, "amount": "1000"}
        return services.budget_line_save(
            partnership=partnership, by=secretariat, **{"currency": "EUR", **values, **fields}
        )

    coordinator = line()
    revised = services.budget_line_revise(line=coordinator, by=secretariat, amount="1200")
    line(description="Office", amount="300")
    line(category="monitoring", description="Baseline survey", amount="800")
    line(category="monitoring", description="Survey team", amount="500", currency="USD")
    line(category="capacity", description="Training", year=2027, amount="2000")
    return {"coordinator": coordinator, "revised": revised}


def test_the_page_shows_original_and_revised_side_by_side_and_planned_totals_per_currency(
    client, partnership, partner, budget
):
    client.force_login(partner)
    page = text(client.get(url("budget", partnership)))
    assert "Budget 2026" in page and "Budget 2027" in page
    row = re.search(r'<tr data-line="Coordinator">(.*?)</tr>', page).group(1)
    assert "EUR 1,000.00" in row and "EUR 1,200.00" in row
    secretariat_total = re.search(r'data-total="secretariat">(.*?)</tr>', page).group(1)
    assert "EUR 1,500.00" in secretariat_total  # the revision (1,200) and the office (300), not the original
    monitoring_total = re.search(r'data-total="monitoring">(.*?)</tr>', page).group(1)
    assert "EUR 800.00" in monitoring_total and "USD 500.00" in monitoring_total
    year_total = re.search(r'data-total="2026">(.*?)</tr>', page).group(1)
    assert "EUR 2,300.00" in year_total and "USD 500.00" in year_total
    assert "Add a budget line" not in page  # partners read


def test_an_empty_budget_says_what_to_do(client, partnership, secretariat, partner):
    client.force_login(secretariat)
    page = text(client.get(url("budget", partnership)))
    assert "No budget lines yet." in page and "Cost the secretariat, management and monitoring" in page
    assert "No budget reviews yet." in page
    client.force_login(partner)
    assert "The secretariat plans the budget" in text(client.get(url("budget", partnership)))


def test_a_negative_amount_comes_back_in_words_with_what_was_typed(client, partnership, secretariat):
    client.force_login(secretariat)
    data = {"category": "management", "description": "Audit fees", "year": "2026", "amount": "-40", "currency": "EUR"}
    response = client.post(url("budget_line_add", partnership), data)
    assert response.status_code == 400
    page = text(response)
    assert "An amount cannot be negative" in page and 'value="Audit fees"' in page
    assert not BudgetLine.objects.exists()


def test_the_secretariat_adds_and_revises_a_line(client, partnership, secretariat):
    client.force_login(secretariat)
    data = {
        "category": "management",
        "description": "Audit fees",
        "year": "2026",
        "amount": "400.50",
        "currency": "EUR",
    }
    response = client.post(url("budget_line_add", partnership), data, follow=True)
    assert "The budget line is saved." in text(response)
    line = BudgetLine.objects.get()
    response = client.post(
        url("budget_line_revise", partnership, line.pk),
        {"description": "Audit fees", "amount": "550", "currency": "EUR"},
        follow=True,
    )
    assert "The revised amount now counts as planned." in text(response)
    assert BudgetLine.objects.get(revises=line).amount == 550


def test_deleting_a_line_with_expenditure_is_refused_on_the_page(client, partnership, secretariat, budget):
    services.transaction_save(
        partnership=partnership,
        by=secretariat,
        type="4",
        date=dt.date(2026, 1, 5),
        amount="10",
        currency="EUR",
        budget_line=budget["revised"],
    )
    client.force_login(secretariat)
    response = client.post(url("budget_line_delete", partnership, budget["revised"].pk), follow=True)
    assert "Expenditure is booked against this line, so it cannot be deleted." in text(response)
    assert BudgetLine.objects.filter(pk=budget["revised"].pk).exists()


def test_a_review_is_recorded_with_its_decision(client, partnership, secretariat):
    decision = services.decision_save(partnership=partnership, by=secretariat, title="Cut travel", method="consensus")
    client.force_login(secretariat)
    response = client.post(
        url("budget_review_add", partnership),
        {"date": "2026-01-15", "note": "Travel is over plan.", "decision": decision.pk},
        follow=True,
    )
    page = text(response)
    assert "The budget review is recorded." in page and "Travel is over plan." in page and "Cut travel" in page
    assert BudgetReview.objects.get().decision == decision


def test_a_review_in_the_future_comes_back_in_words(client, partnership, secretariat):
    client.force_login(secretariat)
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    response = client.post(url("budget_review_add", partnership), {"date": future, "note": "Next month"})
    assert response.status_code == 400
    assert "A review cannot be dated in the future." in text(response) and "Next month" in text(response)


@pytest.mark.parametrize(("language", "words"), [("fr", "Suivi et évaluation"), ("de", "Monitoring und Evaluierung")])
def test_the_page_is_translated(client, partnership, partner, budget, language, words):
    client.force_login(partner)
    with translation.override(language):
        page = text(client.get(url("budget", partnership), headers={"accept-language": language}))
    assert words in page
