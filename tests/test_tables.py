"""Tables a screen reader can find and read (issue 9): every table says what it lists in a <caption> (visually
hidden where a heading above already says it), and every header cell says which way it heads (scope="col" or
"row"), so each cell is read with its column and row.

Checked twice: in every template (so a new table fails before it has data to show), and on every page of the URL
walk as rendered for the secretariat, who sees the most tables.
"""

import re
from html.parser import HTMLParser

import pytest

from tests import test_url_walk
from tests.test_templates import _templates
from tests.test_url_walk import (
    ALL_URLS,
    APP_URLS,
    EXPECTED,
    LEVELS,
    _url,
)

# The PDF templates are laid out for paper (WeasyPrint), not read in a browser.
PAGE_TEMPLATES = [p for p in _templates() if "reports" not in p.parts]
TABLE_OPEN = re.compile(r"<table\b[^>]*>\s*(?P<next><\w+)?", re.IGNORECASE)
HEADER_CELL = re.compile(r"<th\b(?P<attrs>[^>]*)>", re.IGNORECASE)


class Tables(HTMLParser):
    """Each <table> of a page: its caption text, and the scope of each of its header cells."""

    def __init__(self):
        super().__init__()
        self.tables, self._open, self._in_caption = [], [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            table = {"id": attrs.get("id", ""), "caption": None, "first": None, "scopes": []}
            self.tables.append(table)
            self._open.append(table)
        elif self._open:
            table = self._open[-1]
            if table["first"] is None:
                table["first"] = tag
            if tag == "caption":
                table["caption"], self._in_caption = "", True
            elif tag == "th":
                table["scopes"].append(attrs.get("scope"))

    def handle_endtag(self, tag):
        if tag == "table" and self._open:
            self._open.pop()
        elif tag == "caption":
            self._in_caption = False

    def handle_data(self, data):
        if self._in_caption and self._open:
            self._open[-1]["caption"] += data


def problems_of(html):
    parser = Tables()
    parser.feed(html)
    found = []
    for table in parser.tables:
        name = table["id"] or (table["caption"] or "").strip() or "a table"
        if table["first"] != "caption" or not (table["caption"] or "").strip():
            found.append(f"{name}: no <caption> as its first child")
        if not table["scopes"] or any(scope not in ("col", "row") for scope in table["scopes"]):
            found.append(f"{name}: header cells without scope: {table['scopes']}")
    return parser.tables, found


def test_every_table_in_a_template_starts_with_a_caption():
    tables, offenders = 0, []
    for path in PAGE_TEMPLATES:
        for match in TABLE_OPEN.finditer(path.read_text()):
            tables += 1
            if (match.group("next") or "").lower() != "<caption":
                offenders.append(f"{path.name}: {match.group(0).strip()[:80]}")
    assert tables >= 10
    assert offenders == []


def test_every_header_cell_in_a_template_has_a_scope():
    cells, offenders = 0, []
    for path in PAGE_TEMPLATES:
        for match in HEADER_CELL.finditer(path.read_text()):
            cells += 1
            if not re.search(r'\bscope="(col|row)"', match.group("attrs")):
                offenders.append(f"{path.name}: {match.group(0)[:80]}")
    assert cells >= 50
    assert offenders == []


def test_the_checker_finds_a_table_without_caption_or_scope():
    tables, found = problems_of("<table id='t'><thead><tr><th>Name</th></tr></thead></table>")
    assert len(tables) == 1
    assert found == ["t: no <caption> as its first child", "t: header cells without scope: [None]"]
    assert (
        problems_of(
            "<table><caption>People</caption><tr><th scope='col'>Name</th></tr><tr><th scope='row'>Ama</th></tr></table>"
        )[1]
        == []
    )


world = test_url_walk.world  # the walk's fixture: one row of every model

PAGES = [name for name in APP_URLS if EXPECTED.get(LEVELS.get(name), {}).get("secretariat") == 200]


@pytest.mark.django_db
def test_every_table_on_every_page_has_a_caption_and_scoped_headers(world, client):
    client.force_login(world["secretariat"])
    seen, offenders = set(), []
    for name in PAGES:
        response = client.get(_url(name, ALL_URLS[name], world))
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        tables, found = problems_of(response.content.decode())
        seen |= {table["id"] or (table["caption"] or "").strip() for table in tables}
        offenders += [f"{name}: {problem}" for problem in found]
    assert offenders == []
    # The walk did render the tables it is meant to check (with rows: a table is left out when it is empty).
    assert {"members-table", "contacts-table", "map-table", "invitations-table", "organisations-table"} <= seen
    assert {"Milestones", "Versions of the MoU", "Who has access"} <= seen


@pytest.mark.django_db
def test_the_power_interest_grid_has_its_table_on_the_page(world, client):
    client.force_login(world["secretariat"])
    html = client.get(_url("stakeholders:map", ALL_URLS["stakeholders:map"], world)).content.decode()
    assert "<svg" in html and '<title id="pi-title">' in html and '<desc id="pi-desc">' in html
    assert 'href="#map-table"' in html
    tables, found = problems_of(html)
    (table,) = [t for t in tables if t["id"] == "map-table"]
    assert "Stakeholders on the map" in table["caption"] and found == []
