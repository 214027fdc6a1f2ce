"""The indicator page's chart (monitoring.charts.indicator_chart): targets and actuals per period, running totals
for a cumulative indicator, the baseline as a reference; none for an indicator in words."""

import xml.etree.ElementTree as ET
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from monitoring import progress
from monitoring.charts import indicator_chart
from monitoring.models import Aggregation, Measure
from tests.monitoring import factories as f

SVG = "{http://www.w3.org/2000/svg}"


def rows_of(indicator):
    return progress.series(indicator, list(indicator.periods.select_related("actual").order_by("start")))


def points(root, series):
    group = next(g for g in root.iter(f"{SVG}g") if g.get("data-series") == series)
    return [float(el.get("data-value")) for el in group if el.get("class") == "point"]


def test_twelve_periods_give_twelve_targets_and_actuals(partnership):
    indicator = f.IndicatorFactory(partnership=partnership, baseline_value=Decimal(20), name="Farmers trained")
    for n, period in enumerate(f.quarters(indicator, count=12, targets=[100 + 10 * i for i in range(12)])):
        f.ActualFactory(period=period, value=Decimal(95 + 10 * n))
    chart = indicator_chart(indicator, rows_of(indicator))
    root = ET.fromstring(str(chart.svg()))
    assert root.find(f"{SVG}title").text == "Farmers trained over time (farmers)"
    assert "higher is better" in root.find(f"{SVG}desc").text and "Baseline: 20." in root.find(f"{SVG}desc").text
    assert points(root, "Target") == [100 + 10 * i for i in range(12)]
    assert points(root, "Actual") == [95 + 10 * i for i in range(12)]
    assert len(chart.table().rows) == 12


def test_a_cumulative_indicator_draws_running_totals(partnership):
    indicator = f.IndicatorFactory(partnership=partnership, aggregation=Aggregation.CUMULATIVE, baseline_value=0)
    periods = f.quarters(indicator, count=3, targets=[100, 100, 100])
    f.ActualFactory(period=periods[0], value=Decimal(80))
    f.ActualFactory(period=periods[1], value=Decimal(50))
    root = ET.fromstring(str(indicator_chart(indicator, rows_of(indicator)).svg()))
    assert points(root, "Target, running total") == [100, 200, 300]
    assert points(root, "Actual, running total") == [80, 130]


def test_an_indicator_in_words_has_no_chart(partnership, client, secretariat):
    indicator = f.IndicatorFactory(partnership=partnership, measure=Measure.QUALITATIVE, baseline_value=None)
    f.quarters(indicator, count=2)
    assert indicator_chart(indicator, rows_of(indicator)) is None
    client.force_login(secretariat)
    page = client.get(reverse("monitoring:indicator", args=[partnership.pk, indicator.pk])).content.decode()
    assert "<svg" not in page.split('id="periods-table"')[0]


def test_the_indicator_page_shows_the_chart_of_the_periods_the_viewer_sees(partnership, client, donor):
    indicator = f.IndicatorFactory(partnership=partnership)
    locked, open_ = f.quarters(indicator, count=2, targets=[100, 200])
    locked.locked_at = timezone.now()
    locked.save()
    f.ActualFactory(period=locked, value=Decimal(90))
    client.force_login(donor)
    page = client.get(reverse("monitoring:indicator", args=[partnership.pk, indicator.pk])).content.decode()
    chart = page[page.index("<svg") : page.index("</svg>") + 6]
    root = ET.fromstring(chart)
    assert points(root, "Target") == [100] and points(root, "Actual") == [90]  # donors: locked periods only
    assert "The same data as a table" in page


def test_no_periods_no_chart(partnership, client, secretariat):
    indicator = f.IndicatorFactory(partnership=partnership)
    client.force_login(secretariat)
    page = client.get(reverse("monitoring:indicator", args=[partnership.pk, indicator.pk])).content.decode()
    assert "<svg" not in page and "No reporting periods yet." in page
