"""What the bar charts share: the column of labels on the left, the value scale, and its ticks along the bottom."""

import math

from . import palette
from .base import attr, number, text
from .text import fit, text_width

LABEL_GAP = 10
MAX_LABEL_SHARE = 0.35  # of the chart's width; longer labels are cut (the table has them whole)


def label_room(labels, width, *, bold=False) -> float:
    """Width of the label column: the widest label, up to MAX_LABEL_SHARE of the chart."""
    widest = max((text_width(str(label), bold=bold) for label in labels), default=0)
    return min(widest + LABEL_GAP + 4, width * MAX_LABEL_SHARE)


def label(x, y, value, room, *, bold=False):
    """A label ending at `x` (right-aligned against its bar), cut to `room`, the whole text in its <title>."""
    shown = fit(str(value), room=room - LABEL_GAP - 4, bold=bold)
    weight = ' font-weight="bold"' if bold else ""
    tooltip = f"<title>{text(value)}</title>" if shown != str(value) else ""
    return (
        f'<text x="{x - LABEL_GAP:.1f}" y="{y:.1f}" text-anchor="end" fill="{palette.TEXT}"{weight} class="label">'
        f"{tooltip}{text(shown)}</text>"
    )


def nice_step(value) -> float:
    """`value` rounded up to 1, 2 or 5 times a power of ten."""
    magnitude = 10 ** math.floor(math.log10(value))
    return next(step * magnitude for step in (1, 2, 5, 10) if step * magnitude >= value)


def nice_scale(value, *, steps=4):
    """(maximum, step) of a scale from 0 that reaches `value` in about `steps` round steps (whole numbers when
    `value` is a whole number: counts get no 2.5 tick)."""
    if value <= 0:
        return 1, 1
    step = nice_step(value / steps)
    if float(value).is_integer():
        step = max(step, 1)
    return step * math.ceil(value / step - 1e-9), step


def ticks(maximum, step):
    """Tick values from 0 up to `maximum`, `step` apart."""
    return [step * n for n in range(math.floor(maximum / step + 1e-9) + 1)]


def ticks_between(low, high, step):
    """Tick values from `low` up to `high`, `step` apart (`low` a multiple of `step`)."""
    return [low + step * n for n in range(math.floor((high - low) / step + 1e-9) + 1)]


def draw_ticks(x0, length, top, bottom, maximum, step, *, formatter=number):
    """Light vertical guides across the plot at each tick, and the tick values under it."""
    out = []
    for value in ticks(maximum, step):
        x = x0 + length * value / maximum
        out.append(
            f'<line x1="{x:.1f}" y1="{top:.1f}" x2="{x:.1f}" y2="{bottom:.1f}" stroke="#d5dadf" stroke-width="1"/>'
            f'<text x="{x:.1f}" y="{bottom + 15:.1f}" text-anchor="middle" fill="{palette.MUTED}" font-size="11" '
            f'class="tick">{text(formatter(value))}</text>'
        )
    out.append(
        f'<line x1="{x0:.1f}" y1="{top:.1f}" x2="{x0:.1f}" y2="{bottom:.1f}" stroke="{palette.RULE}" '
        f'stroke-width="1.5"/>'
    )
    return out


def legend(items, x0, y, width):
    """Swatches and names in a row that wraps: items are (name, fill) or (name, fill, extra markup).

    Returns (height, markup). A fill may be a pattern (`url(#...)`); every swatch has a dark outline, so it shows
    on white whatever its colour.
    """
    out, x, line = [], x0, 0
    for name, fill in items:
        needed = 18 + text_width(str(name)) + 18
        if x > x0 and x + needed > x0 + width:
            x, line = x0, line + 1
        top = y + line * 20
        out.append(
            f'<rect x="{x:.1f}" y="{top:.1f}" width="12" height="12" fill={attr(fill)} stroke="{palette.TEXT}" '
            f'stroke-width="0.75"/><text x="{x + 18:.1f}" y="{top + 10:.1f}" fill="{palette.MUTED}" '
            f'class="legend">{text(name)}</text>'
        )
        x += needed
    return (line + 1) * 20 if items else 0, out
