"""The bank import, as the secretariat uses it: upload a real bank export, check the mapping and the rows, import.
Acceptance 1 of issue 11 (a German and a French export with header blocks, semicolons, decimal commas and
debit/credit columns), formulas kept as text, workbooks with date cells, the mapping remembered, nothing imported
twice, bad rows refused in words; and who may do it."""

import csv
import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from governance.models import PendingTransactionImport, Transaction, TransactionImportMapping
from tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).resolve().parents[2] / "governance" / "demo" / "sample_bank_export_de.csv"
FRENCH = (
    "Relevé de compte;;;;;\n"
    "Compte;FR76 3000 4000 0312 3456 7890 143;;;;\n"
    "Période du 01/03/2026 au 31/03/2026;;;;;\n"
    "Solde au 31/03/2026;45\u202f210,00 €;;;;\n"
    "Date d'opération;Libellé;Tiers;Référence;Débit;Crédit\n"
    "03/03/2026;Subvention 2026;Agence Française de Développement;AFD-26-001;;12\u202f500,00\n"
    "10/03/2026;Atelier à Abidjan;Hôtel Ivoire;F-2231;1\u202f234,56;\n"
    "28/03/2026;Frais bancaires;Banque;;8,40;\n"
)


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def upload(client, partnership, name, content):
    response = client.post(
        reverse("governance:transaction_import", args=[partnership.pk]), {"file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 302, text(response)
    return response["Location"]


def form_of(response):
    """The mapping form as the page shows it (what a press of a button would send)."""
    form = response.context["form"]
    data = {name: form[name].value() for name in form.fields}
    return {k: ("" if v is None else v) for k, v in data.items() if k != "skip_errors"}


def confirm(client, map_url, data):
    return client.post(map_url + "confirm/", data)


@pytest.fixture
def sec(client, secretariat):
    client.force_login(secretariat)
    return client


@pytest.fixture
def fund(partnership):
    organisation = OrganisationFactory(name="Fund for Partnerships")
    MembershipFactory(partnership=partnership, organisation=organisation)
    return organisation


def test_a_german_bank_export_imports_with_the_right_amounts_signs_and_counterparts(sec, partnership, fund):
    map_url = upload(sec, partnership, "umsaetze.csv", SAMPLE.read_bytes())
    page = sec.get(map_url)
    assert page.status_code == 200
    assert page.context["table"].header_row == 6  # under the account, period and balance lines
    assert "5 new transactions are ready to import." in text(page)
    response = confirm(sec, map_url, form_of(page))
    assert response.status_code == 302
    rows = list(Transaction.objects.filter(partnership=partnership).order_by("date"))
    assert [(t.date, t.type, t.amount, t.currency_id) for t in rows] == [
        (dt.date(2026, 3, 2), "1", Decimal("25000.0000"), "EUR"),
        (dt.date(2026, 3, 5), "4", Decimal("1234.5600"), "EUR"),
        (dt.date(2026, 3, 12), "1", Decimal("7500.0000"), "EUR"),
        (dt.date(2026, 3, 18), "4", Decimal("890.1000"), "EUR"),
        (dt.date(2026, 3, 31), "4", Decimal("12.9000"), "EUR"),
    ]
    assert rows[0].counterpart == fund  # a member, matched by its name
    assert rows[1].counterpart is None and rows[1].counterpart_name == "Büro- und Tagungszentrum Köln"
    assert rows[3].description == "Übersetzung Jahresbericht (FR/DE)"
    assert len({t.import_batch for t in rows}) == 1 and rows[0].import_batch is not None
    assert not PendingTransactionImport.objects.exists()
    followed = sec.get(response["Location"])
    assert "umsaetze.csv is imported: 5 transactions added, 0 rows skipped as already imported" in text(followed)


def test_the_same_file_again_creates_nothing(sec, partnership, fund):
    map_url = upload(sec, partnership, "umsaetze.csv", SAMPLE.read_bytes())
    confirm(sec, map_url, form_of(sec.get(map_url)))
    again = upload(sec, partnership, "umsaetze.csv", SAMPLE.read_bytes())
    page = sec.get(again)
    assert "Every row of this file was imported before" in text(page)
    assert "Import 5 transactions" not in text(page)
    confirm(sec, again, form_of(page))
    assert Transaction.objects.filter(partnership=partnership).count() == 5


def test_a_french_export_with_narrow_spaces_and_outgoing_as_disbursements(sec, partnership):
    map_url = upload(sec, partnership, "releve.csv", FRENCH.encode("utf-8"))
    page = sec.get(map_url)
    data = {**form_of(page), "fixed_currency": "EUR", "outgoing_type": "3"}
    assert sec.post(map_url, data).status_code == 200
    assert confirm(sec, map_url, data).status_code == 302
    rows = Transaction.objects.filter(partnership=partnership).order_by("date")
    assert [(t.date, t.type, t.amount, t.counterpart_name, t.reference) for t in rows] == [
        (dt.date(2026, 3, 3), "1", Decimal("12500"), "Agence Française de Développement", "AFD-26-001"),
        (dt.date(2026, 3, 10), "3", Decimal("1234.56"), "Hôtel Ivoire", "F-2231"),
        (dt.date(2026, 3, 28), "3", Decimal("8.40"), "Banque", ""),
    ]


def test_the_mapping_is_remembered_for_the_next_file(sec, partnership):
    content = b"Wert;Summe;Wer\n01.03.2026;-10,00;A\n"
    map_url = upload(sec, partnership, "a.csv", content)
    page = sec.get(map_url)
    data = {**form_of(page), "date": "0", "amount": "1", "counterpart": "2", "fixed_currency": "USD",
            "number_format": "comma"}  # fmt: skip
    confirm(sec, map_url, data)
    assert TransactionImportMapping.objects.get(partnership=partnership).choices["columns"]["date"] == "wert"
    second = sec.get(upload(sec, partnership, "b.csv", b"Wert;Summe;Wer\n02.03.2026;1.000,50;B\n"))
    assert form_of(second) | {"header_row": 0} == data | {"header_row": 0}
    row = second.context["preview"].rows[0]
    assert (row.amount, row.currency, row.type) == (Decimal("1000.50"), "USD", "1")


def test_formulas_stay_text_and_leave_in_the_export_formula_safe(sec, partnership):
    content = b"Date,Amount,Currency,Description\n2026-03-01,-5.00,EUR,\"=cmd|' /C calc'!A0\"\n"
    map_url = upload(sec, partnership, "formula.csv", content)
    confirm(sec, map_url, form_of(sec.get(map_url)))
    assert Transaction.objects.get().description == "=cmd|' /C calc'!A0"
    export = sec.get(reverse("governance:transactions_export", args=[partnership.pk]))
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert "'=cmd|' /C calc'!A0" in rows[1]


def test_a_workbook_with_date_and_number_cells(sec, partnership):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Account 0042"])
    sheet.append(["Date", "Payee", "Amount", "Currency"])
    sheet.append([dt.datetime(2026, 3, 31), "Printer", -1.234, "EUR"])
    sheet.append([dt.datetime(2026, 4, 1), "Funder", 2500, "EUR"])
    out = io.BytesIO()
    workbook.save(out)
    map_url = upload(sec, partnership, "book.xlsx", out.getvalue())
    confirm(sec, map_url, form_of(sec.get(map_url)))
    rows = Transaction.objects.order_by("date")
    assert [(t.date, t.type, t.amount) for t in rows] == [
        (dt.date(2026, 3, 31), "4", Decimal("1.234")),
        (dt.date(2026, 4, 1), "1", Decimal("2500")),
    ]


def test_rows_with_errors_are_refused_in_words_unless_skipped(sec, partnership):
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    content = (
        "Date;Amount;Currency;Ref\n2026-03-01;10,00;EUR;ok\nsoon;5,00;EUR;bad-date\n2026-03-02;ten;EUR;bad-amount\n"
        f"2026-03-03;1,00;XXY;bad-currency\n{future};1,00;EUR;future\n"
    ).encode()
    map_url = upload(sec, partnership, "bad.csv", content)
    page = sec.get(map_url)
    shown = text(page)
    for message in ("“soon” is not a date.", "“ten” is not an amount.", "Unknown currency “XXY”.", "is in the future"):
        assert message in shown
    refused = confirm(sec, map_url, form_of(page))
    assert refused.status_code == 400 and "Nothing was imported." in text(refused)
    assert not Transaction.objects.exists()
    assert confirm(sec, map_url, {**form_of(page), "skip_errors": "on"}).status_code == 302
    assert list(Transaction.objects.values_list("reference", flat=True)) == ["ok"]


def test_a_mapping_without_a_date_or_amount_says_what_is_missing(sec, partnership):
    map_url = upload(sec, partnership, "x.csv", b"A;B\n1;2\n")
    page = sec.post(map_url, {**form_of(sec.get(map_url)), "date": "", "amount": "", "fixed_currency": ""})
    shown = text(page)
    assert "Choose the column with the date" in shown and "Choose the column with the amount" in shown
    assert "Choose the column with the currency" in shown
    twice = sec.post(map_url, {**form_of(page), "date": "0", "amount": "0"})
    assert twice.status_code == 400 and "Each column of the file can hold one field only." in text(twice)


def test_the_header_row_can_be_chosen(sec, partnership):
    map_url = upload(sec, partnership, "x.csv", SAMPLE.read_bytes())
    page = sec.get(map_url + "?header=1")
    assert page.context["table"].header_row == 1
    assert page.context["form"]["date"].value() == ""  # "Kontoinhaber;…" names no date column
    assert "Choose the column with the date of each transaction." in text(page)
    assert sec.get(map_url + "?header=6").context["table"].header_row == 6


def test_a_file_that_cannot_be_read_is_refused_on_the_upload_form(sec, partnership):
    response = sec.post(
        reverse("governance:transaction_import", args=[partnership.pk]),
        {"file": SimpleUploadedFile("bank.pdf", b"%PDF-1.4")},
    )
    assert response.status_code == 400 and "Upload a .csv or .xlsx file." in text(response)
    empty = sec.post(
        reverse("governance:transaction_import", args=[partnership.pk]), {"file": SimpleUploadedFile("e.csv", b"\n\n")}
    )
    assert empty.status_code == 400
    many = "Date;Amount\n" + "2026-03-01;1,00\n" * 2100
    response = sec.post(
        reverse("governance:transaction_import", args=[partnership.pk]),
        {"file": SimpleUploadedFile("many.csv", many.encode())},
    )
    assert response.status_code == 400 and "import at most 2000 at a time" in text(response)


def test_a_file_of_another_partnership_or_gone_is_not_found(sec, client, partnership, outsider):
    map_url = upload(sec, partnership, "umsaetze.csv", SAMPLE.read_bytes())
    pending = PendingTransactionImport.objects.get()
    client.force_login(outsider)
    elsewhere = outsider.partnership_roles.get().partnership
    assert client.get(reverse("governance:transaction_import_map", args=[elsewhere.pk, pending.pk])).status_code == 404
    client.force_login(pending.uploaded_by)
    pending.created_at -= PendingTransactionImport.VALID_FOR + dt.timedelta(minutes=1)
    pending.save()
    assert sec.get(map_url).status_code == 404
    assert PendingTransactionImport.purge() == 1


@pytest.mark.parametrize(("who", "status"), [("partner", 403), ("donor", 403), ("outsider", 404)])
def test_only_the_secretariat_imports(client, partnership, users, who, status):
    client.force_login(users[who])
    url = reverse("governance:transaction_import", args=[partnership.pk])
    assert client.get(url).status_code == status
    assert client.post(url, {"file": SimpleUploadedFile("a.csv", SAMPLE.read_bytes())}).status_code == status
    assert not PendingTransactionImport.objects.exists()


def test_the_transactions_page_offers_the_import(sec, partnership):
    response = sec.get(reverse("governance:transactions", args=[partnership.pk]))
    assert reverse("governance:transaction_import", args=[partnership.pk]) in response.content.decode()
