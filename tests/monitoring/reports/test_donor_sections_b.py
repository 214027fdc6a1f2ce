"""The donor report's results, finances, risks and context, lessons and capacity gaps, and next-period sections:
what a donor reads in each (the section's HTML as the report renders it)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from governance import resources, services
from governance.models import Decision, ExchangeRate, Milestone
from monitoring.models import Breakdown, ReportKind
from monitoring.reports import donor, jobs
from monitoring.reports.sections import learning, results
from msp.codelists import Currency
from tests.factories import MembershipFactory, OrganisationFactory
from tests.monitoring import factories as f

pytestmark = pytest.mark.django_db

START, END = dt.date(2025, 1, 1), dt.date(2025, 6, 30)
LOCKED = dt.datetime(2025, 7, 20, tzinfo=dt.UTC)


def _ctx(partnership, start=START, end=END):
    report = jobs.report_request(
        kind=ReportKind.DONOR, period_start=start, period_end=end, language="en", partnership=partnership
    )
    return donor.ReportContext(report)


def _html(key, ctx, language="en"):
    section = next(s for s in donor.SECTIONS if s.key == key)
    with translation.override(language):
        return " ".join(render_to_string(section.template, {**section.collect(ctx), "ctx": ctx}).split())


def _lock(*periods):
    for period in periods:
        period.locked_at = LOCKED
        period.save()


# Results against plan


def test_an_indicator_shows_its_latest_checked_period_in_the_report_period_with_its_breakdown(partnership):
    farmers = f.IndicatorFactory(
        partnership=partnership, name="Farmers trained", baseline_value=Decimal(120), unit_label="farmers"
    )
    q1, q2, q3 = f.quarters(farmers, count=3, targets=[200, 300, 400])
    _lock(q1, q2)  # q3 is still open: donors do not see it
    f.ActualFactory(period=q1, value=Decimal(180))
    actual = f.ActualFactory(period=q2, value=Decimal(1250))
    f.ActualFactory(period=q3, value=Decimal(999))
    sex = f.DimensionFactory(partnership=partnership, name="Sex")
    region = f.DimensionFactory(partnership=partnership, name="Region", position=1)
    for dimension, values in ((sex, {"Female": 700, "Male": 550}), (region, {"North": 1000, "South": 250})):
        for name, value in values.items():
            category = f.CategoryFactory(dimension=dimension, name=name)
            Breakdown.objects.create(actual=actual, category=category, value=Decimal(value))

    html = _html("results", _ctx(partnership))

    assert "Farmers trained" in html
    assert '<td class="num">120</td> <td class="num">300</td> <td class="num">1,250</td>' in html
    assert "Sex:</span> Female 700 · Male 550" in html and "Region:</span> North 1,000 · South 250" in html
    assert "999" not in html and "180" not in html.split("Indicators")[1].split("Progress")[0]
    assert "On track" in html  # progress (1250 - 120) / (300 - 120): far beyond the target


def test_lights_are_in_words_and_an_indicator_without_checked_data_says_so(partnership):
    behind = f.IndicatorFactory(partnership=partnership, name="Wells dug", baseline_value=Decimal(0))
    (q1,) = f.quarters(behind, count=1, targets=[100])
    _lock(q1)
    f.ActualFactory(period=q1, value=Decimal(10))
    f.IndicatorFactory(partnership=partnership, name="Schools built")
    stories = f.IndicatorFactory(
        partnership=partnership, name="Stories of change", measure="5", baseline_value=None, baseline_text="None yet"
    )
    (s1,) = f.quarters(stories, count=1)
    s1.target_text = "Ten stories"
    _lock(s1)
    f.ActualFactory(period=s1, value=None, text="Four stories", light="amber", light_note="Late start.")

    html = _html("results", _ctx(partnership))

    assert '<span class="light red">Off track</span>' in html
    assert '<span class="light amber">At risk</span>' in html
    assert "None yet" in html and "Ten stories" in html and "Four stories" in html
    assert html.count("No checked data") == 1
    assert "2 indicators have checked data for the period." in html


def test_a_cumulative_indicator_compares_running_totals_and_shows_the_periods_own_value(partnership):
    hectares = f.IndicatorFactory(
        partnership=partnership, name="Hectares", baseline_value=Decimal(50), aggregation="cumulative"
    )
    q1, q2 = f.quarters(hectares, count=2, targets=[100, 100])
    _lock(q1, q2)
    f.ActualFactory(period=q1, value=Decimal(90))
    f.ActualFactory(period=q2, value=Decimal(60))

    html = _html("results", _ctx(partnership))

    # target 50 + 100 + 100, actual 50 + 90 + 60
    assert '<td class="num">50</td> <td class="num">250<span class="sub">running total</span></td>' in html
    assert '<td class="num">200<span class="sub">60 in the period</span></td>' in html


def test_the_results_chain_lists_each_result_with_the_indicators_that_measure_it(partnership):
    impact = f.node(partnership, level="impact", title="Farm families live well")
    outcome = f.node(partnership, level="outcome", title="Yields rise")
    outcome.parent = impact
    outcome.save()
    f.node(partnership, level="activity", title="Buy seedlings")
    f.IndicatorFactory(partnership=partnership, name="Yield per hectare", result_node_key=outcome.key)

    html = _html("results", _ctx(partnership))

    chain = html.split("Results chain")[1].split("Indicators")[0]
    assert chain.index("Farm families live well") < chain.index("Yields rise") < chain.index("Yield per hectare")
    assert 'class="depth-1"' in chain and "Measured by: Yield per hectare" in chain
    assert "Buy seedlings" not in chain  # activities are the workplan's, not results


def test_charts_are_drawn_for_the_numeric_indicators_with_checked_data_at_most_six(partnership):
    for n in range(8):
        indicator = f.IndicatorFactory(partnership=partnership, name=f"Numeric {n}")
        (q1,) = f.quarters(indicator, count=1)
        _lock(q1)
        f.ActualFactory(period=q1)
    f.IndicatorFactory(partnership=partnership, name="No data")

    data = results.collect(_ctx(partnership))

    assert [chart.title for chart in data["charts"]] == [f"Numeric {n} over time (farmers)" for n in range(6)]
    assert len({chart.id for chart in data["charts"]}) == 6  # unique ids in one document
    assert all('role="img"' in chart.svg() for chart in data["charts"])


def test_milestones_due_in_the_period_say_whether_they_were_done_or_are_overdue(partnership):
    version = f.node(partnership).version
    org = OrganisationFactory(name="Agro Co")

    def milestone(title, due, **fields):
        return Milestone.objects.create(version=version, title=title, due_on=due, owner=org, **fields)

    milestone("Pilot done on time", dt.date(2025, 3, 31), status="done", done_on=dt.date(2025, 3, 20))
    milestone("Pilot done late", dt.date(2025, 3, 31), status="done", done_on=dt.date(2025, 5, 2))
    milestone("Nursery overdue", dt.date(2025, 4, 30), status="in_progress")
    milestone("Left over from last year", dt.date(2024, 11, 30), status="delayed")
    milestone("Finished last year", dt.date(2024, 10, 31), status="done", done_on=dt.date(2024, 10, 1))
    milestone("Due next year", dt.date(2026, 3, 31))

    html = _html("results", _ctx(partnership))
    table = html.split("<h3>Milestones</h3>")[1]

    assert "Pilot done on time" in table and "Done on 20 Mar 2025" in table
    assert 'Done on 2 May 2025</span><span class="sub">after its due date' in table
    assert table.count("Overdue") == 2  # the nursery, and last year's left-over
    assert "Finished last year" not in table and "Due next year" not in table


# Finances


@pytest.fixture
def funded(partnership, secretariat):
    """USD reporting; 900 EUR and 100 USD committed in cash by two funders, one in-kind commitment."""
    partnership.currency_id = "USD"
    partnership.save()
    ExchangeRate.objects.create(base_id="EUR", quote_id="USD", date=dt.date(2024, 1, 1), rate=Decimal("1.1"))
    for name, amount, currency, kind in (
        ("Big Funder", 900, "EUR", "cash"),
        ("Small Funder", 100, "USD", "cash"),
        ("Office Lender", 50, "USD", "facilities"),
    ):
        organisation = OrganisationFactory(name=name)
        MembershipFactory(partnership=partnership, organisation=organisation)
        services.commitment_save(
            partnership=partnership, by=secretariat, organisation=organisation, type=kind, description=name,
            value=Decimal(amount), currency=Currency.objects.get(pk=currency), starts_on=dt.date(2025, 1, 1),
            ends_on=dt.date(2025, 12, 31), no_expectations=True,
        )  # fmt: skip
    line = services.budget_line_save(
        partnership=partnership, by=secretariat, category="activities", description="Seedlings", year=2025,
        amount=2000, currency="USD",
    )  # fmt: skip
    services.transaction_save(
        partnership=partnership, by=secretariat, type="4", date=dt.date(2025, 3, 1), amount=500, currency="USD",
        budget_line=line,
    )  # fmt: skip
    return partnership


def test_finances_show_the_resources_figures_in_the_reporting_currency(funded):
    figures = resources.for_partnership(funded)
    html = _html("finances", _ctx(funded))

    assert "USD 2,000.00" in html  # planned
    assert "USD 1,140.00" in html  # committed: 900 EUR at 1.1, 100 USD, the in-kind 50 USD
    assert "USD 500.00" in html  # spent
    assert "25%" in html  # of the activities' plan, spent
    assert figures.concentration.largest == Decimal(990) / Decimal(1090)
    assert '<span class="share">91%</span> of the committed cash comes from the largest source.' in html
    assert "more than 50%: the partnership depends on a single funder" in html
    assert "1 EUR = 1.1 USD" in html  # the rate used is named


@pytest.mark.parametrize(
    "language, planned, words",
    [
        ("fr", "USD 2 000,00", "des fonds engagés en espèces proviennent de la principale source."),
        ("de", "USD 2.000,00", "der zugesagten Barmittel stammen von der größten Quelle."),
    ],
)
def test_a_report_in_french_or_german_writes_its_words_and_money_that_way(funded, language, planned, words):
    html = _html("finances", _ctx(funded), language)  # French groups digits with a no-break space: made plain
    assert planned in html
    assert words in html


def test_finances_number_the_sources_without_naming_the_funders(funded):
    html = _html("finances", _ctx(funded))

    assert "Source 1" in html and "Source 2" in html and "Source 3" in html
    for name in ("Big Funder", "Small Funder", "Office Lender"):
        assert name not in html


def test_finances_say_so_when_nothing_is_recorded(partnership):
    html = _html("finances", _ctx(partnership))
    assert "No budget, commitments or transactions have been recorded yet." in html


# Risks and context, lessons and capacity gaps


def test_risks_list_the_open_and_materialised_ones_most_serious_first_with_the_context(partnership):
    owner = OrganisationFactory(name="Water Board")
    f.RiskFactory(partnership=partnership, title="Drought", likelihood=2, impact=3, owner=owner, mitigation="Tanks.")
    f.RiskFactory(partnership=partnership, title="Floods", likelihood=5, impact=5)
    f.RiskFactory(partnership=partnership, title="Strike", status="materialised", materialised_on=dt.date(2025, 2, 1))
    f.RiskFactory(partnership=partnership, title="Old worry", status="closed")
    f.ContextAnalysisFactory(partnership=partnership, summary="Old view.", analysed_on=dt.date(2024, 1, 1))
    f.ContextAnalysisFactory(partnership=partnership, summary="Current view.", analysed_on=dt.date(2025, 2, 1))
    f.ContextAnalysisFactory(partnership=partnership, summary="After the period.", analysed_on=dt.date(2025, 9, 1))
    f.RelatedInitiativeFactory(partnership=partnership, name="Rival Scheme", kind="competing")

    html = _html("risks", _ctx(partnership))

    assert html.index("Strike") < html.index("Floods") < html.index("Drought")
    assert "Materialised on 1 Feb 2025" in html and "Tanks." in html and "Water Board" in html
    assert "Old worry" not in html and "1 further risk is closed." in html
    assert "Current view." in html and "Old view." not in html and "After the period." not in html
    assert "Rival Scheme" in html and "Competing" in html


def test_lessons_of_the_period_and_every_capacity_gap_with_its_status(partnership):
    f.LessonFactory(partnership=partnership, title="Rain stops visits", learned_on=dt.date(2025, 4, 2))
    f.LessonFactory(partnership=partnership, title="An old lesson", learned_on=dt.date(2024, 4, 2))
    union = OrganisationFactory(name="Farmers' Union")
    f.CapacityGapFactory(partnership=partnership, organisation=union, status="closed", description="No accountant.")
    f.CapacityGapFactory(partnership=partnership, organisation=union, description="No GIS skills.", measure="Training.")

    html = _html("lessons", _ctx(partnership))

    assert "Rain stops visits" in html and "Plan visits for the dry months." in html
    assert "An old lesson" not in html
    assert html.index("No GIS skills.") < html.index("No accountant.")  # open gaps first
    assert "Training." in html and "Open" in html and "Closed" in html


def test_without_records_the_sections_say_so(partnership):
    ctx = _ctx(partnership)
    assert "No open risks are recorded." in _html("risks", ctx)
    assert "No context analysis has been recorded yet." in _html("risks", ctx)
    assert "No lessons were recorded in this period." in _html("lessons", ctx)
    assert "No capacity gaps are recorded." in _html("lessons", ctx)
    assert "No decisions are waiting." in _html("next", ctx)


# Next period


@pytest.mark.parametrize(
    "start, end, following",
    [
        ((2025, 1, 1), (2025, 3, 31), ((2025, 4, 1), (2025, 6, 30))),
        ((2025, 1, 1), (2025, 6, 30), ((2025, 7, 1), (2025, 12, 31))),
        ((2025, 7, 1), (2025, 12, 31), ((2026, 1, 1), (2026, 6, 30))),
        ((2025, 1, 1), (2025, 12, 31), ((2026, 1, 1), (2026, 12, 31))),
        ((2025, 11, 1), (2026, 2, 28), ((2026, 3, 1), (2026, 6, 30))),
        ((2025, 1, 10), (2025, 1, 19), ((2025, 1, 20), (2025, 1, 29))),  # not whole months: as many days
    ],
)
def test_the_next_period_has_the_same_length(start, end, following):
    assert learning.next_period(dt.date(*start), dt.date(*end)) == (dt.date(*following[0]), dt.date(*following[1]))


def test_the_next_period_lists_milestones_indicator_data_due_and_open_decisions(partnership):
    indicator = f.IndicatorFactory(partnership=partnership, name="Wells dug")
    f.quarters(indicator, count=4, targets=[10, 20, 30, 40])  # Q3 and Q4 fall in the next half-year
    version = f.node(partnership).version
    Milestone.objects.create(version=version, title="Second nursery", due_on=dt.date(2025, 9, 30))
    Milestone.objects.create(version=version, title="Late report", due_on=dt.date(2025, 5, 31), status="delayed")
    Milestone.objects.create(version=version, title="Far away", due_on=dt.date(2026, 9, 30))
    Decision.objects.create(partnership=partnership, title="Admit the cooperative", status="open")
    Decision.objects.create(
        partnership=partnership, title="Raise the fee", status="decided", outcome="deferred", decided_on=END
    )
    Decision.objects.create(
        partnership=partnership, title="Adopt the budget", status="decided", outcome="adopted", decided_on=END
    )

    html = _html("next", _ctx(partnership))

    assert "The next period runs from 1 Jul 2025 to 31 Dec 2025." in html
    assert "Second nursery" in html and "Late report" in html and "late, carried over" in html
    assert "Far away" not in html
    due = html.split("Indicator data due")[1].split("Open decisions")[0]
    assert due.count("Wells dug") == 2 and "30 farmers" in due and "40 farmers" in due and "20 farmers" not in due
    assert "Admit the cooperative" in html and "Raise the fee" in html and "Deferred" in html
    assert "Adopt the budget" not in html
