"""The power/interest grid: every organisation in its quadrant, on its own line, named legibly."""

import itertools
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from stakeholders.chart import COLUMN, LINE, MAX_CHARS, power_interest_svg
from stakeholders.models import Quadrant
from tests.factories import OrganisationFactory

from .factories import MapEntryFactory

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg):
    return ET.fromstring(svg)


def quadrant_boxes(root):
    boxes = {}
    for rect in root.iter(f"{SVG}rect"):
        if rect.get("data-quadrant") and rect.get("id", "").startswith("quadrant-"):
            x, y, w, h = (float(rect.get(k)) for k in ("x", "y", "width", "height"))
            boxes[rect.get("data-quadrant")] = (x, y, x + w, y + h)
    return boxes


def placed(root):
    """{organisation name: (quadrant, x, y, label text, title text)} from the drawn markers."""
    found = {}
    for g in root.iter(f"{SVG}g"):
        if g.get("class") != "stakeholder":
            continue
        found[g.get("data-organisation")] = (
            g.get("data-quadrant"),
            float(g.get("data-x")),
            float(g.get("data-y")),
            g.find(f"{SVG}text").text,
            g.find(f"{SVG}title").text,
        )
    return found


def inside(box, x, y):
    x0, y0, x1, y1 = box
    return x0 < x < x1 and y0 < y < y1


@pytest.fixture
def partnership_with_map(partnership):
    cases = {
        "Ministry of Cocoa": (5, 5),  # manage closely
        "Big Trader": (4, 2),  # keep satisfied
        "Farmer Group": (2, 5),  # keep informed
        "Village Council": (1, 1),  # monitor
        "Borderline Regulator": (4, 4),  # the lowest "high": manage closely
        "Medium Everything": (3, 3),  # 3 is not high: monitor
    }
    for name, (power, interest) in cases.items():
        MapEntryFactory(
            partnership=partnership, organisation=OrganisationFactory(name=name), power=power, interest=interest
        )
    return partnership


def test_each_organisation_is_drawn_in_its_quadrant(partnership_with_map):
    entries = partnership_with_map.map_entries.select_related("organisation")
    root = parse(power_interest_svg(entries))
    boxes = quadrant_boxes(root)
    spots = placed(root)
    expected = {
        "Ministry of Cocoa": Quadrant.MANAGE_CLOSELY,
        "Big Trader": Quadrant.KEEP_SATISFIED,
        "Farmer Group": Quadrant.KEEP_INFORMED,
        "Village Council": Quadrant.MONITOR,
        "Borderline Regulator": Quadrant.MANAGE_CLOSELY,
        "Medium Everything": Quadrant.MONITOR,
    }
    for name, quadrant in expected.items():
        drawn_in, x, y, _label, _title = spots[name]
        assert drawn_in == quadrant.value, name
        assert inside(boxes[quadrant.value], x, y), f"{name} is drawn outside {quadrant.label}"
    # the geometry agrees with the axes: more interest is further right, more power further up
    assert spots["Farmer Group"][1] > spots["Big Trader"][1]
    assert spots["Ministry of Cocoa"][2] < spots["Village Council"][2]


def test_the_quadrants_are_labelled(partnership_with_map):
    svg = power_interest_svg(partnership_with_map.map_entries.select_related("organisation"))
    root = parse(svg)
    labels = {t.text for t in root.iter(f"{SVG}text") if t.get("class") == "quadrant-label"}
    assert labels == {"MANAGE CLOSELY", "KEEP SATISFIED", "KEEP INFORMED", "MONITOR"}
    boxes = quadrant_boxes(root)
    # "Manage closely" is top right: high power (up) and high interest (right)
    assert boxes["manage_closely"][0] == boxes["keep_informed"][0] > boxes["keep_satisfied"][0]
    assert boxes["manage_closely"][1] == boxes["keep_satisfied"][1] < boxes["monitor"][1]


def test_long_names_are_cut_and_the_full_name_is_in_the_tooltip(partnership):
    long_name = "International Federation of Cocoa Growing Smallholder Cooperatives"
    MapEntryFactory(partnership=partnership, organisation=OrganisationFactory(name=long_name), is_key=True)
    [(quadrant, x, y, label, title)] = placed(parse(power_interest_svg(partnership.map_entries.all()))).values()
    assert len(label) <= MAX_CHARS and label.endswith("…")
    assert title.startswith(long_name)
    assert "key stakeholder" in title and "power 3, interest 3" in title


def test_names_are_escaped(partnership):
    MapEntryFactory(partnership=partnership, organisation=OrganisationFactory(name='<script>"A & B"</script>'))
    svg = power_interest_svg(partnership.map_entries.all())
    assert "<script>" not in svg
    assert placed(parse(svg))['<script>"A & B"</script>'][4].startswith('<script>"A & B"')


def test_forty_stakeholders_are_each_on_their_own_line(partnership):
    """Crowded cells grow instead of overlapping: 40 entries, 16 of them in one cell."""
    scores = [(5, 5)] * 15 + list(itertools.product(range(1, 6), repeat=2))
    for n, (power, interest) in enumerate(scores):
        org = OrganisationFactory(name=f"Stakeholder organisation number {n:02d}", short_name="" if n % 3 else f"S{n}")
        MapEntryFactory(partnership=partnership, organisation=org, power=power, interest=interest, influence=1 + n % 5)
    root = parse(power_interest_svg(partnership.map_entries.select_related("organisation")))
    spots = placed(root)
    assert len(spots) == 40
    boxes = quadrant_boxes(root)
    by_column = {}
    for _name, (quadrant, x, y, label, _title) in spots.items():
        assert inside(boxes[quadrant], x, y)
        assert len(label) <= MAX_CHARS
        by_column.setdefault(round(x), []).append(y)
    for ys in by_column.values():
        ys.sort()
        assert all(b - a >= LINE for a, b in itertools.pairwise(ys)), "two labels share a line"
    assert len(by_column) == 5 and all(abs(a - b - COLUMN) < 1 for b, a in itertools.pairwise(sorted(by_column)))


def test_the_map_page_shows_the_chart_and_the_svg_downloads(client, partnership_with_map, partner):
    client.force_login(partner)
    page = client.get(reverse("stakeholders:map", kwargs={"partnership_pk": partnership_with_map.pk}))
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count('class="stakeholder"') == 6
    response = client.get(reverse("stakeholders:map_chart", kwargs={"partnership_pk": partnership_with_map.pk}))
    assert response["Content-Type"].startswith("image/svg+xml")
    assert len(placed(parse(response.content))) == 6


def test_the_chart_follows_the_filter(client, partnership_with_map, partner):
    client.force_login(partner)
    url = reverse("stakeholders:map", kwargs={"partnership_pk": partnership_with_map.pk})
    html = client.get(url, {"quadrant": "manage_closely"}).content.decode()
    assert html.count('class="stakeholder"') == 2
    assert "Ministry of Cocoa" in html and "Village Council" not in html
