"""Lines over time: a value per point of a series of periods, several series on one value scale; an indicator's
targets and actual values per reporting period, with its baseline as a reference line.

Each line has a colour, a dash pattern (solid, dashed, dotted...) and a marker shape (circle, square, diamond), named
in the legend above the plot, so lines are told apart without colour; a missing value leaves a gap. Each point's
<title> says its line, its period and its value. Period labels along the bottom are written level while they fit,
turned 45 degrees when they do not, and thinned (every second, third... label) when even turned they would crowd;
the table has every one.
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _

from . import palette, scale
from .base import Chart, attr, number, text
from .text import fit, text_width

TOP, PLOT_HEIGHT, TICK_ROOM, RIGHT = 8, 260, 12, 24
DASHES = ["", "7 4", "2 3", "10 3 2 3"]  # solid, dashed, dotted, dash-dot
MARKERS = ["circle", "square", "diamond", "triangle"]
LABEL_SIZE = 11
MAX_LABEL = 110  # pixels of a turned period label; longer ones are cut (the table has them whole)


@dataclass
class Line:
    name: str
    values: list  # one per label, in order; None leaves a gap
    colour: str | None = None  # default: the series colours in turn
    dash: str | None = None  # an SVG stroke-dasharray; default: DASHES in turn
    marker: str | None = None  # default: MARKERS in turn


@dataclass
class Reference:
    """A level drawn across the whole plot (a baseline), dotted, named at its right end."""

    name: str
    value: float


def value_range(values):
    """(low, high, step) of a scale with round ticks covering `values` and 0."""
    low, high = min([0, *values]), max([0, *values])
    if high == low:
        return low, low + 1, 1
    step = scale.nice_step((high - low) / 4)
    if all(float(v).is_integer() for v in values):
        step = max(step, 1)
    return step * math.floor(low / step + 1e-9), step * math.ceil(high / step - 1e-9), step


class LineChart(Chart):
    css_class = "msp-line-chart"

    def __init__(self, *, labels, lines, label_header, references=(), tick_labels=None, formatter=number, **kwargs):
        """`labels` name the points (the table's first column); `tick_labels`, shorter, are written along the
        bottom (default: the labels)."""
        super().__init__(**kwargs)
        self.labels = [str(label) for label in labels]
        self.tick_labels = [str(label) for label in tick_labels] if tick_labels is not None else self.labels
        self.lines = list(lines)
        for n, line in enumerate(self.lines):
            line.colour = line.colour or palette.SERIES[n % len(palette.SERIES)]
            line.dash = DASHES[n % len(DASHES)] if line.dash is None else line.dash
            line.marker = line.marker or MARKERS[n % len(MARKERS)]
        self.references = list(references)
        self.label_header = label_header
        self.formatter = formatter
        values = [v for line in self.lines for v in line.values if v is not None]
        values += [ref.value for ref in self.references]
        self.low, self.high, self.step = value_range(values)

    def headers(self):
        return [self.label_header] + [line.name for line in self.lines]

    def rows(self):
        return [
            [label] + [self.formatter(line.values[n]) if line.values[n] is not None else "–" for line in self.lines]
            for n, label in enumerate(self.labels)
        ]

    def is_empty(self):
        return not self.labels or all(v is None for line in self.lines for v in line.values)

    def summary(self):
        parts = [
            _("%(line)s over %(n)s periods.")
            % {"line": ", ".join(line.name for line in self.lines), "n": len(self.labels)}
        ]
        for ref in self.references:
            parts.append(_("%(name)s: %(value)s.") % {"name": ref.name, "value": self.formatter(ref.value)})
        return " ".join(parts)

    # Drawing.
    def _y(self, value, top):
        return top + PLOT_HEIGHT * (self.high - value) / (self.high - self.low)

    def draw(self):
        ticks = scale.ticks_between(self.low, self.high, self.step)
        x0 = max(text_width(self.formatter(v), size=LABEL_SIZE) for v in ticks) + TICK_ROOM + 8
        items = [(line.name, line) for line in self.lines] + [(ref.name, ref) for ref in self.references]
        legend_height, out = self._legend(items, x0)
        top = TOP + legend_height + 10
        room = self.width - x0 - RIGHT
        slot = room / len(self.labels)
        xs = [x0 + slot * (n + 0.5) for n in range(len(self.labels))]
        out += self._grid(x0, room, top)
        for ref in self.references:
            y = self._y(ref.value, top)
            out.append(
                f'<line x1="{x0:.1f}" y1="{y:.1f}" x2="{x0 + room:.1f}" y2="{y:.1f}" stroke="{palette.MUTED}" '
                f'stroke-width="2" stroke-dasharray="2 5" stroke-linecap="round" class="reference" '
                f"data-series={attr(ref.name)}><title>{text(ref.name)}: {text(self.formatter(ref.value))}</title></line>"
            )
        for line in self.lines:
            out += self._line(line, xs, top)
        label_height, labels = self._labels(xs, slot, top + PLOT_HEIGHT)
        return top + PLOT_HEIGHT + label_height, out + labels

    def _legend(self, items, x0):
        out, x, row = [], x0, 0
        for name, item in items:
            needed = 34 + text_width(str(name)) + 20
            if x > x0 and x + needed > self.width - RIGHT:
                x, row = x0, row + 1
            y = TOP + row * 20 + 6
            out.append(f'<g class="legend-item">{self._swatch(item, x, y)}')
            out.append(
                f'<text x="{x + 34:.1f}" y="{y + 4:.1f}" fill="{palette.MUTED}" class="legend">{text(name)}</text></g>'
            )
            x += needed
        return (row + 1) * 20, out

    def _swatch(self, item, x, y):
        if isinstance(item, Reference):
            return (
                f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x + 26:.1f}" y2="{y:.1f}" stroke="{palette.MUTED}" '
                f'stroke-width="2" stroke-dasharray="2 5" stroke-linecap="round"/>'
            )
        dash = f' stroke-dasharray="{item.dash}"' if item.dash else ""
        return (
            f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x + 26:.1f}" y2="{y:.1f}" stroke="{item.colour}" '
            f'stroke-width="2.5"{dash}/>' + self._marker(item, x + 13, y)
        )

    def _marker(self, line, x, y, extra="", inner=""):
        """The line's marker at (x, y), a closed element with `extra` attributes and `inner` markup."""
        if line.marker == "square":
            tag, shape = "rect", f'x="{x - 4.5:.1f}" y="{y - 4.5:.1f}" width="9" height="9"'
        elif line.marker == "diamond":
            tag, shape = "path", f'd="M{x:.1f},{y - 6:.1f} l6,6 l-6,6 l-6,-6 z"'
        elif line.marker == "triangle":
            tag, shape = "path", f'd="M{x:.1f},{y - 6:.1f} l6,10 h-12 z"'
        else:
            tag, shape = "circle", f'cx="{x:.1f}" cy="{y:.1f}" r="5"'
        return (
            f'<{tag} {shape} fill="{line.colour}" stroke="{palette.BACKGROUND}" stroke-width="1"{extra}>{inner}</{tag}>'
        )

    def _grid(self, x0, room, top):
        out = []
        for value in scale.ticks_between(self.low, self.high, self.step):
            y = self._y(value, top)
            colour, width = (palette.RULE, 1.5) if value == 0 else ("#d5dadf", 1)
            out.append(
                f'<line x1="{x0:.1f}" y1="{y:.1f}" x2="{x0 + room:.1f}" y2="{y:.1f}" stroke="{colour}" '
                f'stroke-width="{width}"/><text x="{x0 - TICK_ROOM:.1f}" y="{y + 4:.1f}" text-anchor="end" '
                f'fill="{palette.MUTED}" font-size="{LABEL_SIZE}" class="tick">{text(self.formatter(value))}</text>'
            )
        bottom = top + PLOT_HEIGHT
        out.append(
            f'<line x1="{x0:.1f}" y1="{top:.1f}" x2="{x0:.1f}" y2="{bottom:.1f}" stroke="{palette.RULE}" '
            f'stroke-width="1.5"/>'
        )
        return out

    def _line(self, line, xs, top):
        out = [f'<g class="line" data-series={attr(line.name)}>']
        dash = f' stroke-dasharray="{line.dash}"' if line.dash else ""
        run = []
        for x, value in [*zip(xs, line.values, strict=True), (None, None)]:
            if value is None:
                if len(run) > 1:
                    points = " ".join(f"{px:.1f},{py:.1f}" for px, py in run)
                    out.append(
                        f'<polyline points="{points}" fill="none" stroke="{line.colour}" stroke-width="2.5" '
                        f'stroke-linejoin="round"{dash}/>'
                    )
                run = []
                continue
            run.append((x, self._y(value, top)))
        for n, (x, value) in enumerate(zip(xs, line.values, strict=True)):
            if value is None:
                continue
            tooltip = f"{line.name}, {self.labels[n]}: {self.formatter(value)}"
            extra = f" class={attr('point')} data-value={attr(value)}"
            out.append(self._marker(line, x, self._y(value, top), extra, f"<title>{text(tooltip)}</title>"))
        out.append("</g>")
        return out

    def _labels(self, xs, slot, bottom):
        """The period labels under the plot: (height, markup)."""
        widths = [text_width(label, size=LABEL_SIZE) for label in self.tick_labels]
        widest = max(widths, default=0)
        if widest + 8 <= slot:
            every, turned = 1, False
        else:
            turned = True
            every = max(1, math.ceil(28 / slot))  # turned labels closer than 28 pixels crowd each other
        out = []
        for n, (x, label) in enumerate(zip(xs, self.tick_labels, strict=True)):
            out.append(
                f'<line x1="{x:.1f}" y1="{bottom:.1f}" x2="{x:.1f}" y2="{bottom + 5:.1f}" stroke="{palette.RULE}"/>'
            )
            if (len(xs) - 1 - n) % every:  # keep the last label: the newest period
                continue
            if turned:
                shown = fit(label, room=MAX_LABEL, size=LABEL_SIZE)
                out.append(
                    f'<text x="{x + 4:.1f}" y="{bottom + 14:.1f}" text-anchor="end" fill="{palette.MUTED}" '
                    f'font-size="{LABEL_SIZE}" transform="rotate(-45 {x + 4:.1f} {bottom + 14:.1f})" class="period">'
                    f"{text(shown)}</text>"
                )
            else:
                out.append(
                    f'<text x="{x:.1f}" y="{bottom + 18:.1f}" text-anchor="middle" fill="{palette.MUTED}" '
                    f'font-size="{LABEL_SIZE}" class="period">{text(label)}</text>'
                )
        if turned:
            longest = min(widest, MAX_LABEL)
            return longest * math.sqrt(0.5) + 24, out
        return 28, out
