"""A chart in a PDF: WeasyPrint draws the inline SVG (its texts are real text in the file) and the table under it."""

import shutil
import subprocess

import pytest
from django.template import Context, Template

from msp.charts import Bar, HorizontalBarChart, MultiBarChart, Series
from msp.pdf import PdfUnavailable, render_pdf

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (pdftotext)")

PAGE = Template(
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title>'
    # as in the reports' stylesheets: a chart's SVG has no style attribute (the CSP), the page's CSS fits it in
    "<style>.msp-chart-svg { width: 100%; height: auto; }</style></head><body>"
    "<h1>{{ title }}</h1>{% for chart in charts %}"
    '{% include "partials/chart.html" with chart=chart table_visible=True %}{% endfor %}</body></html>'
)


def pdf_text(tmp_path, **context):
    try:
        pdf = render_pdf(PAGE.render(Context(context)))
    except PdfUnavailable as exc:  # pragma: no cover - the suite's machines have WeasyPrint
        pytest.skip(str(exc))
    path = tmp_path / "chart.pdf"
    path.write_bytes(pdf)
    return " ".join(
        subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split()
    )


def test_svg_charts_render_in_the_pdf(tmp_path):
    bars = HorizontalBarChart(
        title="Positions on the budget decision",
        bars=[Bar("Support", 7), Bar("Blockade", 1, target=3)],
        label_header="Position",
        value_header="Organisations",
    )
    grouped = MultiBarChart(
        title="Budget and spending",
        categories=["Staffing"],
        series=[Series("Planned", [1200]), Series("Disbursed", [300])],
        category_header="Category",
    )
    text = pdf_text(tmp_path, title="Annual report", charts=[bars, grouped])
    assert "Annual report" in text
    # the table's caption is the chart's title; the labels, the legend and the values are drawn by the SVG
    assert text.count("Positions on the budget decision") == 1 and text.count("Budget and spending") == 1
    assert text.count("Blockade") == 2 and text.count("Planned") == 2 and text.count("1,200") >= 2
