"""The chart every chart is: a title, a description, a table with the same data, and an SVG drawing of it.

A chart is built from data already loaded (selectors load it; a chart runs no query) with its texts already in
the active language, so the same object serves a page, a download and a PDF. `svg()` is plain SVG 1.1 with
presentation attributes only (no CSS classes needed, no script), so WeasyPrint draws it as the browser does;
every text in it is escaped, which is why it may be marked safe. The SVG is an image to assistive technology
(role="img", named by its <title> and described by its <desc>); what it shows is readable in `table()`, which
templates/partials/chart.html renders next to it.
"""

from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from django.utils import formats
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _

from . import palette
from .text import FONT, FONT_SIZE

WIDTH = 960


def number(value, decimals=None) -> str:
    """`value` written as the active language writes numbers (1,234.5 / 1 234,5 / 1.234,5)."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    return formats.number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def percent(value, decimals=0) -> str:
    """`value` (already in percent) with the percent sign placed as the active language places it."""
    return _("%(number)s%%") % {"number": number(value, decimals)}


def attr(value) -> str:
    """An attribute value, quoted and escaped."""
    return quoteattr(str(value))


def text(value) -> str:
    return escape(str(value))


@dataclass
class Table:
    """The chart's data as a table: a caption, column headers, and rows whose first cell names the row."""

    caption: str
    headers: list
    rows: list = field(default_factory=list)


@dataclass(frozen=True)
class Drawn:
    """A chart drawn once (`Chart.drawn()`): what templates/partials/chart.html reads, computed, for a chart of
    records that never change, kept to be shown again."""

    id: str
    svg: str
    is_empty: bool
    table: Table


class Chart:
    """A chart: subclasses give `headers()`, `rows()` and `draw()`, and may add to `summary()`.

    `chart_id` makes the ids inside the SVG unique on a page (its <title> is `<chart_id>-title`); it defaults to the
    title's slug, so give one when a page shows two charts of the same title.
    """

    css_class = ""
    width = WIDTH

    def __init__(self, *, title, description="", chart_id=None, empty_text=None):
        self.title = str(title)
        self.description = str(description)
        self.id = chart_id or "chart-" + (slugify(self.title)[:40] or "untitled")
        self.empty_text = str(empty_text) if empty_text else _("There is nothing to show in this chart yet.")

    # What subclasses provide.
    def headers(self) -> list:
        raise NotImplementedError

    def rows(self) -> list:
        raise NotImplementedError

    def draw(self):
        """(height, [SVG markup]) of the chart's body, `width` wide; only called when there is data."""
        raise NotImplementedError

    def summary(self) -> str:
        """What the <desc> says after the description: the gist a reader would take from the drawing."""
        return ""

    def is_empty(self) -> bool:
        return not self.rows()

    # What templates and views use.
    def table(self) -> Table:
        return Table(caption=self.title, headers=[str(h) for h in self.headers()], rows=self.rows())

    def svg(self):
        """The chart as an <svg> element (safe markup: every text in it is escaped).

        It keeps its width and height (a downloaded file has a size); the class msp-chart-svg (static/css/msp.css,
        and the PDFs' own `.chart svg` rule) shrinks it to fit narrower boxes. No style= attribute: the
        Content-Security-Policy refuses inline styles. With `max-width:100%` alone WeasyPrint shrinks the drawing
        but keeps the box's height, leaving a gap: hence width:100% and height:auto.
        """
        if self.is_empty():
            height, body, summary = 72, self._draw_empty(), self.empty_text
        else:
            (height, body), summary = self.draw(), self.summary()
        desc = " ".join(part for part in (self.description, summary) if part)
        return mark_safe(
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.width} {height:.0f}" width="{self.width}" '
            f'height="{height:.0f}" role="img" aria-labelledby="{self.id}-title {self.id}-desc" font-family="{FONT}" '
            f'font-size="{FONT_SIZE}" '
            f'class="msp-chart-svg {self.css_class}" data-chart="{self.id}">'
            f'<title id="{self.id}-title">{text(self.title)}</title><desc id="{self.id}-desc">{text(desc)}</desc>'
            + "".join(body)
            + "</svg>"
        )

    def __html__(self):
        return self.svg()

    def drawn(self) -> Drawn:
        return Drawn(self.id, self.svg(), self.is_empty(), self.table())

    def _draw_empty(self):
        return [
            f'<rect x="1" y="1" width="{self.width - 2}" height="70" fill="{palette.BACKGROUND}" '
            f'stroke="{palette.RULE}" stroke-dasharray="6 4"/>'
            f'<text x="{self.width / 2:.0f}" y="41" text-anchor="middle" fill="{palette.MUTED}" class="empty">'
            f"{text(self.empty_text)}</text>"
        ]
