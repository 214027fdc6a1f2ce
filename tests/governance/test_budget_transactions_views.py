"""The transactions page: filters, pages of 50, the secretariat's form (bad input in words, what was typed kept),
deletion; and the exports of the budget and the transactions: formula-safe, IATI codes, numbers as numbers, and
the budget workbook's totals."""

import csv
import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from governance import services
from governance.models import Transaction
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def url(name, partnership, *extra):
    return reverse(f"governance:{name}", args=[partnership.pk, *extra])


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def rows_of(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.fixture
def books(partnership, secretariat):
    def record(**fields):
        return services.transaction_save(partnership=partnership, by=secretariat, currency="EUR", **fields)

    line = services.budget_line_save(
        partnership=partnership,
        by=secretariat,
        category="communication",
        description="=HYPERLINK(1)",
        year=2026,
        amount="1000.25",
        currency="EUR",
    )
    services.budget_line_revise(line=line, by=secretariat, amount="1500.50")
    services.budget_line_save(
        partnership=partnership,
        by=secretariat,
        category="other",
        description="Venue",
        year=2026,
        amount="99.75",
        currency="EUR",
    )
    funder = OrganisationFactory(name="Cocoa Foundation")
    record(type="1", date=dt.date(2026, 1, 5), amount="5000", counterpart=funder, reference="IN-1")
    record(type="4", date=dt.date(2026, 2, 5), amount="120.40", counterpart_name="Print Shop", budget_line=line)
    record(type="3", date=dt.date(2026, 3, 5), amount="700", counterpart_name="Kavokiva", description="@SUM(A1)")
    return {"line": line, "funder": funder}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?type=1", {"IN-1"}),
        ("?counterpart=print", {"Print Shop"}),
        ("?counterpart=cocoa+found", {"IN-1"}),
        ("?date_from=2026-02-01&date_to=2026-02-28", {"Print Shop"}),
        ("?q=sum", {"Kavokiva"}),
    ],
)
def test_the_list_filters(client, partnership, partner, books, query, expected):
    client.force_login(partner)
    page = text(client.get(url("transactions", partnership) + query))
    shown = {name for name in ("IN-1", "Print Shop", "Kavokiva") if name in page}
    assert shown == expected


def test_the_list_filters_by_budget_line(client, partnership, partner, books):
    client.force_login(partner)
    page = text(client.get(url("transactions", partnership) + f"?budget_line={books['line'].pk}"))
    assert "Print Shop" in page and "IN-1" not in page


def test_the_list_comes_in_pages_of_fifty(client, partnership, secretariat):
    Transaction.objects.bulk_create(
        Transaction(partnership=partnership, type="4", date=dt.date(2026, 1, 1), amount=1, currency_id="EUR")
        for _ in range(51)
    )
    client.force_login(secretariat)
    assert "Page 1 of 2" in text(client.get(url("transactions", partnership)))
    assert text(client.get(url("transactions", partnership) + "?page=2")).count('data-transaction="') == 1


def test_an_empty_list_says_what_to_do(client, partnership, secretariat):
    client.force_login(secretariat)
    page = text(client.get(url("transactions", partnership)))
    assert "No transactions yet." in page and "Record a transaction" in page


def test_a_future_date_comes_back_in_words_with_what_was_typed(client, partnership, secretariat):
    client.force_login(secretariat)
    future = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    data = {"type": "1", "date": future, "amount": "50", "currency": "EUR", "counterpart_name": "Donor X"}
    response = client.post(url("transaction_add", partnership), data)
    assert response.status_code == 400
    page = text(response)
    assert "cannot be dated in the future" in page and 'value="Donor X"' in page
    assert not Transaction.objects.exists()


def test_a_malformed_amount_comes_back_in_words(client, partnership, secretariat):
    client.force_login(secretariat)
    data = {"type": "1", "date": "2026-01-01", "amount": "12,50 EUR", "currency": "EUR"}
    response = client.post(url("transaction_add", partnership), data)
    assert response.status_code == 400
    assert "Write the amount as a number, such as 1250.50." in text(response)


def test_the_secretariat_records_and_deletes_a_transaction(client, partnership, secretariat, books):
    client.force_login(secretariat)
    data = {"type": "4", "date": "2026-04-01", "amount": "33.10", "currency": "USD", "budget_line": books["line"].pk}
    response = client.post(url("transaction_add", partnership), data, follow=True)
    assert "The transaction is saved." in text(response)
    recorded = Transaction.objects.get(amount=Decimal("33.10"))
    assert (recorded.currency_id, recorded.budget_line, recorded.created_by) == ("USD", books["line"], secretariat)
    response = client.post(url("transaction_delete", partnership, recorded.pk), follow=True)
    assert "The transaction is deleted." in text(response)
    assert not Transaction.objects.filter(pk=recorded.pk).exists()


def test_the_transactions_export_is_formula_safe_with_iati_codes(client, partnership, partner, books):
    client.force_login(partner)
    rows = rows_of(client.get(url("transactions_export", partnership)))
    assert rows[0][:4] == ["Date", "IATI transaction type", "Type", "Amount"]
    by_type = {row[1]: row for row in rows[1:]}
    assert set(by_type) == {"1", "3", "4"}
    assert by_type["3"][8] == "'@SUM(A1)"
    assert by_type["4"][3] == "120.40"
    filtered = rows_of(client.get(url("transactions_export", partnership) + "?type=1"))
    assert [row[1] for row in filtered[1:]] == ["1"]


def test_the_budget_csv_has_every_line_with_its_iati_budget_type(client, partnership, partner, books):
    client.force_login(partner)
    rows = rows_of(client.get(url("budget_export", partnership)))
    assert rows[0][3] == "IATI budget type"
    lines = [(row[2], row[3], row[5], row[7]) for row in rows[1:]]
    assert lines == [
        ("'=HYPERLINK(1)", "1", "1000.25", "no"),
        ("'=HYPERLINK(1)", "2", "1500.50", "yes"),
        ("Venue", "1", "99.75", "yes"),
    ]


def test_the_budget_workbook_has_numbers_and_the_right_totals(client, partnership, partner, books):
    client.force_login(partner)
    response = client.get(url("budget_export", partnership) + "?format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    amounts = [row[5] for row in rows]
    assert all(isinstance(a, int | float) for a in amounts)
    assert rows[0][2] == "=HYPERLINK(1)" and sheet["C2"].data_type == "s"  # text, never a formula
    totals = {(row[0], row[1], row[6]): row[5] for row in rows if str(row[1]).startswith("Total planned")}
    # Planned: the revision (1,500.50), not the original it replaced, and the venue (99.75).
    assert totals == {(2026, "Total planned", "EUR"): 1600.25, (None, "Total planned, all years", "EUR"): 1600.25}
