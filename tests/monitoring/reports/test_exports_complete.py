"""Every table a donor would ask for is there as CSV and XLSX (issue 14): indicators with their periods and
disaggregation, the budget, commitments, transactions, members and decisions. Each is linked from its page, answers
both formats with their content types to the roles that may read it, and is refused (403) to the others.

The world is the URL walk's (tests/test_url_walk.py): one row of every model, from every app's access_levels."""

import csv
import io
import re

import openpyxl
import pytest
from django.urls import reverse

from tests.factories import ContactFactory
from tests.test_url_walk import world  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db

CSV, XLSX = "text/csv; charset=utf-8", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EVERYONE, MEMBERS = ("secretariat", "partner", "donor"), ("secretariat", "partner")

# (the page, its export, who may read it, a column the export must have)
EXPORTS = [
    ("monitoring:indicators", "monitoring:indicators_export", EVERYONE, "Period start"),
    ("governance:budget", "governance:budget_export", MEMBERS, "Category"),
    ("governance:commitments", "governance:commitments_export", EVERYONE, "Organisation"),
    ("governance:transactions", "governance:transactions_export", MEMBERS, "Counterpart"),
    ("stakeholders:members", "stakeholders:members_export", MEMBERS, "Organisation"),
    ("governance:decisions", "governance:decisions_export", EVERYONE, "Title"),
]


def _csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _xlsx_rows(response) -> list[tuple]:
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    return [tuple("" if v is None else str(v) for v in row) for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize(("page_name", "export", "readers", "column"), EXPORTS, ids=[e[1] for e in EXPORTS])
def test_each_export_is_linked_from_its_page_and_answers_csv_and_xlsx(
    world,  # noqa: F811
    client,
    page_name,
    export,
    readers,
    column,
):
    kwargs = {"partnership_pk": world["partnership"].pk}
    # A donor reads their own organisation's commitments: the world's donor acts for the one that committed.
    ContactFactory(organisation=world["commitment"].organisation, user=world["donor"], name="Dora Donor")
    export_url = reverse(export, kwargs=kwargs)
    for role in ("secretariat", "partner", "donor"):
        client.force_login(world[role])
        if role not in readers:
            assert client.get(export_url).status_code == 403, role
            continue
        html = client.get(reverse(page_name, kwargs=kwargs)).content.decode()
        links = re.findall(rf'href="{re.escape(export_url)}\?([^"]*)"', html)
        assert links, f"{page_name} has no link to {export} for the {role}"
        assert any("format=xlsx" in link for link in links), f"{page_name} has no XLSX link for the {role}"
        as_csv = client.get(export_url)
        assert as_csv.status_code == 200 and as_csv["Content-Type"] == CSV, role
        assert as_csv["Content-Disposition"].startswith("attachment;") and ".csv" in as_csv["Content-Disposition"]
        header = [h.lower() for h in _csv_rows(as_csv)[0]]
        assert any(column.lower() in h for h in header), (role, header)
        as_xlsx = client.get(export_url, {"format": "xlsx"})
        assert as_xlsx.status_code == 200 and as_xlsx["Content-Type"] == XLSX, role
        assert ".xlsx" in as_xlsx["Content-Disposition"]
        rows = _xlsx_rows(as_xlsx)
        assert len(rows) >= 2, f"{export} as the {role}: no data row in the XLSX"


def test_the_indicator_export_has_each_dimensions_values_beside_the_total(world, client):  # noqa: F811
    """The world's indicator has a locked period with an actual of 40, of which Female 40 (dimension Sex)."""
    client.force_login(world["donor"])
    url = reverse("monitoring:indicators_export", kwargs={"partnership_pk": world["partnership"].pk})
    for rows in (_csv_rows(client.get(url)), _xlsx_rows(client.get(url, {"format": "xlsx"}))):
        header = list(rows[0])
        assert "Sex: Female" in header and "Sex: Male" in header
        measured = [row for row in rows[1:] if row[header.index("Actual")] not in ("", None)]
        assert len(measured) == 1  # the donor sees the locked period only
        row = measured[0]
        assert str(row[header.index("Actual")]) == "40" and str(row[header.index("Sex: Female")]) == "40"
        assert str(row[header.index("Sex: Male")]) in ("", "None")
