"""The indicator endpoints answer what the indicator table and page show (tests/monitoring/table_world.py): the
same order, lights and filters; a donor gets the locked periods only; the detail carries its ETag."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.api.conftest import token_client
from tests.factories import PartnershipFactory
from tests.monitoring import factories as f
from tests.monitoring import table_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def t(partnership):
    return table_world.build(partnership)


def rows(user, partnership, **filters):
    answer = token_client(user).get(reverse("api:indicator_list", args=[partnership.pk]), filters)
    assert answer.status_code == 200, answer.content
    return answer.json()["results"]


def detail(user, indicator, **headers):
    return token_client(user).get(
        reverse("api:indicator_detail", args=[indicator.partnership_id, indicator.pk]), **headers
    )


def test_the_list_is_the_table_impact_first_with_each_light(t, partnership, partner):
    found = [(row["name"], row["result"]["level"], row["status"]) for row in rows(partner, partnership)]
    assert found == [
        ("Yield", "impact", "red"),
        ("Farmers trained", "outcome", "amber"),
        ("Hectares", "output", "red"),
        ("Stories of change", "activity", "none"),
    ]
    hectares = rows(partner, partnership)[2]
    assert hectares["overdue_periods"] == 1 and hectares["responsible"]["name"] == "Agro Co"
    assert hectares["measure"] == {"code": "1", "name": "Unit"}


def test_a_donor_sees_the_lights_of_locked_periods_only(t, partnership, donor):
    assert [row["status"] for row in rows(donor, partnership)] == ["green", "none", "none", "none"]
    periods = detail(donor, t["yield"]).json()["periods"]
    assert [(p["start"], p["locked"], p["actual"]["value"]) for p in periods] == [("2025-01-01", True, "95")]


def test_the_filters_are_the_tables(t, partnership, secretariat):
    assert [r["name"] for r in rows(secretariat, partnership, level="outcome")] == ["Farmers trained"]
    assert [r["name"] for r in rows(secretariat, partnership, status="red")] == ["Yield", "Hectares"]
    assert [r["name"] for r in rows(secretariat, partnership, responsible=t["union"].pk)] == [
        "Farmers trained",
        "Stories of change",
    ]
    assert [r["name"] for r in rows(secretariat, partnership, sdg_goal=2)] == ["Yield"]
    # As on the page, a value that is not one of the choices is ignored.
    assert len(rows(secretariat, partnership, status="purple")) == 4


def test_the_detail_has_the_definition_dimensions_and_breakdown(t, partner):
    body = detail(partner, t["farmers"]).json()
    assert body["sdg_targets"] == ["1.2"] and body["baseline"] == {"value": "0", "text": "", "date": "2025-01-01"}
    assert [(d["name"], [c["name"] for c in d["categories"]]) for d in body["dimensions"]] == [
        ("Sex", ["Female", "Male"])
    ]
    (period,) = body["periods"]
    assert period["light"] == "amber" and period["percent"] == "75" and period["target_value"] == "100"
    breakdown = {(row["dimension"], row["category_name"]): row["value"] for row in period["actual"]["breakdown"]}
    assert breakdown == {("Sex", "Female"): "40", ("Sex", "Male"): "35"}


def test_the_detail_answers_304_until_an_actual_changes(t, partner):
    first = detail(partner, t["hectares"])
    assert detail(partner, t["hectares"], HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    period = t["hectares"].periods.get(start="2025-04-01")
    f.ActualFactory(period=period, value=Decimal(50))
    again = detail(partner, t["hectares"], HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and again["ETag"] != first["ETag"]


def test_another_partnerships_indicator_is_404_under_ours(t, partnership, secretariat):
    theirs = f.IndicatorFactory(partnership=PartnershipFactory())
    answer = token_client(secretariat).get(reverse("api:indicator_detail", args=[partnership.pk, theirs.pk]))
    assert answer.status_code == 404 and answer.json()["detail"]
