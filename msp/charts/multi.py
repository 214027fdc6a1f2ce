"""Bars of several series per category, side by side (grouped) or end to end (stacked), drawn horizontally.

Grouped: budget, committed and spent per budget category, one bar each, its value at its end. Stacked: the
checklist's health per area, the passed, warned and failed checks making up one bar, its total at the end. Each
series has a colour and a fill pattern (solid, hatched, dotted...), named in the legend above the bars, so a
series is told apart without colour; each segment's <title> says its series and value.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from . import palette, scale
from .base import Chart, attr, number, text
from .text import text_width

TOP, AXIS, GROUP_GAP = 8, 24, 12
GROUPED_BAR, STACKED_BAR = 14, 20


@dataclass
class Series:
    name: str
    values: list  # one per category, in the chart's order
    colour: str | None = None  # default: the series colours in turn (palette.SERIES)


class MultiBarChart(Chart):
    css_class = "msp-multi-bar-chart"

    def __init__(self, *, categories, series, category_header, stacked=False, maximum=None, formatter=number, **kwargs):
        super().__init__(**kwargs)
        self.categories = [str(c) for c in categories]
        self.series = list(series)
        for n, one in enumerate(self.series):
            one.colour = one.colour or palette.SERIES[n % len(palette.SERIES)]
        self.category_header = category_header
        self.stacked = stacked
        self.formatter = formatter
        top = max((self._extent(n) for n in range(len(self.categories))), default=0)
        if maximum:
            self.maximum, self.step = maximum, scale.nice_step(maximum / 4)
        else:
            self.maximum, self.step = scale.nice_scale(top)

    def _extent(self, n):
        values = [one.values[n] or 0 for one in self.series]
        return sum(values) if self.stacked else max(values, default=0)

    def headers(self):
        total = [_("Total")] if self.stacked else []
        return [self.category_header] + [one.name for one in self.series] + total

    def rows(self):
        rows = []
        for n, category in enumerate(self.categories):
            row = [category] + [self.formatter(one.values[n] or 0) for one in self.series]
            rows.append(row + ([self.formatter(self._extent(n))] if self.stacked else []))
        return rows

    def is_empty(self):
        return not self.categories or not self.series

    def summary(self):
        names = ", ".join(one.name for one in self.series)
        return _("%(series)s for each of %(n)s categories.") % {"series": names, "n": number(len(self.categories))}

    def draw(self):
        x0 = scale.label_room(self.categories, self.width, bold=True)
        fills = [f"url(#{self.id}-fill-{n})" for n in range(len(self.series))]
        out = [palette.pattern_defs(self.id, [one.colour for one in self.series])]
        legend_height, legend = scale.legend(
            [(one.name, fill) for one, fill in zip(self.series, fills, strict=True)], x0, TOP, self.width - x0
        )
        out += legend
        top = TOP + legend_height + 6
        widest = max(
            (text_width(self.formatter(v or 0)) for one in self.series for v in one.values),
            default=0,
        )
        room = self.width - x0 - max(widest + 16, 60)
        band = STACKED_BAR if self.stacked else GROUPED_BAR * len(self.series) + 2 * (len(self.series) - 1)
        bottom = top + len(self.categories) * (band + GROUP_GAP)
        out += scale.draw_ticks(x0, room, top, bottom, self.maximum, self.step, formatter=self.formatter)
        for n, category in enumerate(self.categories):
            y = top + n * (band + GROUP_GAP) + GROUP_GAP / 2
            out.append(f'<g class="category" data-category={attr(category)}>')
            out.append(scale.label(x0, y + band / 2 + 4, category, x0, bold=True))
            out += self._stack(n, x0, y, room, fills) if self.stacked else self._group(n, x0, y, room, fills)
            out.append("</g>")
        return bottom + AXIS, out

    def _length(self, value, room):
        return room * max(0, min(value or 0, self.maximum)) / self.maximum

    def _segment(self, x, y, width, height, fill, one, value):
        return (
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height}" fill="{fill}" '
            f'stroke="{palette.TEXT}" stroke-width="0.75" class="segment" data-series={attr(one.name)} '
            f'data-value="{value or 0}"><title>{text(one.name)}: {text(self.formatter(value or 0))}</title></rect>'
        )

    def _group(self, n, x0, y, room, fills):
        out = []
        for k, (one, fill) in enumerate(zip(self.series, fills, strict=True)):
            value, top = one.values[n], y + k * (GROUPED_BAR + 2)
            length = self._length(value, room)
            out.append(self._segment(x0, top, length, GROUPED_BAR, fill, one, value))
            out.append(
                f'<text x="{x0 + length + 6:.1f}" y="{top + GROUPED_BAR - 3:.1f}" fill="{palette.TEXT}" '
                f'font-size="11" class="value-text">{text(self.formatter(value or 0))}</text>'
            )
        return out

    def _stack(self, n, x0, y, room, fills):
        out, x = [], x0
        for one, fill in zip(self.series, fills, strict=True):
            value = one.values[n]
            length = self._length(value, room)
            if length:
                out.append(self._segment(x, y, length, STACKED_BAR, fill, one, value))
            x += length
        out.append(
            f'<text x="{x + 6:.1f}" y="{y + STACKED_BAR / 2 + 4:.1f}" fill="{palette.TEXT}" class="value-text">'
            f"{text(self.formatter(self._extent(n)))}</text>"
        )
        return out
