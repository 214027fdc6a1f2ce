"""Colours and fill patterns the charts share, chosen for contrast and for colour-blind readers.

WCAG 2.1 asks 3:1 for graphical objects against what surrounds them (1.4.11) and 4.5:1 for text (1.4.3). The
series colours are the darker members of Okabe-Ito's colour-blind-safe set, each at least 4.5:1 on white; the text
colours at least 4.5:1 on white and on the light fills. Colour never carries meaning alone: bars are labelled,
series also differ by pattern (PATTERNS), and every chart comes with its table.
"""

BACKGROUND = "#ffffff"
TEXT = "#1f2a33"  # names, values
MUTED = "#3d4a55"  # axis ticks, legends
HEADING = "#1b4d5c"  # axis names
RULE = "#7a8690"  # axes, frames, targets
TRACK = "#eef0f2"  # the empty part of a progress bar

# Okabe-Ito's blue, and its vermilion, bluish green and reddish purple darkened, then a slate grey: each at least
# 4.5:1 on white, so a value written in the series colour is legible too (tests/msp/test_charts.py checks).
SERIES = ["#0072B2", "#C14F00", "#007A5A", "#A4497F", "#4D5965"]

# How successive series are told apart besides colour: solid, diagonal hatching, dots, cross-hatching, stripes.
PATTERNS = ["solid", "hatch", "dots", "cross", "stripes"]


def _channel(value):
    value /= 255
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour) -> float:
    """Relative luminance of a #rrggbb colour (WCAG 2.1)."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast(one, other) -> float:
    """The WCAG contrast ratio of two #rrggbb colours, 1 to 21."""
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def pattern_defs(chart_id, colours):
    """<defs> with one fill pattern per series colour: `url(#<chart_id>-fill-<n>)` fills series n."""
    out = ["<defs>"]
    for n, colour in enumerate(colours):
        kind = PATTERNS[n % len(PATTERNS)]
        pid = f"{chart_id}-fill-{n}"
        if kind == "solid":
            marks = ""
        elif kind == "hatch":
            marks = '<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#ffffff" stroke-width="1.6"/>'
        elif kind == "dots":
            marks = '<circle cx="4" cy="4" r="1.6" fill="#ffffff"/>'
        elif kind == "cross":
            marks = '<path d="M0,0 l8,8 M8,0 l-8,8" stroke="#ffffff" stroke-width="1.2"/>'
        else:
            marks = '<path d="M0,2 h8 M0,6 h8" stroke="#ffffff" stroke-width="1.4"/>'
        out.append(
            f'<pattern id="{pid}" patternUnits="userSpaceOnUse" width="8" height="8">'
            f'<rect width="8" height="8" fill="{colour}"/>{marks}</pattern>'
        )
    out.append("</defs>")
    return "".join(out)
