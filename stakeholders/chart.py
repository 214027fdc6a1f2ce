"""The power/interest grid: the stakeholder map as a `msp.charts.GridChart` (pages, the SVG download, PDFs).

Interest runs left to right, power bottom to top, each on the 1-5 scale as a grid of 5 x 5 cells. A score of
4 or 5 is high (`models.HIGH`), so the quadrant lines run between 3 and 4. Organisations that share a cell are
listed one under the other inside it (the grid makes the row as tall as its fullest cell needs). The marker's
colour is the sector, its size the influence, a square a target group; bold names are key stakeholders, a star a
champion. The full name and the scores are in each entry's <title> and in the table.
"""

from django.utils.translation import gettext as _

from msp.charts import GridChart, Point, Region
from msp.charts.grid import LINE, MAX_CHARS
from msp.text import in_sentence

from .models import HIGH, EngagementLevel, Quadrant, Sector

__all__ = ["COLUMN", "LINE", "MAX_CHARS", "PowerInterestChart", "power_interest_chart", "power_interest_svg"]

COLUMN = (GridChart.width - 64 - 16) / 5

# Okabe-Ito: tells sectors apart for the colour-blind too.
SECTOR_COLOURS = {
    Sector.PUBLIC: "#0072B2",
    Sector.PRIVATE: "#E69F00",
    Sector.CIVIL_SOCIETY: "#009E73",
    Sector.ACADEMIA: "#CC79A7",
    Sector.FUNDER: "#D55E00",
    Sector.MULTILATERAL: "#56B4E9",
}
QUADRANT_FILLS = {
    Quadrant.MANAGE_CLOSELY: "#fbe3e0",
    Quadrant.KEEP_SATISFIED: "#fdf1d9",
    Quadrant.KEEP_INFORMED: "#e3eef9",
    Quadrant.MONITOR: "#eef0f2",
}
LOW, HIGH_SCORES = (1, HIGH - 1), (HIGH, 5)
QUADRANT_CELLS = {  # (interest, power) ranges, and which side its name sits on
    Quadrant.KEEP_SATISFIED: (LOW, HIGH_SCORES, "start"),
    Quadrant.MANAGE_CLOSELY: (HIGH_SCORES, HIGH_SCORES, "end"),
    Quadrant.MONITOR: (LOW, LOW, "start"),
    Quadrant.KEEP_INFORMED: (HIGH_SCORES, LOW, "end"),
}


class PowerInterestChart(GridChart):
    point_class = "stakeholder"
    region_name = "quadrant"
    css_class = "msp-power-interest"


class _Labels:
    """The words every point repeats, translated once per chart: a choice's label costs a catalogue lookup each
    time it is read (about 25 µs), and 30 entries read a dozen each."""

    def __init__(self):
        self.sector = {value: str(label) for value, label in Sector.choices}
        self.engagement = {value: in_sentence(label) for value, label in EngagementLevel.choices}
        self.quadrant = {quadrant: str(quadrant.label) for quadrant in Quadrant}
        self.scores = _("power %(p)d, interest %(i)d, influence %(f)d")
        self.engagement_is = _("engagement: %s")
        self.key, self.target, self.champion = _("key stakeholder"), _("target group"), _("champion")


def _tooltip(entry, labels):
    org = entry.organisation
    name = org.name + (f" ({org.short_name})" if org.short_name and org.short_name != org.name else "")
    facts = [
        labels.scores % {"p": entry.power, "i": entry.interest, "f": entry.influence},
        labels.engagement_is % (labels.engagement.get(entry.engagement) or in_sentence(entry.engagement)),
        labels.sector.get(org.sector, org.sector),
    ]
    if entry.is_key:
        facts.append(labels.key)
    if entry.is_target_group:
        facts.append(labels.target)
    if entry.is_champion:
        facts.append(labels.champion)
    return f"{name}: " + "; ".join(facts)


def _point(entry, labels):
    org = entry.organisation
    quadrant = Quadrant.of(entry.power, entry.interest)
    sector = labels.sector.get(org.sector, org.sector)
    return Point(
        x=entry.interest,
        y=entry.power,
        label=org.label,
        tooltip=_tooltip(entry, labels),
        row=[org.name, entry.power, entry.interest, entry.influence, labels.quadrant[quadrant], sector],
        colour=SECTOR_COLOURS.get(org.sector, "#6c757d"),
        radius=3 + entry.influence,
        square=entry.is_target_group,
        bold=entry.is_key,
        suffix=" ★" if entry.is_champion else "",
        data={
            "entry": entry.pk,
            "organisation": org.name,
            "power": entry.power,
            "interest": entry.interest,
            "quadrant": quadrant.value,
        },
        sort_key=(-entry.influence, org.label.lower()),
    )


def power_interest_chart(entries, *, title=None) -> PowerInterestChart:
    """The grid for `entries` (StakeholderMapEntry with `organisation` loaded)."""
    entries = list(entries)
    labels = _Labels()
    return PowerInterestChart(
        title=title or _("Power/interest grid"),
        description=_(
            "Each organisation is placed by its interest (left to right, 1 to 5) and its power (bottom to top, "
            "1 to 5). %(n)d organisations."
        )
        % {"n": len(entries)},
        chart_id="pi",
        empty_text=_("No stakeholder is on the map."),
        points=[_point(entry, labels) for entry in entries],
        regions=[
            Region(quadrant.value, str(quadrant.label), QUADRANT_FILLS[quadrant], x=xs, y=ys, anchor=anchor)
            for quadrant, (xs, ys, anchor) in QUADRANT_CELLS.items()
        ],
        x_title=_("Interest"),
        y_title=_("Power"),
        headers=[_("Organisation"), _("Power"), _("Interest"), _("Influence"), _("Quadrant"), _("Sector")],
        splits=(HIGH, HIGH),
        legend=[(str(sector.label), colour) for sector, colour in SECTOR_COLOURS.items()],
        hint=_(
            "■ target group · bold: key stakeholder · ★ champion · larger marker: more influence · "
            "hover a name for the full name and scores"
        ),
    )


def power_interest_svg(entries, *, title=None) -> str:
    """The grid for `entries` as an <svg> element."""
    return str(power_interest_chart(entries, title=title).svg())
