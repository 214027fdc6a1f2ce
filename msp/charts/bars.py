"""Horizontal bars, one per item, with the value written at the end of each bar and an optional target mark.

For counts (the positions on a decision: support, with reservations, abstain, object, block) and progress
(an indicator's value towards its target, on a track that shows the whole scale). A bar's length is
proportional to its value on a scale from 0 to `maximum` (by default the largest value or target, rounded up).
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from . import palette, scale
from .base import Chart, attr, number, text
from .text import text_width

ROW, BAR, TOP, AXIS = 30, 18, 8, 24


@dataclass
class Bar:
    label: str
    value: float
    target: float | None = None
    value_text: str | None = None  # how the value is written (default: the number, in the active language)
    target_text: str | None = None
    colour: str | None = None  # default: the first series colour; at least 3:1 on white (palette)

    def shown_value(self):
        return self.value_text if self.value_text is not None else number(self.value)

    def shown_target(self):
        if self.target is None:
            return ""
        return self.target_text if self.target_text is not None else number(self.target)


class HorizontalBarChart(Chart):
    css_class = "msp-bar-chart"

    def __init__(
        self,
        *,
        bars,
        label_header,
        value_header,
        target_header=None,
        maximum=None,
        track=False,
        formatter=number,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.bars = list(bars)
        self.label_header, self.value_header = label_header, value_header
        self.target_header = target_header or _("Target")
        self.has_targets = any(bar.target is not None for bar in self.bars)
        top = max([bar.value for bar in self.bars] + [bar.target or 0 for bar in self.bars], default=0)
        if maximum:
            self.maximum, self.step = maximum, scale.nice_step(maximum / 4)
        else:
            self.maximum, self.step = scale.nice_scale(top)
        self.track = track  # draw the whole scale behind each bar (progress towards the maximum)
        self.formatter = formatter

    def headers(self):
        return [self.label_header, self.value_header] + ([self.target_header] if self.has_targets else [])

    def rows(self):
        return [
            [bar.label, bar.shown_value()] + ([bar.shown_target() or "–"] if self.has_targets else [])
            for bar in self.bars
        ]

    def summary(self):
        if len(self.bars) > 12:
            return _("%(n)s bars.") % {"n": number(len(self.bars))}
        return "; ".join(f"{bar.label}: {bar.shown_value()}" for bar in self.bars) + "."

    def length(self, value, room):
        """The length in pixels of a bar for `value` when the whole scale is `room` long."""
        return room * max(0, min(value, self.maximum)) / self.maximum

    def draw(self):
        x0 = scale.label_room([bar.label for bar in self.bars], self.width)
        value_room = max(text_width(bar.shown_value()) for bar in self.bars) + 16
        room = self.width - x0 - max(value_room, 48)
        bottom = TOP + ROW * len(self.bars)
        out = scale.draw_ticks(x0, room, TOP, bottom, self.maximum, self.step, formatter=self.formatter)
        for n, bar in enumerate(self.bars):
            y = TOP + n * ROW + (ROW - BAR) / 2
            out.append(f'<g class="bar" data-label={attr(bar.label)} data-value="{bar.value}">')
            out.append(f"<title>{text(self._tooltip(bar))}</title>")
            out.append(scale.label(x0, y + BAR / 2 + 4, bar.label, x0))
            if self.track:
                out.append(
                    f'<rect x="{x0:.1f}" y="{y:.1f}" width="{room:.1f}" height="{BAR}" fill="{palette.TRACK}" '
                    f'stroke="{palette.RULE}" stroke-width="0.75" class="track"/>'
                )
            length = self.length(bar.value, room)
            out.append(
                f'<rect x="{x0:.1f}" y="{y:.1f}" width="{length:.1f}" height="{BAR}" '
                f'fill="{bar.colour or palette.SERIES[0]}" class="value"/>'
            )
            end = x0 + (room if self.track else length)
            out.append(
                f'<text x="{end + 6:.1f}" y="{y + BAR / 2 + 4:.1f}" fill="{palette.TEXT}" class="value-text">'
                f"{text(bar.shown_value())}</text>"
            )
            if bar.target is not None:
                tx = x0 + self.length(bar.target, room)
                out.append(
                    f'<line x1="{tx:.1f}" y1="{y - 4:.1f}" x2="{tx:.1f}" y2="{y + BAR + 4:.1f}" '
                    f'stroke="{palette.TEXT}" stroke-width="2.5" class="target"/>'
                )
            out.append("</g>")
        height = bottom + AXIS
        if self.has_targets:
            out.append(
                f'<line x1="{x0:.1f}" y1="{height:.1f}" x2="{x0:.1f}" y2="{height + 14:.1f}" stroke="{palette.TEXT}" '
                f'stroke-width="2.5"/><text x="{x0 + 8:.1f}" y="{height + 11:.1f}" fill="{palette.MUTED}" '
                f'class="legend">{text(self.target_header)}</text>'
            )
            height += 20
        return height, out

    def _tooltip(self, bar):
        tooltip = f"{bar.label}: {bar.shown_value()}"
        if bar.target is not None:
            tooltip += f" ({self.target_header}: {bar.shown_target()})"
        return tooltip
