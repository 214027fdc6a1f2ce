"""Indicators with all their periods as CSV and XLSX: one row per indicator and period, numbers as numbers, one
column per disaggregation category, formula-safe, and for donors only the locked periods."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.monitoring.table_world import build

HEADERS = [
    "Indicator",
    "Results level",
    "Result",
    "Measure",
    "Unit",
    "Direction",
    "Aggregation",
    "Baseline",
    "Baseline date",
    "SDG targets",
    "Responsible organisation",
    "Period start",
    "Period end",
    "Target",
    "Actual",
    "Progress (%)",
    "Light",
    "Locked",
    "Narrative",
    "Sex: Female",
    "Sex: Male",
]


@pytest.fixture
def world(partnership):
    return build(partnership)


def _export(client, user, partnership, query="format=csv"):
    client.force_login(user)
    response = client.get(reverse("monitoring:indicators_export", args=[partnership.pk]) + "?" + query)
    assert response.status_code == 200
    return response


def _csv(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _xlsx(response):
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_the_csv_has_one_row_per_indicator_and_period(client, secretariat, partnership, world):
    response = _export(client, secretariat, partnership)
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"] and ".csv" in response["Content-Disposition"]
    header, *rows = _csv(response)
    assert header == HEADERS
    assert [(r[0], r[11]) for r in rows] == [
        ("Yield", "2025-01-01"),
        ("Yield", "2025-04-01"),
        ("Farmers trained", "2025-01-01"),
        ("Hectares", "2025-01-01"),
        ("Hectares", "2025-04-01"),
        ("Stories of change", ""),  # no period yet: the indicator is there all the same
    ]
    first = dict(zip(HEADERS, rows[0], strict=True))
    assert first | {} == {
        **first,
        "Results level": "Impact",
        "Result": "The impact",
        "Measure": "Unit",
        "Unit": "farmers",
        "Direction": "Higher is better",
        "Baseline": "0",
        "SDG targets": "2.3",
        "Responsible organisation": "Agro Co",
        "Period end": "2025-03-31",
        "Target": "100",
        "Actual": "95",
        "Progress (%)": "95.0",
        "Light": "On track",
        "Locked": "yes",
        "Narrative": "Good rains.",
    }
    assert dict(zip(HEADERS, rows[4], strict=True))["Actual"] == ""  # Hectares Q2: no actual yet


def test_disaggregated_values_have_a_column_per_category(client, secretariat, partnership, world):
    _header, *rows = _csv(_export(client, secretariat, partnership))
    farmers = dict(zip(HEADERS, rows[2], strict=True))
    assert (farmers["Sex: Female"], farmers["Sex: Male"]) == ("40", "35")
    assert dict(zip(HEADERS, rows[0], strict=True))["Sex: Female"] == ""


def test_the_xlsx_has_numbers_as_numbers(client, secretariat, partnership, world):
    response = _export(client, secretariat, partnership, "format=xlsx")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    header, *rows = _xlsx(response)
    assert header == HEADERS
    yield_q1 = dict(zip(HEADERS, rows[0], strict=True))
    assert yield_q1["Target"] == 100 and yield_q1["Actual"] == 95 and yield_q1["Progress (%)"] == 95
    assert all(isinstance(yield_q1[k], int | float) for k in ("Baseline", "Target", "Actual", "Progress (%)"))
    farmers = dict(zip(HEADERS, rows[2], strict=True))
    assert farmers["Sex: Female"] == 40 and isinstance(farmers["Sex: Female"], int | float)
    stories = dict(zip(HEADERS, rows[5], strict=True))
    assert stories["Measure"] == "Qualitative" and stories["Baseline"] == "None collected"


def test_a_name_like_a_formula_stays_text(client, secretariat, partnership, world):
    world["yield"].name = "=cmd|' /C calc'!A0"
    world["yield"].save()
    _header, *rows = _csv(_export(client, secretariat, partnership))
    assert rows[0][0] == "'=cmd|' /C calc'!A0"
    workbook = load_workbook(io.BytesIO(_export(client, secretariat, partnership, "format=xlsx").content))
    cell = workbook.active["A2"]
    assert cell.value == "=cmd|' /C calc'!A0" and cell.data_type == "s"


def test_a_donor_exports_the_locked_periods_only(client, donor, partnership, world):
    _header, *rows = _csv(_export(client, donor, partnership))
    assert [(r[0], r[11]) for r in rows] == [
        ("Yield", "2025-01-01"),
        ("Farmers trained", ""),
        ("Hectares", ""),
        ("Stories of change", ""),
    ]


def test_the_export_follows_the_filters(client, secretariat, partnership, world):
    _header, *rows = _csv(_export(client, secretariat, partnership, "status=red&format=csv"))
    assert {r[0] for r in rows} == {"Yield", "Hectares"}


def test_an_unknown_format_gives_csv(client, secretariat, partnership, world):
    assert _export(client, secretariat, partnership, "format=pdf")["Content-Type"].startswith("text/csv")


def test_outsiders_get_404(client, outsider, partnership, world):
    client.force_login(outsider)
    assert client.get(reverse("monitoring:indicators_export", args=[partnership.pk])).status_code == 404
