"""Acceptance 1: the donor report of the biggest demo partnership, made by the report job, as a reader sees it
(pdftotext): the partnership, the period, every section heading, an indicator's baseline, target and actual with
its disaggregation, the funding concentration, and page numbers. The pages are rendered (pdftoppm) and kept in
test-artifacts/reports/donor/ to be looked at."""

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.db import transaction
from django.db.models import Count
from django.test import override_settings
from django.utils import translation
from django.utils.formats import date_format

from governance import resources
from governance.templatetags.governance_tags import percentage
from monitoring.models import Period, ReportKind, ReportStatus
from monitoring.reports import donor, jobs
from monitoring.templatetags.monitoring_tags import measurement
from msp.models import Partnership

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (pdftotext, pdftoppm, pdfinfo)"),
]

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "reports" / "donor"
# The demo locks its quarters through March 2026: a half-year of checked data.
START, END = dt.date(2025, 10, 1), dt.date(2026, 3, 31)


def _flat(text):
    return " ".join(text.split())


@pytest.fixture(scope="module")
def made(shared_demo, django_db_blocker, tmp_path_factory):
    """The demo's report is made once for the module, in a savepoint rolled back at the end, as each test's own
    would be."""
    tmp_path = tmp_path_factory.mktemp("donor-report")
    with django_db_blocker.unblock(), override_settings(PRIVATE_MEDIA_ROOT=tmp_path / "private"):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield _make(tmp_path)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _make(tmp_path):
    """(partnership, report, text, layout text, pages) of the donor report of the demo partnership with the most
    indicators and members, in English."""
    partnership = (
        Partnership.objects.annotate(
            indicators_n=Count("indicators", distinct=True), roles_n=Count("roles", distinct=True)
        )
        .order_by("-indicators_n", "-roles_n")
        .first()
    )
    report = jobs.report_request(
        kind=ReportKind.DONOR, period_start=START, period_end=END, language="en", partnership=partnership
    )
    report = jobs.report_generate(report.pk)
    assert report.status == ReportStatus.DONE, report.error
    pdf = tmp_path / "donor.pdf"
    pdf.write_bytes(report.document.read())
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    layout = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    # Kept for people to look at: the pages as images, and the PDF itself.
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    shutil.copy(pdf, ARTIFACTS / "donor-report.pdf")
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(ARTIFACTS / "page")], check=True)
    return partnership, report, text, layout.stdout, pages


def test_the_donor_report_names_the_partnership_period_and_every_section(made):
    partnership, report, text, _layout, pages = made
    flat = _flat(text)
    assert partnership.name == "Sustainable Cocoa Partnership Ghana & Côte d'Ivoire"
    assert partnership.name in flat
    with translation.override("en"):
        period = f"{date_format(START, 'DATE_FORMAT')} – {date_format(END, 'DATE_FORMAT')}"
        assert period in flat
        for section in donor.SECTIONS:
            # once in the table of contents, once as the section's heading
            assert flat.count(str(section.title)) >= 2, section.title
    assert f"Page 2 / {pages}" in flat and f"Page {pages} / {pages}" in flat
    assert pages >= len(donor.SECTIONS) + 2  # cover, contents, a page per section at least
    assert len(list(ARTIFACTS.glob("page-*.png"))) == pages


def test_an_indicator_shows_baseline_target_actual_and_its_breakdown(made):
    partnership, _report, text, layout, _pages = made
    # The demo's child-labour indicator: checked data for the quarter ending 31 March 2026, broken down by sex.
    period = (
        Period.objects.filter(
            indicator__partnership=partnership,
            indicator__name__startswith="Children in child labour",
            end=END,
            locked_at__isnull=False,
        )
        .select_related("indicator", "actual")
        .get()
    )
    indicator, actual = period.indicator, period.actual
    with translation.override("en"):
        baseline, target, value = (
            measurement(v) for v in (indicator.baseline_value, period.target_value, actual.value)
        )
        shares = {b.category.name: measurement(b.value) for b in actual.breakdown.select_related("category")}
    assert (baseline, target, value) == ("1,240", "775", "761")
    row = next(line for line in layout.splitlines() if line.strip().startswith("Children in child labour"))
    assert re.search(rf"{baseline}\s+{target}\s+{value}\s+Sex: Female {shares['Female']}", row), row
    flat = _flat(text)
    assert f"Male {shares['Male']}" in flat and f"Nawa {shares['Nawa']}" in flat
    assert "On track" in flat and "Off track" in flat  # lights in words, not only colours


def test_the_funding_concentration_is_the_resources_pages_figure(made):
    partnership, _report, text, _layout, _pages = made
    concentration = resources.for_partnership(partnership).concentration
    with translation.override("en"):
        share = percentage(concentration.largest)
    assert share == "80%"
    flat = _flat(text)
    assert f"Funding concentration {share} of the committed cash comes from the largest source." in flat
    assert "EUR 1,030,544.90" in flat  # committed, in the reporting currency
