"""Charts drawn on the server as SVG, for pages and PDFs alike (WeasyPrint renders inline SVG).

Every chart has a title, a description and a table with the same data (`Chart` in base.py); a template shows one
with `{% include "partials/chart.html" with chart=chart %}`, which renders the SVG and its table. The kinds:

- `GridChart` (grid.py): named points in a grid of scores over regions; the power/interest grid.
- `HorizontalBarChart` (bars.py): one bar per item, optionally with a target and a track; positions on a
  decision, indicator progress.
- `LineChart` (lines.py): lines over a series of periods, with reference levels; an indicator's targets and
  actual values over time, with its baseline.
- `MultiBarChart` (multi.py): several series per category, grouped or stacked; budget against committed and
  spent, checklist health per area.

Callers pass texts already translated (gettext, in the active language); numbers are written by `number()` and
`percent()` as the active language writes them. Colours and fill patterns come from palette.py.
"""

from .bars import Bar, HorizontalBarChart
from .base import Chart, Table, number, percent
from .grid import GridChart, Point, Region
from .lines import Line, LineChart, Reference
from .multi import MultiBarChart, Series

__all__ = [
    "Bar",
    "Chart",
    "GridChart",
    "HorizontalBarChart",
    "Line",
    "LineChart",
    "MultiBarChart",
    "Point",
    "Reference",
    "Region",
    "Series",
    "Table",
    "number",
    "percent",
]
