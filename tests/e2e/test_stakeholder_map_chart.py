"""The power/interest grid with 40 stakeholders, as a browser draws it: every name legible, none overlapping."""

import itertools

import pytest
from playwright.sync_api import expect

from msp.models import Role
from tests.factories import OrganisationFactory, PartnershipFactory, RoleFactory, UserFactory
from tests.stakeholders.factories import MapEntryFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NAMES = [
    "Ministry of Food and Agriculture",
    "Ghana Cocoa Sector Regulatory Authority",
    "Conseil Ivoirien de la Filière Cacao",
    "Chocolaterie Europa GmbH",
    "West Africa Cocoa Traders Ltd",
    "Forest Futures Network",
    "Kumasi Institute for Agroforestry Research",
    "Fund for Partnerships",
    "Cocoa-growing communities of Western North",
    "Child Rights Coalition Côte d'Ivoire",
    "Union des Coopératives Cacaoyères de Soubré",
    "Ghana Cocoa Farmers' Cooperative Union",
    "World Cocoa Dialogue Platform",
    "Nestlé-like Multinational Confectioner",
    "Ashanti Regional Coordinating Council",
    "Women in Cocoa Network",
    "Rainforest Watch Ghana",
    "Université Félix Houphouët-Boigny",
    "European Commission DG INTPA",
    "Côte d'Ivoire Ministry of Water and Forests",
]

# Where they sit: several crowd into the "manage closely" corner, as on real maps.
SCORES = [(5, 5)] * 8 + [(4, 5)] * 4 + [(5, 4)] * 3 + list(itertools.product(range(1, 6), repeat=2))


def test_forty_stakeholders_are_drawn_legibly(page, live_server, sign_in, screenshot):
    partnership = PartnershipFactory(name="Sustainable Cocoa Partnership", countries=["GH", "CI"])
    RoleFactory(partnership=partnership, user=UserFactory(username="kofi"), role=Role.PARTNER)
    sectors = ["public", "private", "civil_society", "academia", "funder", "multilateral"]
    for n, (power, interest) in enumerate(SCORES):
        name = NAMES[n % len(NAMES)] + ("" if n < len(NAMES) else f" ({n})")
        org = OrganisationFactory(name=name, sector=sectors[n % 6], short_name="CCC" if n == 2 else "")
        MapEntryFactory(
            partnership=partnership,
            organisation=org,
            power=power,
            interest=interest,
            influence=1 + n % 5,
            is_key=n % 5 == 0,
            is_target_group=n % 7 == 3,
            is_champion=n % 11 == 1,
        )
    assert len(SCORES) == 40

    sign_in("kofi")
    page.goto(f"{live_server.url}/partnerships/{partnership.pk}/stakeholders/map/")
    markers = page.locator("svg.msp-power-interest g.stakeholder")
    expect(markers).to_have_count(40)
    path = screenshot("stakeholder-map-40")
    assert path.stat().st_size > 20_000

    # As the browser lays the text out: each label inside its own cell, no two labels overlapping.
    boxes = page.evaluate(
        """() => {
        const svg = document.querySelector('svg.msp-power-interest');
        const column = (svg.viewBox.baseVal.width - 64 - 16) / 5;
        return [...svg.querySelectorAll('g.stakeholder')].map(g => {
            const b = g.querySelector('text').getBBox();
            const interest = +g.dataset.interest;
            return {name: g.dataset.organisation, x: b.x, y: b.y, w: b.width, h: b.height,
                    cellLeft: 64 + (interest - 1) * column, cellRight: 64 + interest * column,
                    quadrant: g.dataset.quadrant,
                    inQuadrant: (() => {
                        const q = svg.querySelector('#quadrant-' + g.dataset.quadrant).getBBox();
                        const m = g.querySelector('circle, rect').getBBox();
                        return m.x >= q.x && m.y >= q.y && m.x + m.width <= q.x + q.width && m.y + m.height <= q.y + q.height;
                    })()};
        });
    }"""
    )
    for box in boxes:
        assert box["inQuadrant"], f"{box['name']} is drawn outside {box['quadrant']}"
        assert box["cellLeft"] < box["x"] and box["x"] + box["w"] <= box["cellRight"], (
            f"{box['name']} overflows its cell"
        )
        assert box["h"] >= 10, "text too small to read"
    for a, b in itertools.combinations(boxes, 2):
        apart = (
            a["x"] + a["w"] <= b["x"]
            or b["x"] + b["w"] <= a["x"]
            or a["y"] + a["h"] <= b["y"]
            or b["y"] + b["h"] <= a["y"]
        )
        assert apart, f"{a['name']} overlaps {b['name']}"
    # the full name is one hover away
    title = page.locator("svg g.stakeholder title", has_text="Kumasi Institute for Agroforestry Research").first
    expect(title).to_have_count(1)
