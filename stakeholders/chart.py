"""The power/interest grid as SVG, drawn on the server (the same markup goes into the PDF reports).

Interest runs left to right, power bottom to top, each on the 1-5 scale as a grid of 5 x 5 cells. A score of
4 or 5 is high (`models.HIGH`), so the quadrant lines run between 3 and 4. Organisations that share a cell are
listed one under the other inside it, and a row of cells grows as tall as its fullest cell needs: every
organisation keeps its own line, with no overlap, however many share a cell. Long names are cut with an ellipsis;
the full name and the scores are in each entry's <title> (a tooltip in the browser, read by screen readers).

The markup is plain SVG 1.1 with presentation attributes only (no CSS classes needed, no script), so WeasyPrint
renders it as the browser does. Every piece of text is escaped.
"""

import unicodedata
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from django.utils.translation import gettext as _

from msp.text import in_sentence

from .models import HIGH, Quadrant, Sector

WIDTH = 960
LEFT, RIGHT, TOP = 64, 16, 8
COLUMN = (WIDTH - LEFT - RIGHT) / 5
LINE = 18  # one organisation per line; the largest marker (influence 5) is 16 px across
QUADRANT_HEADER = 26  # room for the quadrant's name at the top of its first row
ROW_PAD = 8
MIN_ROW = 92
AXIS = 44
FONT_SIZE = 12
FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
LABEL_OFFSET = 24  # from the cell's left edge: marker, then the name
LABEL_ROOM = COLUMN - LABEL_OFFSET - 6
MAX_CHARS = 24  # a hard cap besides the width

# Advance widths of DejaVu Sans (regular and bold; thousandths of an em) for ASCII 32-126: names are cut by their
# width, not their length, so "WWW" and "iii" both fit. DejaVu is the widest of the fonts listed in FONT, and the
# one WeasyPrint uses, so a name that fits here fits in any of them.
_WIDTHS = {
    False: "318 401 460 838 636 950 780 275 390 390 500 838 318 361 318 337 636 636 636 636 636 636 636 636 636 636 "
    "337 337 838 838 838 531 1000 684 686 698 770 632 575 775 752 295 295 656 557 863 748 787 603 787 695 635 611 "
    "732 684 989 685 611 685 390 337 390 838 500 500 613 635 550 635 615 352 635 634 278 278 579 278 974 634 612 "
    "635 635 411 521 392 634 592 818 592 592 525 636 337 636 838",
    True: "348 456 521 838 696 1002 872 306 457 457 523 838 380 415 380 365 696 696 696 696 696 696 696 696 696 696 "
    "400 400 838 838 838 580 1000 774 762 734 830 683 683 821 837 372 372 775 637 995 837 850 733 850 770 720 682 "
    "812 774 1103 771 724 725 457 365 457 838 500 500 675 716 593 716 678 435 716 712 343 343 665 343 1042 712 687 "
    "716 716 493 595 478 712 652 924 645 652 582 712 365 712 838",
}
_WIDTHS = {bold: [int(w) for w in table.split()] for bold, table in _WIDTHS.items()}

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


@dataclass(frozen=True)
class Placed:
    """Where an entry was drawn: its marker's centre."""

    entry_id: int
    x: float
    y: float
    quadrant: Quadrant


def text_width(text, *, bold=False, size=FONT_SIZE) -> float:
    """The width of `text` in pixels, as DejaVu Sans draws it (accented letters as their base letter)."""
    table, total = _WIDTHS[bold], 0
    for char in text:
        if not 32 <= ord(char) < 127:
            base = unicodedata.normalize("NFKD", char)[0]
            char = base if base.isalpha() and ord(base) < 127 else "@"  # "…", "★" and the like: a full em
        total += table[ord(char) - 32]
    return total * size / 1000


def fit(text, *, bold=False, suffix="", room=LABEL_ROOM) -> str:
    """`text` + `suffix`, cut with an ellipsis so that it fits in `room` pixels."""
    if len(text) <= MAX_CHARS and text_width(text + suffix, bold=bold) <= room:
        return text + suffix
    cut = text[: MAX_CHARS - 1]
    while cut and text_width(cut.rstrip() + "…" + suffix, bold=bold) > room:
        cut = cut[:-1]
    return cut.rstrip() + "…" + suffix


def _title(entry):
    org = entry.organisation
    name = org.name + (f" ({org.short_name})" if org.short_name and org.short_name != org.name else "")
    facts = [
        _("power %(p)d, interest %(i)d, influence %(f)d")
        % {"p": entry.power, "i": entry.interest, "f": entry.influence},
        _("engagement: %s") % in_sentence(entry.get_engagement_display()),
        org.get_sector_display(),
    ]
    if entry.is_key:
        facts.append(_("key stakeholder"))
    if entry.is_target_group:
        facts.append(_("target group"))
    if entry.is_champion:
        facts.append(_("champion"))
    return f"{name}: " + "; ".join(facts)


def _cells(entries):
    cells = {}
    for entry in entries:
        cells.setdefault((entry.power, entry.interest), []).append(entry)
    for members in cells.values():
        members.sort(key=lambda e: (-e.influence, e.organisation.label.lower()))
    return cells


def _row_heights(cells):
    """Height of each power row (5 first): enough for its fullest cell, and for the quadrant name on top."""
    heights = {}
    for power in range(5, 0, -1):
        fullest = max((len(cells.get((power, interest), ())) for interest in range(1, 6)), default=0)
        header = QUADRANT_HEADER if power in (5, HIGH - 1) else ROW_PAD
        heights[power] = max(MIN_ROW, header + fullest * LINE + ROW_PAD)
    return heights


def layout(entries):
    """(row tops, row heights, [(entry, Placed)]): the geometry, apart from the drawing so tests can check it."""
    cells = _cells(entries)
    heights = _row_heights(cells)
    tops, y = {}, TOP
    for power in range(5, 0, -1):
        tops[power] = y
        y += heights[power]
    placed = []
    for (power, interest), members in cells.items():
        header = QUADRANT_HEADER if power in (5, HIGH - 1) else ROW_PAD
        x = LEFT + (interest - 1) * COLUMN + 12
        for n, entry in enumerate(members):
            cy = tops[power] + header + n * LINE + LINE / 2
            placed.append((entry, Placed(entry.pk, x, cy, Quadrant.of(power, interest))))
    return tops, heights, placed


def power_interest_svg(entries, *, title=None) -> str:
    """The chart for `entries` (StakeholderMapEntry with `organisation` loaded) as an <svg> element."""
    entries = list(entries)
    title = title or _("Power/interest grid")
    tops, heights, placed = layout(entries)
    plot_top, plot_bottom = tops[5], tops[1] + heights[1]
    x_of = lambda interest: LEFT + (interest - 1) * COLUMN  # noqa: E731
    split_x, split_y = x_of(HIGH), tops[HIGH - 1]
    legend_top = plot_bottom + AXIS + 6
    height = legend_top + 44

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" width="{WIDTH}" '
        f'height="{height:.0f}" role="img" aria-labelledby="pi-title pi-desc" font-family="{FONT}" '
        f'font-size="{FONT_SIZE}" style="max-width:100%;height:auto" class="msp-power-interest">',
        f'<title id="pi-title">{escape(title)}</title>',
        '<desc id="pi-desc">'
        + escape(
            _(
                "Each organisation is placed by its interest (left to right, 1 to 5) and its power (bottom to top, "
                "1 to 5). %(n)d organisations."
            )
            % {"n": len(entries)}
        )
        + "</desc>",
    ]

    # Quadrants, then the cell grid over them, then the quadrant lines.
    right, left = LEFT + 5 * COLUMN, LEFT
    quadrants = [
        (Quadrant.KEEP_SATISFIED, left, plot_top, split_x - left, split_y - plot_top, "start"),
        (Quadrant.MANAGE_CLOSELY, split_x, plot_top, right - split_x, split_y - plot_top, "end"),
        (Quadrant.MONITOR, left, split_y, split_x - left, plot_bottom - split_y, "start"),
        (Quadrant.KEEP_INFORMED, split_x, split_y, right - split_x, plot_bottom - split_y, "end"),
    ]
    for quadrant, x, y, w, h, anchor in quadrants:
        out.append(
            f'<rect id="quadrant-{quadrant.value}" data-quadrant="{quadrant.value}" x="{x:.1f}" y="{y:.1f}" '
            f'width="{w:.1f}" height="{h:.1f}" fill="{QUADRANT_FILLS[quadrant]}"/>'
        )
        label_x = x + 8 if anchor == "start" else x + w - 8
        out.append(
            f'<text x="{label_x:.1f}" y="{y + 18:.1f}" text-anchor="{anchor}" font-size="13" font-weight="bold" '
            f'fill="#3d4a55" letter-spacing="0.5" class="quadrant-label">{escape(str(quadrant.label).upper())}</text>'
        )
    for interest in range(2, 6):
        if interest != HIGH:
            out.append(
                f'<line x1="{x_of(interest):.1f}" y1="{plot_top:.1f}" x2="{x_of(interest):.1f}" '
                f'y2="{plot_bottom:.1f}" stroke="#ffffff" stroke-width="1.5"/>'
            )
    for power in range(4, 0, -1):
        if power != HIGH - 1:
            out.append(
                f'<line x1="{left}" y1="{tops[power]:.1f}" x2="{right:.1f}" y2="{tops[power]:.1f}" '
                f'stroke="#ffffff" stroke-width="1.5"/>'
            )
    out.append(
        f'<line x1="{split_x:.1f}" y1="{plot_top:.1f}" x2="{split_x:.1f}" y2="{plot_bottom:.1f}" '
        f'stroke="#7a8690" stroke-width="2"/>'
        f'<line x1="{left}" y1="{split_y:.1f}" x2="{right:.1f}" y2="{split_y:.1f}" stroke="#7a8690" stroke-width="2"/>'
        f'<rect x="{left}" y="{plot_top:.1f}" width="{right - left:.1f}" height="{plot_bottom - plot_top:.1f}" '
        f'fill="none" stroke="#7a8690" stroke-width="1"/>'
    )

    # Axes: the scores under each column and beside each row, and the axis names.
    for interest in range(1, 6):
        out.append(
            f'<text x="{x_of(interest) + COLUMN / 2:.1f}" y="{plot_bottom + 16:.1f}" text-anchor="middle" '
            f'fill="#3d4a55">{interest}</text>'
        )
    for power in range(1, 6):
        out.append(
            f'<text x="{LEFT - 10}" y="{tops[power] + heights[power] / 2 + 4:.1f}" text-anchor="end" '
            f'fill="#3d4a55">{power}</text>'
        )
    out.append(
        f'<text x="{(left + right) / 2:.1f}" y="{plot_bottom + 36:.1f}" text-anchor="middle" font-weight="bold" '
        f'fill="#1b4d5c">{escape(_("Interest"))} →</text>'
    )
    mid_y = (plot_top + plot_bottom) / 2
    out.append(
        f'<text x="18" y="{mid_y:.1f}" text-anchor="middle" font-weight="bold" fill="#1b4d5c" '
        f'transform="rotate(-90 18 {mid_y:.1f})">{escape(_("Power"))} →</text>'
    )

    # The organisations.
    for entry, spot in placed:
        org = entry.organisation
        colour = SECTOR_COLOURS.get(org.sector, "#6c757d")
        radius = 3 + entry.influence
        label = fit(org.label, bold=entry.is_key, suffix=" ★" if entry.is_champion else "")
        out.append(
            f'<g class="stakeholder" data-entry="{entry.pk}" data-organisation={quoteattr(org.name)} '
            f'data-power="{entry.power}" data-interest="{entry.interest}" data-quadrant="{spot.quadrant.value}" '
            f'data-x="{spot.x:.1f}" data-y="{spot.y:.1f}">'
            f"<title>{escape(_title(entry))}</title>"
        )
        if entry.is_target_group:
            out.append(
                f'<rect x="{spot.x - radius:.1f}" y="{spot.y - radius:.1f}" width="{2 * radius}" '
                f'height="{2 * radius}" fill="{colour}" stroke="#1f2a33" stroke-width="1"/>'
            )
        else:
            out.append(
                f'<circle cx="{spot.x:.1f}" cy="{spot.y:.1f}" r="{radius}" fill="{colour}" '
                f'stroke="#ffffff" stroke-width="1"/>'
            )
        weight = ' font-weight="bold"' if entry.is_key else ""
        out.append(
            f'<text x="{spot.x - 12 + LABEL_OFFSET:.1f}" y="{spot.y + 4:.1f}" fill="#1f2a33"{weight}>'
            f"{escape(label)}</text></g>"
        )

    # Legend: sector colours, then what the shapes and type mean.
    x = LEFT
    for sector, colour in SECTOR_COLOURS.items():
        out.append(
            f'<circle cx="{x + 6}" cy="{legend_top + 6}" r="6" fill="{colour}"/>'
            f'<text x="{x + 16}" y="{legend_top + 10}" fill="#3d4a55">{escape(str(sector.label))}</text>'
        )
        x += 20 + 7 * len(str(sector.label)) + 14
    hint = _(
        "■ target group · bold: key stakeholder · ★ champion · larger marker: more influence · "
        "hover a name for the full name and scores"
    )
    out.append(f'<text x="{LEFT}" y="{legend_top + 32}" fill="#3d4a55">{escape(hint)}</text>')
    out.append("</svg>")
    return "".join(out)
