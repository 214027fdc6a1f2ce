"""The navigation walk: every link a role is shown in the navigation leads somewhere that role may go.

For each signed-in role of the URL walk (its world and users, tests/test_url_walk.py), every GET page of the walk
that answers 200 to that role is read, and every link inside its navigation is collected: `<nav>` elements (the
header, breadcrumbs, section menus) and `.nav` lists (the partnership's tabs, section tabs). Each link is followed
once per role; none may answer 403, 404 or 500. A link the role may not follow must not be shown to it.
"""

from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest

from tests.test_url_walk import ALL_URLS, APP_URLS, EXPECTED, LEVELS, OBJECTS, _url, world  # noqa: F401

WALKED_ROLES = ["outsider", "partner", "donor", "secretariat", "superuser"]
# The pages to read links from: not the admin's, not files (PDFs, exports, scans) nor htmx fragments.
FILES = ("pdf", "export", "download", "scan", "evidence", "photo", "file", "status", "count")
GET_PAGES = [
    name
    for name in APP_URLS
    if LEVELS.get(name) in EXPECTED
    and LEVELS[name] not in ("admin", "gone")
    and not any(word in name.split(":")[-1] for word in FILES)
]


class NavLinks(HTMLParser):
    """The hrefs of links inside <nav> elements and elements of class "nav" or "breadcrumb"."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__()
        self.stack = []  # for each open element: does it start a navigation region?
        self.depth = 0  # how many navigation regions are open
        self.links = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.VOID:
            return
        classes = (attrs.get("class") or "").split()
        starts = tag == "nav" or "nav" in classes or "breadcrumb" in classes
        self.stack.append((tag, starts))
        self.depth += starts
        if tag == "a" and self.depth and attrs.get("href"):
            self.links.add(attrs["href"])

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, starts = self.stack.pop()
            self.depth -= starts
            if open_tag == tag:
                break


def nav_links(html):
    parser = NavLinks()
    parser.feed(html)
    return parser.links


def _internal(href):
    """The path of an internal link, or None for another site, a fragment, mailto: and the like."""
    href, _ = urldefrag(href)
    parts = urlsplit(href)
    if not href or parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    return href


def _walk_role(role, walk_world, client):
    """The links `role` is shown that answer 403, 404 or 500, each with a page that showed it."""
    client.force_login(walk_world[role])
    seen, links = {}, {}  # page -> its status; link -> the first page that showed it
    for name in GET_PAGES:
        if EXPECTED[LEVELS[name]][role] != 200:
            continue
        page = _url(name, ALL_URLS[name], walk_world, OBJECTS.get(name, {}))
        response = client.get(page)
        seen[page] = response.status_code
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        for href in nav_links(response.content.decode()):
            link = _internal(href)
            if link and link not in links:
                links[link] = page
    assert links, f"no navigation link found for the {role}: the walk reads nothing"
    broken = []
    for link, shown_on in sorted(links.items()):
        status = seen[link] if link in seen else client.get(link).status_code
        if status in (403, 404, 500):
            broken.append(f"{link} answers {status} (shown on {shown_on})")
    client.logout()
    return broken


@pytest.mark.django_db
def test_no_navigation_link_leads_to_a_refusal(world, client):  # noqa: F811
    # One test for every role: the world is built once (it is most of the time).
    broken = {role: _walk_role(role, world, client) for role in WALKED_ROLES}
    assert not any(broken.values()), "Links shown that lead nowhere:\n" + "\n".join(
        f"{role}: {line}" for role, lines in broken.items() for line in lines
    )


def test_the_walk_reads_links_in_navigation_only():
    html = (
        '<header><nav class="navbar"><a href="/a/">A</a><img src="x"><ul><li><a href="/b/#x">B</a></li></ul></nav></header>'
        '<ul class="nav nav-tabs"><li><a href="/c/">C</a></li></ul><ol class="breadcrumb"><li><a href="/d/">D</a></ol>'
        '<main><a href="/not-nav/">no</a><br></main>'
    )
    assert nav_links(html) == {"/a/", "/b/#x", "/c/", "/d/"}
    assert [_internal(h) for h in ("/b/#x", "https://x.org/", "mailto:a@b", "#top")] == ["/b/", None, None, None]
