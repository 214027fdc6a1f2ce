"""The chart module (msp.charts): each kind draws valid SVG named by a title and a description, says the same as
its table, draws lengths in proportion to values, writes numbers as the language does, and shows an empty state."""

import xml.etree.ElementTree as ET

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from msp.charts import (
    Bar,
    GridChart,
    HorizontalBarChart,
    MultiBarChart,
    Point,
    Region,
    Series,
    number,
    palette,
    percent,
)

SVG = "{http://www.w3.org/2000/svg}"


def parse(chart):
    return ET.fromstring(str(chart.svg()))


def named(root):
    """The SVG's accessible name and description, as aria-labelledby points to them."""
    assert root.get("role") == "img"
    ids = root.get("aria-labelledby").split()
    found = {el.get("id"): "".join(el.itertext()) for el in root if el.get("id")}
    return [found[i] for i in ids]


def positions(**kwargs):
    counts = {"Support": 6, "With reservations": 3, "Abstain": 1, "Object": 0, "Block": 2}
    return HorizontalBarChart(
        title="Positions on the budget decision",
        description="How the twelve entitled members stand.",
        bars=[Bar(label, value) for label, value in counts.items()],
        label_header="Position",
        value_header="Organisations",
        **kwargs,
    )


def budget(stacked=False):
    return MultiBarChart(
        title="Budget, committed and spent",
        categories=["Staff", "Travel", "Events"],
        series=[Series("Budget", [1000, 400, 200]), Series("Committed", [800, 100, 0]), Series("Spent", [500, 50, 0])],
        category_header="Category",
        stacked=stacked,
    )


def lengths(root, cls):
    return [float(rect.get("width")) for rect in root.iter(f"{SVG}rect") if rect.get("class") == cls]


def test_a_bar_chart_is_named_described_and_its_table_holds_the_values():
    chart = positions()
    root = parse(chart)
    title, desc = named(root)
    assert title == "Positions on the budget decision"
    assert desc.startswith("How the twelve entitled members stand.") and "Block: 2" in desc
    table = chart.table()
    assert table.caption == title and table.headers == ["Position", "Organisations"]
    assert table.rows == [
        ["Support", "6"],
        ["With reservations", "3"],
        ["Abstain", "1"],
        ["Object", "0"],
        ["Block", "2"],
    ]
    labels = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "label"]
    assert labels == ["Support", "With reservations", "Abstain", "Object", "Block"]  # colour is not the only key


def test_bar_lengths_are_proportional_to_the_values():
    widths = lengths(parse(positions()), "value")
    assert widths[3] == 0
    for width, value in zip(widths, [6, 3, 1, 0, 2], strict=True):
        assert width == pytest.approx(widths[0] * value / 6, abs=0.1)


def test_a_progress_bar_has_its_track_and_its_target_where_the_target_is():
    chart = HorizontalBarChart(
        title="Indicators",
        bars=[Bar("Farmers trained", 450, target=600), Bar("Hectares restored", 90, target=60)],
        label_header="Indicator",
        value_header="Reached",
        maximum=1000,
        track=True,
    )
    root = parse(chart)
    [track, _] = lengths(root, "track")
    trained, restored = lengths(root, "value")
    assert trained == pytest.approx(track * 0.45, abs=0.1) and restored == pytest.approx(track * 0.09, abs=0.1)
    targets = [float(line.get("x1")) for line in root.iter(f"{SVG}line") if line.get("class") == "target"]
    start = float(next(r for r in root.iter(f"{SVG}rect") if r.get("class") == "track").get("x"))
    assert targets == [pytest.approx(start + track * 0.6, abs=0.1), pytest.approx(start + track * 0.06, abs=0.1)]
    assert chart.table().headers == ["Indicator", "Reached", "Target"]
    assert chart.table().rows[0] == ["Farmers trained", "450", "600"]


def test_grouped_bars_are_proportional_and_each_series_has_its_own_pattern_and_legend():
    chart = budget()
    root = parse(chart)
    segments = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "segment"]
    assert len(segments) == 9
    widths = {(r.get("data-series"), float(r.get("data-value"))): float(r.get("width")) for r in segments}
    assert widths[("Spent", 500)] == pytest.approx(widths[("Budget", 1000)] / 2, abs=0.1)
    assert widths[("Committed", 100)] == pytest.approx(widths[("Budget", 1000)] / 10, abs=0.1)
    fills = {r.get("data-series"): r.get("fill") for r in segments}
    patterns = {p.get("id") for p in root.iter(f"{SVG}pattern")}
    assert len(set(fills.values())) == 3 and {f[5:-1] for f in fills.values()} <= patterns
    assert [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "legend"] == ["Budget", "Committed", "Spent"]
    assert chart.table().headers == ["Category", "Budget", "Committed", "Spent"]
    assert chart.table().rows[0] == ["Staff", "1,000", "800", "500"]


def test_stacked_bars_run_end_to_end_and_show_their_total():
    chart = budget(stacked=True)
    root = parse(chart)
    staff = next(g for g in root.iter(f"{SVG}g") if g.get("data-category") == "Staff")
    segments = [r for r in staff if r.get("class") == "segment"]
    for one, other in zip(segments, segments[1:], strict=False):
        assert float(one.get("x")) + float(one.get("width")) == pytest.approx(float(other.get("x")), abs=0.2)
    assert [t.text for t in staff if t.get("class") == "value-text"] == ["2,300"]
    assert chart.table().rows[0] == ["Staff", "1,000", "800", "500", "2,300"]
    # Events has nothing committed or spent: no zero-width segments drawn
    events = next(g for g in root.iter(f"{SVG}g") if g.get("data-category") == "Events")
    assert len([r for r in events if r.get("class") == "segment"]) == 1


def test_a_grid_places_points_in_their_regions_and_lists_them_in_the_table():
    chart = GridChart(
        title="Risks",
        points=[
            Point(x=5, y=5, label="Funding gap", tooltip="Funding gap: likely, severe", row=["Funding gap", 5, 5]),
            Point(x=1, y=2, label="Staff turnover", tooltip="Staff turnover", row=["Staff turnover", 1, 2]),
        ],
        regions=[
            Region("low", "Watch", "#eef0f2", x=(1, 5), y=(1, 3)),
            Region("high", "Act", "#fbe3e0", x=(1, 5), y=(4, 5)),
        ],
        x_title="Likelihood",
        y_title="Impact",
        headers=["Risk", "Likelihood", "Impact"],
        splits=(4, 4),
    )
    root = parse(chart)
    assert named(root)[0] == "Risks"
    boxes = {r.get("data-region"): r for r in root.iter(f"{SVG}rect") if r.get("data-region")}
    high = boxes["high"]
    for g in root.iter(f"{SVG}g"):
        y = float(g.get("data-y"))
        inside_high = float(high.get("y")) < y < float(high.get("y")) + float(high.get("height"))
        assert inside_high == (g.find(f"{SVG}title").text.startswith("Funding gap"))
    assert chart.table().rows == [["Funding gap", 5, 5], ["Staff turnover", 1, 2]]


@pytest.mark.parametrize(
    "chart",
    [
        HorizontalBarChart(title="Positions", bars=[], label_header="Position", value_header="Count"),
        MultiBarChart(title="Budget", categories=[], series=[], category_header="Category"),
        GridChart(title="Grid", points=[], regions=[], x_title="x", y_title="y", headers=["a"], splits=(4, 4)),
    ],
    ids=["bars", "multi", "grid"],
)
def test_no_data_gives_a_clear_empty_state(chart):
    assert chart.is_empty() and chart.table().rows == []
    root = parse(chart)
    empty = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "empty"]
    assert empty == ["There is nothing to show in this chart yet."]
    assert named(root)[1] == "There is nothing to show in this chart yet."
    html = render_to_string("partials/chart.html", {"chart": chart})
    assert "There is nothing to show" in html and "<table" not in html


def test_numbers_and_texts_follow_the_active_language():
    with translation.override("de"):
        assert number(1234.5) == "1.234,5" and percent(45) == "45\u00a0%"
        chart = positions()
        assert chart.table().headers[0] == "Position"  # texts come from the caller, already translated
        assert "noch nichts anzuzeigen" in str(
            HorizontalBarChart(title="x", bars=[], label_header="a", value_header="b").svg()
        )
        assert budget().table().rows[0][1] == "1.000"
    with translation.override("fr"):
        assert number(1234.5).replace("\u202f", " ").replace("\xa0", " ") == "1 234,5"
    assert number(1234.5) == "1,234.5" and percent(45) == "45%"


def test_texts_are_escaped():
    chart = HorizontalBarChart(
        title='<script>"A & B"</script>', bars=[Bar("<b>bold</b>", 1)], label_header="a", value_header="b"
    )
    svg = str(chart.svg())
    assert "<script>" not in svg and "<b>" not in svg
    root = ET.fromstring(svg)
    assert named(root)[0] == '<script>"A & B"</script>'


def test_colours_meet_contrast_on_white():
    for colour in palette.SERIES + [palette.TEXT, palette.MUTED, palette.HEADING]:
        assert palette.contrast(colour, palette.BACKGROUND) >= 4.5, colour
    assert palette.contrast(palette.RULE, palette.BACKGROUND) >= 3
    assert palette.contrast("#000000", "#ffffff") == pytest.approx(21)


def test_the_template_shows_the_chart_with_its_table():
    chart = positions()
    html = render_to_string("partials/chart.html", {"chart": chart})
    assert html.count("<svg") == 1 and "<details" in html
    assert "<caption>Positions on the budget decision</caption>" in html
    assert '<th scope="col">Organisations</th>' in html and '<th scope="row" class="fw-normal">Block</th>' in html
    visible = render_to_string("partials/chart.html", {"chart": chart, "table_visible": True})
    assert "<details" not in visible and "<table" in visible
    linked = render_to_string("partials/chart.html", {"chart": chart, "table_link": "#elsewhere"})
    assert "<table" not in linked and 'href="#elsewhere"' in linked


def test_two_charts_on_a_page_have_their_own_ids():
    one, other = positions(), positions(chart_id="positions-2")
    assert one.id != other.id
    assert named(parse(other))[0] == "Positions on the budget decision"


@pytest.mark.parametrize(
    ("top", "expected"),
    [(7, (8, 2)), (2, (2, 1)), (1200, (1500, 500)), (2300, (3000, 1000)), (0.3, (0.3, 0.1)), (0, (1, 1))],
)
def test_the_scale_ends_on_a_round_number(top, expected):
    from msp.charts.scale import nice_scale

    maximum, step = nice_scale(top)
    assert (maximum, step) == pytest.approx(expected)
