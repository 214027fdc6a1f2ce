"""The public report (acceptance 2): the photo is in the PDF only when consent is recorded; the key results are in
plain numbers against their targets; the cocoa demo's report tells its story, and its pages are kept as
test-artifacts/reports/public-*.png to be looked at. The report reads a fixed number of queries whatever the size
of the partnership."""

import datetime as dt
import io
import subprocess
import tempfile
from decimal import Decimal
from pathlib import Path

import pikepdf
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from monitoring.models import Aggregation, PublicStory, Report, ReportKind
from monitoring.reports import jobs, public
from msp.demo import PARTNERSHIPS
from msp.models import Partnership
from tests.factories import MembershipFactory, OrganisationFactory
from tests.monitoring import factories as f
from tests.monitoring.reports.stories import story_with_photo

pytestmark = pytest.mark.django_db

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "reports"
START, END = dt.date(2025, 1, 1), dt.date(2025, 12, 31)


@pytest.fixture(autouse=True)
def private_media(request, settings, tmp_path):
    if "shared_demo" not in request.fixturenames:  # the shared demo's photo is where it was loaded
        settings.PRIVATE_MEDIA_ROOT = tmp_path


def _made(partnership, user, *, language="en", start=START, end=END) -> Report:
    report = jobs.report_request(
        kind=ReportKind.PUBLIC, period_start=start, period_end=end, language=language, by=user, partnership=partnership
    )
    return jobs.report_generate(report.pk)


def _images(pdf: bytes) -> list[str]:
    """The images drawn on the pages (pdfimages -list: one line per image shown, after two header lines)."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        listing = subprocess.run(["pdfimages", "-list", handle.name], capture_output=True, check=True).stdout
    return listing.decode().splitlines()[2:]


def _text(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def _trained(partnership):
    """A cumulative indicator: 1,240 farmers trained so far against a target of 1,500 (the key result's words)."""
    indicator = f.IndicatorFactory(
        partnership=partnership,
        name="Farmers trained",
        unit_label="farmers",
        baseline_value=Decimal(0),
        aggregation=Aggregation.CUMULATIVE,
    )
    first, second = f.quarters(indicator, year=2025, count=2, targets=[Decimal(700), Decimal(800)])
    for period, value in ((first, 600), (second, 640)):
        f.ActualFactory(period=period, value=Decimal(value))
        period.locked_at = dt.datetime(2025, 7, 15, tzinfo=dt.UTC)
        period.save()
    return indicator


def _story(partnership, *, consent):
    results = [_trained(partnership)] + [f.IndicatorFactory(partnership=partnership) for _ in range(2)]
    return story_with_photo(partnership, consent=consent, key_results=results)


def test_the_photo_is_left_out_without_consent(partnership, secretariat):
    _story(partnership, consent=False)
    pdf = _made(partnership, secretariat).document.read()
    assert _images(pdf) == []
    assert "Ama standing in her cocoa field" not in _text(pdf)  # nor its caption


def test_the_photo_is_in_with_consent_and_described(partnership, secretariat):
    _story(partnership, consent=True)
    pdf = _made(partnership, secretariat).document.read()
    assert len(_images(pdf)) == 1
    assert "Ama standing in her cocoa field" in _text(pdf)
    with pikepdf.open(io.BytesIO(pdf)) as document:
        figures = [e for e in _elements(document.Root.StructTreeRoot) if e.get("/S") == "/Figure"]
        assert [str(e.get("/Alt")) for e in figures] == ["Ama standing in her cocoa field"]


def _elements(node):
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from _elements(kid)


def test_key_results_are_in_plain_numbers_against_their_target(partnership, secretariat):
    _story(partnership, consent=True)
    report = _made(partnership, secretariat)
    text = " ".join(_text(report.document.read()).split())
    assert "Farmers trained" in text
    assert "1,240 farmers" in text
    assert "By 30 Jun 2025 · target 1,500" in text  # the target of the period the figure is for
    assert "A harvest that doubled" in text and "We sell together now." in text
    assert "1,240 farmers – Farmers trained (target 1,500)" in report.summary
    assert report.summary.startswith("A harvest that doubled.")


def test_a_french_report_writes_numbers_the_french_way(partnership, secretariat):
    _story(partnership, consent=False)
    text = " ".join(_text(_made(partnership, secretariat, language="fr").document.read()).split())
    assert "1 240 farmers" in text.replace("\u202f", " ").replace("\xa0", " ")
    assert "Pourquoi c’est important" in text or "Pourquoi c'est important" in text


def test_without_a_story_the_report_is_still_made(partnership, secretariat):
    report = _made(partnership, secretariat)
    text = _text(report.document.read())
    assert partnership.name in text and "Why it matters" in text
    assert not PublicStory.objects.filter(partnership=partnership).exists()


def _grow(partnership, size):
    for i in range(size):
        organisation = OrganisationFactory(name=f"Org {size}-{i}")
        MembershipFactory(partnership=partnership, organisation=organisation)
        indicator = f.IndicatorFactory(partnership=partnership, responsible=organisation)
        for period in f.quarters(indicator, year=2025, count=2):
            f.ActualFactory(period=period, value=Decimal(i))
        f.LessonFactory(partnership=partnership, owner=organisation)


def _queries(partnership, user):
    report = jobs.report_request(
        kind=ReportKind.PUBLIC, period_start=START, period_end=END, language="en", by=user, partnership=partnership
    )
    with CaptureQueriesContext(connection) as captured:
        public.build(report, lambda key: None)
    return len(captured)


def test_the_report_runs_a_fixed_number_of_queries(partnership, secretariat):
    _story(partnership, consent=True)
    _grow(partnership, 3)
    small = _queries(partnership, secretariat)
    _grow(partnership, 30)
    assert _queries(partnership, secretariat) == small
    assert small <= 16


def test_the_cocoa_demo_public_report_reads_well(db, shared_demo, settings):
    cocoa = Partnership.objects.get(name=PARTNERSHIPS["cocoa"]["name"])
    story = PublicStory.objects.get(partnership=cocoa)
    assert story.photo_shown and story.key_results.count() == 4
    report = _made(cocoa, None, start=dt.date(2024, 1, 1), end=dt.date.today())
    pdf = report.document.read()
    text = " ".join(_text(pdf).split())
    for heading in ("Why it matters", "Who is involved", "What changed", "How we work together", "What we learned",
                    "What is next", "Get in touch"):  # fmt: skip
        assert heading in text
    assert "Ama Mensah" in text and "Farms mapped with polygons" in text
    assert len(_images(pdf)) == 1
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob("public-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-", str(ARTIFACTS / "public")], input=pdf, check=True)
    assert len(list(ARTIFACTS.glob("public-*.png"))) >= 3


def test_a_key_result_measured_in_words_says_them(partnership, secretariat):
    law = f.IndicatorFactory(partnership=partnership, name="Cocoa law", measure="5", unit_label="", baseline_value=None)
    (period,) = f.quarters(law, year=2025, count=1)
    period.target_value, period.target_text = None, "Law adopted by parliament"
    period.locked_at = dt.datetime(2025, 4, 15, tzinfo=dt.UTC)
    period.save()
    f.ActualFactory(period=period, value=None, text="Draft law tabled", light="amber")
    others = [f.IndicatorFactory(partnership=partnership) for _ in range(2)]
    story_with_photo(partnership, consent=False, key_results=[law, *others])
    text = " ".join(_text(_made(partnership, secretariat).document.read()).split())
    assert "Draft law tabled" in text
    assert "target Law adopted by parliament" in text
