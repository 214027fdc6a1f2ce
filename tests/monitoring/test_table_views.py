"""The indicator table: every indicator with its result, its latest data and light, grouped by results level, a
summary above it, and filters that narrow it. Donors see progress from locked periods only."""

import re

import pytest
from django.urls import reverse

from tests.factories import OrganisationFactory, PartnershipFactory
from tests.monitoring import factories as f
from tests.monitoring.table_world import build

ROW = re.compile(r'<tr data-indicator="(?P<name>[^"]+)" data-status="(?P<status>\w+)">')


@pytest.fixture
def world(partnership):
    return build(partnership)


def _url(partnership, query=""):
    return reverse("monitoring:indicators", args=[partnership.pk]) + query


def _page(client, user, partnership, query=""):
    client.force_login(user)
    response = client.get(_url(partnership, query))
    assert response.status_code == 200
    return response.content.decode()


def _statuses(html):
    """{indicator name: status} in the order the table lists them."""
    return {m["name"].replace("&#x27;", "'"): m["status"] for m in ROW.finditer(html)}


def _row(html, name):
    start = html.index(f'data-indicator="{name}"')
    return html[start : html.index("</tr>", start)]


def test_it_shows_each_indicator_with_its_latest_light(client, secretariat, partnership, world):
    html = _page(client, secretariat, partnership)
    assert _statuses(html) == {
        "Yield": "red",
        "Farmers trained": "amber",
        "Hectares": "red",
        "Stories of change": "none",
    }
    yield_row = _row(html, "Yield")
    assert "The impact" in yield_row and "Agro Co" in yield_row and "2.3" in yield_row
    assert "Unit · farmers" in yield_row
    assert "10 %" in yield_row  # Q2: 10 of 100, the latest period with an actual
    assert "At risk" in _row(html, "Farmers trained") and "75 %" in _row(html, "Farmers trained")


def test_it_groups_indicators_by_results_level_from_the_top(client, secretariat, partnership, world):
    html = _page(client, secretariat, partnership)
    levels = re.findall(r'<table [^>]*data-level="(\w+)"', html)
    assert levels == ["impact", "outcome", "output", "activity"]
    assert list(_statuses(html)) == ["Yield", "Farmers trained", "Hectares", "Stories of change"]


def test_it_marks_overdue_data(client, secretariat, partnership, world):
    html = _page(client, secretariat, partnership)
    assert "1 period overdue" in _row(html, "Hectares")
    assert "overdue" not in _row(html, "Yield")


def test_the_summary_counts_lights_and_overdue_data(client, secretariat, partnership, world):
    html = _page(client, secretariat, partnership)
    counts = dict(re.findall(r'data-count="(\w+)">(\d+)<', html))
    assert counts == {"green": "0", "amber": "1", "red": "2", "none": "1", "overdue": "1"}


def test_a_donor_sees_progress_from_locked_periods_only(client, donor, partnership, world):
    html = _page(client, donor, partnership)
    # Yield's open Q2 (off track) is hidden: its latest checked data is Q1, on track. Nothing else is locked.
    assert _statuses(html) == {
        "Yield": "green",
        "Farmers trained": "none",
        "Hectares": "none",
        "Stories of change": "none",
    }
    assert "checked and locked" in html
    assert "overdue" not in _row(html, "Hectares")  # the open periods are not the donor's to see


def test_a_partner_sees_everything(client, partner, partnership, world):
    assert _statuses(_page(client, partner, partnership))["Yield"] == "red"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?level=impact", ["Yield"]),
        ("?level=activity", ["Stories of change"]),
        ("?sdg_goal=2", ["Yield"]),
        ("?sdg_goal=1", ["Farmers trained"]),
        ("?status=red", ["Yield", "Hectares"]),
        ("?status=amber", ["Farmers trained"]),
        ("?status=none", ["Stories of change"]),
        ("?status=green", []),
    ],
)
def test_each_filter_narrows_the_table(client, secretariat, partnership, world, query, expected):
    assert list(_statuses(_page(client, secretariat, partnership, query))) == expected


def test_filters_combine(client, secretariat, partnership, world):
    union = world["union"].pk
    assert list(_statuses(_page(client, secretariat, partnership, f"?responsible={union}"))) == [
        "Farmers trained",
        "Stories of change",
    ]
    query = f"?responsible={world['agro'].pk}&status=red&level=output"
    assert list(_statuses(_page(client, secretariat, partnership, query))) == ["Hectares"]


def test_the_status_filter_reads_what_the_donor_sees(client, donor, partnership, world):
    assert list(_statuses(_page(client, donor, partnership, "?status=green"))) == ["Yield"]


def test_the_summary_stays_that_of_the_whole_partnership_when_filtered(client, secretariat, partnership, world):
    html = _page(client, secretariat, partnership, "?status=amber")
    assert 'data-count="red">2<' in html and "1 indicator" in html


def test_dropdowns_offer_only_what_the_partnership_uses(client, secretariat, partnership, world):
    elsewhere = PartnershipFactory()
    other = f.IndicatorFactory(partnership=elsewhere, responsible=OrganisationFactory(name="Stranger Org"))
    other.sdg_targets.add("6.1")
    client.force_login(secretariat)
    form = client.get(_url(partnership)).context["filter"].form
    assert [g.number for g in form.fields["sdg_goal"].queryset] == [1, 2]
    assert sorted(o.name for o in form.fields["responsible"].queryset) == ["Agro Co", "Farmers' Union"]
    assert [value for value, _label in form.fields["level"].choices][1:] == ["impact", "outcome", "output", "activity"]


def test_a_filter_that_matches_nothing_says_so(client, secretariat, partnership, world):
    html = _page(client, secretariat, partnership, "?status=green")
    assert "No indicator matches these filters." in html and "Clear filters" in html


def test_a_nonsense_filter_is_ignored_not_a_500(client, secretariat, partnership, world):
    html = _page(client, secretariat, partnership, "?sdg_goal=abc&level=%3Cb%3E&responsible=999999&status=purple")
    assert len(_statuses(html)) == 4


def test_htmx_filtering_replaces_the_results_only(client, secretariat, partnership, world):
    client.force_login(secretariat)
    response = client.get(_url(partnership, "?status=red"), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="indicator-results")
    html = response.content.decode()
    assert list(_statuses(html)) == ["Yield", "Hectares"]
    assert "<html" not in html and "indicator-summary" not in html


def test_it_links_to_each_indicator_and_to_the_export(client, secretariat, partnership, world):
    html = _page(client, secretariat, partnership, "?status=red")
    assert reverse("monitoring:indicator", args=[partnership.pk, world["yield"].pk]) in html
    assert reverse("monitoring:indicators_export", args=[partnership.pk]) + "?status=red&amp;format=xlsx" in html


def test_the_secretariat_is_asked_to_define_the_first_indicator(client, secretariat, partnership):
    html = _page(client, secretariat, partnership)
    assert "Define the first indicator" in html and "<table" not in html


def test_partners_and_donors_get_an_explanation_when_there_are_none(client, partner, donor, partnership):
    assert "enter the data your organisation is responsible for" in _page(client, partner, partnership)
    assert "will appear here once the secretariat has defined them" in _page(client, donor, partnership)


def test_the_indicator_page_leads_back_to_the_table(client, secretariat, partnership, world):
    client.force_login(secretariat)
    html = client.get(reverse("monitoring:indicator", args=[partnership.pk, world["yield"].pk])).content.decode()
    assert f'href="{_url(partnership)}"' in html and "All indicators" in html
    assert reverse("monitoring:sdgs", args=[partnership.pk]) in html  # the Results tab's navigation


def test_the_results_tab_is_there_for_everyone_with_a_role(client, users, partnership):
    for role in ("secretariat", "partner", "donor"):
        client.force_login(users[role])
        html = client.get(reverse("msp:dashboard", args=[partnership.pk])).content.decode()
        assert f'href="{_url(partnership)}">Results</a>' in html, role


def test_outsiders_get_404(client, outsider, partnership, world):
    client.force_login(outsider)
    assert client.get(_url(partnership)).status_code == 404
