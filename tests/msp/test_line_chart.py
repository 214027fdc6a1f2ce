"""msp.charts.LineChart: valid SVG named by a title and described, one point per value and a gap for a missing
one, lines told apart without colour, a table with the same data, and legible period labels."""

import xml.etree.ElementTree as ET

from django.utils import translation

from msp.charts import Line, LineChart, Reference

SVG = "{http://www.w3.org/2000/svg}"


def chart(n=12, **kwargs):
    labels = [f"Quarter {i + 1}" for i in range(n)]
    lines = [Line("Target", [100 + 10 * i for i in range(n)]), Line("Actual", [90 + 9 * i for i in range(n)])]
    return LineChart(labels=labels, lines=lines, label_header="Period", title="Farmers trained", **kwargs)


def points(root, series):
    group = next(g for g in root.iter(f"{SVG}g") if g.get("data-series") == series)
    return [el for el in group if el.get("class") == "point"]


def test_the_svg_has_a_title_and_a_description():
    root = ET.fromstring(str(chart(description="Targets and actuals.").svg()))
    assert root.get("role") == "img"
    title, desc = (root.find(f"{SVG}{tag}") for tag in ("title", "desc"))
    assert title.text == "Farmers trained"
    assert desc.text.startswith("Targets and actuals. Target, Actual over 12 periods.")


def test_twelve_periods_give_twelve_points_per_line():
    root = ET.fromstring(str(chart().svg()))
    assert len(points(root, "Target")) == 12
    assert len(points(root, "Actual")) == 12
    assert points(root, "Actual")[0].find(f"{SVG}title").text == "Actual, Quarter 1: 90"


def test_a_missing_value_leaves_a_gap():
    lines = [Line("Actual", [1, 2, None, 4, 5])]
    root = ET.fromstring(str(LineChart(labels="abcde", lines=lines, label_header="P", title="T").svg()))
    assert len(points(root, "Actual")) == 4
    assert len(list(root.iter(f"{SVG}polyline"))) == 2


def test_lines_differ_by_dash_and_marker_not_only_colour():
    root = ET.fromstring(str(chart().svg()))
    polylines = {el.get("stroke-dasharray") for el in root.iter(f"{SVG}polyline")}
    assert len(polylines) == 2
    assert points(root, "Target")[0].tag != points(root, "Actual")[0].tag


def test_the_table_has_a_row_per_period():
    table = chart().table()
    assert table.headers == ["Period", "Target", "Actual"]
    assert len(table.rows) == 12
    assert table.rows[0] == ["Quarter 1", "100", "90"]


def test_a_reference_line_is_drawn_and_named():
    one = chart(references=[Reference("Baseline", 20)])
    root = ET.fromstring(str(one.svg()))
    assert [el.get("data-series") for el in root.iter(f"{SVG}line") if el.get("class") == "reference"] == ["Baseline"]
    assert "Baseline: 20." in one.summary()


def test_long_period_labels_are_turned_and_thinned_when_crowded():
    labels = [f"{i + 1:02d}/01/2025 – 31/03/2025" for i in range(36)]
    one = LineChart(labels=labels, lines=[Line("A", list(range(36)))], label_header="P", title="T")
    root = ET.fromstring(str(one.svg()))
    shown = [el for el in root.iter(f"{SVG}text") if el.get("class") == "period"]
    assert all(el.get("transform", "").startswith("rotate(-45") for el in shown)
    assert 0 < len(shown) < 36
    assert shown[-1].text.startswith("36/")  # the newest period keeps its label


def test_short_labels_stay_level():
    root = ET.fromstring(str(chart(n=4).svg()))
    shown = [el for el in root.iter(f"{SVG}text") if el.get("class") == "period"]
    assert len(shown) == 4 and not any(el.get("transform") for el in shown)


def test_negative_values_get_a_scale_below_zero():
    one = LineChart(labels="abc", lines=[Line("A", [-30, 10, 50])], label_header="P", title="T")
    assert one.low < -30 <= 50 <= one.high
    root = ET.fromstring(str(one.svg()))
    ticks = [el.text for el in root.iter(f"{SVG}text") if el.get("class") == "tick"]
    assert ticks[0].startswith("−") or ticks[0].startswith("-")


def test_no_values_show_the_empty_state():
    one = LineChart(labels="ab", lines=[Line("A", [None, None])], label_header="P", title="T", empty_text="Nothing.")
    assert one.is_empty()
    assert "Nothing." in str(one.svg())


def test_numbers_are_written_as_the_language_writes_them():
    with translation.override("fr"):
        one = LineChart(labels="ab", lines=[Line("A", [1250.5, 2000])], label_header="P", title="T")
        assert one.table().rows[0][1] == "1\xa0250,5"
