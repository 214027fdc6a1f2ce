"""A grid of scores (1-5 by 1-5, say) with named points in its cells, over regions such as quadrants.

Made for the power/interest grid (stakeholders/chart.py): x runs left to right, y bottom to top. Points that
share a cell are listed one under the other inside it, and a row of cells grows as tall as its fullest cell
needs, so every point keeps its own line however many share a cell. Labels longer than the cell are cut with an
ellipsis; the whole text is in each point's <title> (a tooltip in the browser) and in the table.
"""

from dataclasses import dataclass, field

from . import palette
from .base import Chart, attr, number, text
from .text import fit

LEFT, RIGHT, TOP = 64, 16, 8
LINE = 18  # one point per line; the largest marker is 16 px across
REGION_HEADER = 26  # room for a region's name at the top of its first row
ROW_PAD = 8
MIN_ROW = 92
AXIS = 44
LABEL_OFFSET = 24  # from the cell's left edge: marker, then the name
MAX_CHARS = 24  # a hard cap besides the width


@dataclass
class Point:
    x: int
    y: int
    label: str
    tooltip: str
    row: list  # the point's row in the table
    colour: str = palette.SERIES[0]
    radius: float = 6
    square: bool = False  # drawn as a square with a dark outline instead of a circle
    bold: bool = False
    suffix: str = ""  # kept when the label is cut (a "★")
    data: dict = field(default_factory=dict)  # data-* attributes of the point's <g>, for tests and scripts
    sort_key: tuple = ()  # order inside a cell


@dataclass
class Region:
    key: str
    label: str
    fill: str
    x: tuple  # (lowest, highest) score, inclusive
    y: tuple
    anchor: str = "start"  # where its name sits: "start" (left) or "end" (right)


class GridChart(Chart):
    point_class = "point"  # the class of each point's <g>
    region_name = "region"  # regions are <rect id="<region_name>-<key>" data-<region_name>="<key>">

    def __init__(self, *, points, regions, x_title, y_title, headers, splits, legend=(), hint="", steps=5, **kwargs):
        super().__init__(**kwargs)
        self.points, self.regions, self.steps = list(points), list(regions), steps
        self.x_title, self.y_title, self._headers = x_title, y_title, headers
        self.splits = splits  # (x, y): the scores where the thick lines between the regions run (before them)
        self.legend, self.hint = list(legend), hint
        self.column = (self.width - LEFT - RIGHT) / steps
        self.label_room = self.column - LABEL_OFFSET - 6

    def headers(self):
        return self._headers

    def rows(self):
        return [point.row for point in self.points]

    def region_of(self, x, y):
        return next(r for r in self.regions if r.x[0] <= x <= r.x[1] and r.y[0] <= y <= r.y[1])

    def _header_rows(self):
        return {region.y[1] for region in self.regions if region.label}

    def layout(self):
        """(row tops, row heights, [(point, cx, cy)]): the geometry, apart from the drawing so tests can check it."""
        cells = {}
        for point in self.points:
            cells.setdefault((point.y, point.x), []).append(point)
        for members in cells.values():
            members.sort(key=lambda p: p.sort_key)
        tops, heights, top, headers = {}, {}, TOP, self._header_rows()
        for y in range(self.steps, 0, -1):
            fullest = max((len(cells.get((y, x), ())) for x in range(1, self.steps + 1)), default=0)
            header = REGION_HEADER if y in headers else ROW_PAD
            heights[y] = max(MIN_ROW, header + fullest * LINE + ROW_PAD)
            tops[y], top = top, top + heights[y]
        placed = []
        for (y, x), members in cells.items():
            header = REGION_HEADER if y in headers else ROW_PAD
            for n, point in enumerate(members):
                placed.append((point, LEFT + (x - 1) * self.column + 12, tops[y] + header + n * LINE + LINE / 2))
        return tops, heights, placed

    def draw(self):
        tops, heights, placed = self.layout()
        plot_top, plot_bottom = tops[self.steps], tops[1] + heights[1]
        left, right = LEFT, LEFT + self.steps * self.column

        def x_of(score):
            return LEFT + (score - 1) * self.column

        out = []
        for region in self.regions:
            x, w = x_of(region.x[0]), (region.x[1] - region.x[0] + 1) * self.column
            y = tops[region.y[1]]
            h = tops[region.y[0]] + heights[region.y[0]] - y
            name = self.region_name
            out.append(
                f'<rect id="{name}-{region.key}" data-{name}="{region.key}" x="{x:.1f}" y="{y:.1f}" '
                f'width="{w:.1f}" height="{h:.1f}" fill="{region.fill}"/>'
            )
            label_x = x + 8 if region.anchor == "start" else x + w - 8
            out.append(
                f'<text x="{label_x:.1f}" y="{y + 18:.1f}" text-anchor="{region.anchor}" font-size="13" '
                f'font-weight="bold" fill="{palette.MUTED}" letter-spacing="0.5" class="{name}-label">'
                f"{text(region.label.upper())}</text>"
            )
        split_x, split_y = self.splits
        for score in range(2, self.steps + 1):
            if score != split_x:
                out.append(
                    f'<line x1="{x_of(score):.1f}" y1="{plot_top:.1f}" x2="{x_of(score):.1f}" '
                    f'y2="{plot_bottom:.1f}" stroke="#ffffff" stroke-width="1.5"/>'
                )
        for score in range(self.steps - 1, 0, -1):
            if score != split_y - 1:
                out.append(
                    f'<line x1="{left}" y1="{tops[score]:.1f}" x2="{right:.1f}" y2="{tops[score]:.1f}" '
                    f'stroke="#ffffff" stroke-width="1.5"/>'
                )
        sx, sy = x_of(split_x), tops[split_y - 1]
        out.append(
            f'<line x1="{sx:.1f}" y1="{plot_top:.1f}" x2="{sx:.1f}" y2="{plot_bottom:.1f}" '
            f'stroke="{palette.RULE}" stroke-width="2"/>'
            f'<line x1="{left}" y1="{sy:.1f}" x2="{right:.1f}" y2="{sy:.1f}" stroke="{palette.RULE}" stroke-width="2"/>'
            f'<rect x="{left}" y="{plot_top:.1f}" width="{right - left:.1f}" height="{plot_bottom - plot_top:.1f}" '
            f'fill="none" stroke="{palette.RULE}" stroke-width="1"/>'
        )
        out += self._axes(tops, heights, plot_top, plot_bottom, x_of)
        out += [self._point(point, cx, cy) for point, cx, cy in placed]
        legend_top = plot_bottom + AXIS + 6
        height, legend = self._legend(legend_top)
        return height, out + legend

    def _axes(self, tops, heights, plot_top, plot_bottom, x_of):
        out = []
        for score in range(1, self.steps + 1):
            out.append(
                f'<text x="{x_of(score) + self.column / 2:.1f}" y="{plot_bottom + 16:.1f}" text-anchor="middle" '
                f'fill="{palette.MUTED}">{number(score)}</text>'
                f'<text x="{LEFT - 10}" y="{tops[score] + heights[score] / 2 + 4:.1f}" text-anchor="end" '
                f'fill="{palette.MUTED}">{number(score)}</text>'
            )
        mid_x, mid_y = (LEFT + x_of(self.steps + 1)) / 2, (plot_top + plot_bottom) / 2
        out.append(
            f'<text x="{mid_x:.1f}" y="{plot_bottom + 36:.1f}" text-anchor="middle" font-weight="bold" '
            f'fill="{palette.HEADING}">{text(self.x_title)} →</text>'
            f'<text x="18" y="{mid_y:.1f}" text-anchor="middle" font-weight="bold" fill="{palette.HEADING}" '
            f'transform="rotate(-90 18 {mid_y:.1f})">{text(self.y_title)} →</text>'
        )
        return out

    def _point(self, point, cx, cy):
        data = "".join(f" data-{key}={attr(value)}" for key, value in point.data.items())
        r = point.radius
        if point.square:
            marker = (
                f'<rect x="{cx - r:.1f}" y="{cy - r:.1f}" width="{2 * r}" height="{2 * r}" fill="{point.colour}" '
                f'stroke="{palette.TEXT}" stroke-width="1"/>'
            )
        else:
            marker = (
                f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r}" fill="{point.colour}" stroke="#ffffff" stroke-width="1"/>'
            )
        label = fit(point.label, room=self.label_room, bold=point.bold, suffix=point.suffix, max_chars=MAX_CHARS)
        weight = ' font-weight="bold"' if point.bold else ""
        return (
            f'<g class="{self.point_class}"{data} data-x="{cx:.1f}" data-y="{cy:.1f}">'
            f"<title>{text(point.tooltip)}</title>{marker}"
            f'<text x="{cx - 12 + LABEL_OFFSET:.1f}" y="{cy + 4:.1f}" fill="{palette.TEXT}"{weight}>'
            f"{text(label)}</text></g>"
        )

    def _legend(self, top):
        """Coloured circles with their names (wrapping to a new line when the row is full), then the hint."""
        if not self.legend and not self.hint:
            return top, []
        out, x, line = [], LEFT, 0
        for name, colour in self.legend:
            needed = 20 + 7 * len(str(name)) + 14
            if x > LEFT and x + needed > self.width - RIGHT:
                x, line = LEFT, line + 1
            y = top + line * 20
            out.append(
                f'<circle cx="{x + 6}" cy="{y + 6}" r="6" fill="{colour}"/>'
                f'<text x="{x + 16}" y="{y + 10}" fill="{palette.MUTED}">{text(name)}</text>'
            )
            x += needed
        hint_y = top + line * 20 + 32
        if self.hint:
            out.append(f'<text x="{LEFT}" y="{hint_y}" fill="{palette.MUTED}">{text(self.hint)}</text>')
        return hint_y + 12, out
