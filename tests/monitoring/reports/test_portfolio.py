"""The portfolio (acceptance 4, portfolio part): one page across every partnership a person holds a role on, and
the same as a PDF and an XLSX made in the background, which only their owner reads."""

import datetime as dt
import io
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from governance.models import Milestone, RoadmapVersion, Transaction
from monitoring.models import Report, ReportKind, ReportStatus
from monitoring.portfolio_forms import last_quarter
from monitoring.reports import jobs
from msp.demo import PARTNERSHIPS
from msp.models import Partnership, Role
from phases.models import ChecklistRun
from tests.factories import (
    ContactFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    RoleFactory,
    UserFactory,
)
from tests.governance.checks_world import commitment
from tests.monitoring import factories as f
from tests.querycount import queries_for

pytestmark = pytest.mark.django_db

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "portfolio"
PORTFOLIO = reverse("reports:portfolio")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _shown(response) -> set[str]:
    """The names of the partnerships the page has a card for."""
    html = response.content.decode()
    return {p.name for p in Partnership.objects.all() if f'data-partnership="{p.pk}"' in html}


def _made(owner, tmp_path, settings, language="en"):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    start, end = last_quarter()
    report = jobs.report_request(
        kind=ReportKind.PORTFOLIO, period_start=start, period_end=end, language=language, by=owner, owner=owner
    )
    made = jobs.report_generate(report.pk)
    assert made.status == ReportStatus.DONE, made.error
    return made


def _pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "portfolio.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True).stdout


def _keep_pages(content: bytes, tmp_path, name):
    """The rendered pages as PNGs under test-artifacts/portfolio/, to be looked at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(content)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), str(ARTIFACTS / name)], check=True)
    shutil.copy(path, ARTIFACTS / f"{name}.pdf")


def _xlsx_rows(content: bytes) -> list[tuple]:
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return list(sheet.iter_rows(values_only=True))


def test_the_demo_donor_sees_exactly_his_two_partnerships_on_the_page_in_the_pdf_and_the_xlsx(
    client, shared_demo, tmp_path, settings
):
    daniel = get_user_model().objects.get(username="daniel")
    mine = {PARTNERSHIPS["cocoa"]["name"], PARTNERSHIPS["water"]["name"]}
    other = PARTNERSHIPS["textile"]["name"]
    client.force_login(daniel)

    response = client.get(PORTFOLIO)
    assert _shown(response) == mine
    assert other not in response.content.decode()

    report = _made(daniel, tmp_path, settings)
    pdf = report.document.read()
    _keep_pages(pdf, tmp_path, "daniel")
    text = _pdf_text(pdf, tmp_path)
    assert all(name in text for name in mine) and other not in text
    assert "Page 1 / " in text.replace("\n", " ") or "Page 2 / " in text
    rows = _xlsx_rows(report.spreadsheet.read())
    assert rows[0][0] == "Partnership"
    assert {row[0] for row in rows[1:]} == mine

    response = client.get(reverse("reports:portfolio_download", args=[report.pk]) + "?format=xlsx")
    assert response.status_code == 200 and response["Content-Type"] == XLSX


def _portfolio_world(count, tag=""):
    """A donor on `count` partnerships, each with an indicator (a locked and an open period with actuals), the
    donor's organisation's and another's commitments, spending, a milestone due, a checklist run and a released
    report."""
    donor = UserFactory(username=f"dana{tag}")
    own, other = OrganisationFactory(name=f"Dana's Fund{tag}"), OrganisationFactory(name=f"Other Fund{tag}")
    ContactFactory(organisation=own, user=donor, name="Dana Donor")
    today = timezone.localdate()
    for i in range(count):
        p = PartnershipFactory(name=f"Partnership {i:02d}{tag}")
        RoleFactory(partnership=p, user=donor, role=Role.DONOR)
        MembershipFactory(partnership=p, organisation=own)
        indicator = f.IndicatorFactory(partnership=p, baseline_value=Decimal(0))
        locked, open_ = f.quarters(indicator, count=2)
        locked.locked_at = timezone.now()
        locked.save()
        f.ActualFactory(period=locked, value=Decimal(100))  # on track, and checked
        f.ActualFactory(period=open_, value=Decimal(0))  # off track, but a donor does not see it yet
        commitment(p, own, 1000)
        commitment(p, other, 5000)
        Transaction.objects.create(partnership=p, type="4", date=today, amount=Decimal(250), currency_id="EUR")
        roadmap = RoadmapVersion.objects.get(partnership=p)
        Milestone.objects.create(version=roadmap, title=f"Launch {i}", due_on=today + dt.timedelta(days=30))
        RoadmapVersion.objects.filter(pk=roadmap.pk).update(status=RoadmapVersion.Status.APPROVED)
        ChecklistRun.objects.create(partnership=p, phase=p.phase, trigger="manual", overall=0.75)
        Report.objects.create(
            partnership=p, kind=ReportKind.DONOR, period_start=dt.date(2026, 1, 1), period_end=dt.date(2026, 6, 30),
            language="en", status=ReportStatus.DONE, released_at=timezone.now(),
        )  # fmt: skip
        Report.objects.create(
            partnership=p,
            kind=ReportKind.DONOR,
            number=2,
            period_start=dt.date(2026, 7, 1),
            period_end=dt.date(2026, 9, 30),
            language="en",
            status=ReportStatus.DONE,
        )  # fmt: skip  (a draft: the donor never hears of it)
    return donor


def test_the_page_shows_what_the_donor_may_read_of_each_partnership(client):
    donor = _portfolio_world(2)
    client.force_login(donor)
    html = client.get(PORTFOLIO).content.decode()
    assert "Committed by Dana&#x27;s Fund" in html or "Committed by Dana's Fund" in html
    assert "EUR 1,000.00" in html and "EUR 6,000.00" not in html  # own organisation's commitments only
    assert "EUR 250.00" in html  # spent
    assert '<span data-count="green">1</span>' in html and '<span data-count="red">0</span>' in html  # locked only
    assert "75 %" in html and "Launch 0" in html
    assert "Donor report 1" in html and "Donor report 2" not in html  # released only


def test_the_secretariat_sees_every_organisations_commitments(client):
    donor = _portfolio_world(1)
    p = Partnership.objects.get()
    staff = RoleFactory(partnership=p, user=UserFactory(username="sam"), role=Role.SECRETARIAT).user
    client.force_login(staff)
    html = client.get(PORTFOLIO).content.decode()
    assert "EUR 6,000.00" in html and "Committed by" not in html
    assert '<span data-count="red">1</span>' in html  # the open period counts for the members
    assert "Donor report 1" in html and "Donor report 2" not in html  # released ones: drafts are on the partnership
    assert donor.pk != staff.pk


def test_the_query_count_does_not_grow_with_the_partnerships():
    # 15: the session and the user; the person's portfolio reports; the partnerships with their latest health;
    # the roles; the indicators; their periods with actuals; the contact person and the membership (the donor's
    # organisation, asked once); the commitments; their years; the expenditure; the rates; the milestones with
    # their owner; the delivered reports.
    counts = []
    for count in (2, 6):
        donor = _portfolio_world(count, tag=f" ({count})")
        client = Client()
        client.force_login(donor)
        n, _sql = queries_for(client, PORTFOLIO)
        counts.append(n)
        assert _shown(client.get(PORTFOLIO)) == {f"Partnership {i:02d} ({count})" for i in range(count)}
    assert counts[0] == counts[1], counts
    assert counts == [15, 15], counts


def test_a_person_without_a_partnership_is_told_what_to_do(client):
    client.force_login(UserFactory(username="newcomer"))
    response = client.get(PORTFOLIO)
    assert response.status_code == 200
    assert "No partnership has given you a role yet." in response.content.decode()


def test_the_portfolio_is_linked_from_the_header_and_the_partnership_list(client, secretariat):
    client.force_login(secretariat)
    html = client.get(reverse("msp:partnership_list")).content.decode()
    assert html.count(f'href="{PORTFOLIO}"') == 2


def test_asking_for_a_report_queues_it_in_the_persons_language(client, secretariat, django_capture_on_commit_callbacks):
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks():
        response = client.post(
            reverse("reports:portfolio_request"),
            {"period_start": "2026-07-01", "period_end": "2026-09-30", "language": "fr"},
        )
    assert response.status_code == 302
    report = Report.objects.get(kind=ReportKind.PORTFOLIO)
    assert (report.owner, report.language, report.period_end) == (secretariat, "fr", dt.date(2026, 9, 30))
    page = client.get(PORTFOLIO).content.decode()
    assert "Your portfolio report is queued." in page and f'data-report="{report.pk}"' in page


def test_a_bad_period_is_refused_with_the_form_as_typed(client, secretariat):
    client.force_login(secretariat)
    response = client.post(
        reverse("reports:portfolio_request"),
        {"period_start": "2026-09-30", "period_end": "2026-07-01", "language": "de"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "The period must end on or after the day it starts." in html
    assert 'value="2026-09-30"' in html and not Report.objects.exists()
    response = client.post(reverse("reports:portfolio_request"), {"period_start": "", "language": "xx"})
    assert response.status_code == 200 and not Report.objects.exists()


def test_the_default_period_is_the_last_full_quarter():
    assert last_quarter(dt.date(2026, 11, 30)) == (dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    assert last_quarter(dt.date(2026, 1, 1)) == (dt.date(2025, 10, 1), dt.date(2025, 12, 31))
    assert last_quarter(dt.date(2026, 4, 1)) == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))


def test_only_the_owner_downloads_a_portfolio_and_only_once_made(client, secretariat, partner, tmp_path, settings):
    report = _made(secretariat, tmp_path, settings)
    url = reverse("reports:portfolio_download", args=[report.pk])
    client.force_login(partner)
    assert client.get(url).status_code == 404
    client.force_login(secretariat)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert f'filename="{jobs.report_filename(report)}"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    queued = jobs.report_request(
        kind=ReportKind.PORTFOLIO, period_start=report.period_start, period_end=report.period_end, language="en",
        by=secretariat, owner=secretariat,
    )  # fmt: skip
    assert client.get(reverse("reports:portfolio_download", args=[queued.pk])).status_code == 404
    page = client.get(PORTFOLIO, headers={"HX-Request": "true", "HX-Target": "portfolio-reports"})
    assert page.content.decode().lstrip().startswith('<div id="portfolio-reports"')
    assert "every 3s" in page.content.decode()  # a queued report: the list polls


def test_the_pdf_is_tagged_with_its_language(secretariat, tmp_path, settings):
    pikepdf = pytest.importorskip("pikepdf")
    report = _made(secretariat, tmp_path, settings, language="de")
    _keep_pages(report.document.read(), tmp_path, "secretariat-de")
    with pikepdf.open(io.BytesIO(report.document.read())) as pdf:
        assert str(pdf.Root.Lang) == "de" and "/StructTreeRoot" in pdf.Root
    assert "Cocoa Partnership" in _pdf_text(report.document.read(), tmp_path)


def test_the_spreadsheet_keeps_a_name_that_looks_like_a_formula_as_text(secretariat, partnership):
    from monitoring.reports.portfolio import dataset
    from monitoring.selectors.portfolio import portfolio_for
    from stakeholders.spreadsheets import render

    Partnership.objects.filter(pk=partnership.pk).update(name='=HYPERLINK("http://evil.example","x")')
    content = render(dataset(portfolio_for(secretariat)), "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    cell = sheet.cell(row=2, column=1)
    assert cell.data_type == "s" and "HYPERLINK" in cell.value


def test_the_page_speaks_the_persons_language(client, secretariat):
    client.force_login(secretariat)
    html = client.get(PORTFOLIO, headers={"Accept-Language": "fr"}).content.decode()
    assert "Portefeuille" in html and "Rapport de portefeuille" in html


def test_a_failed_report_says_why_and_is_made_on_retry_with_one_file(
    client, secretariat, partner, tmp_path, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from monitoring.reports import portfolio
    from msp.documents import StoredDocument

    settings.PRIVATE_MEDIA_ROOT = tmp_path
    real = portfolio.build
    monkeypatch.setattr(portfolio, "build", lambda report, step: 1 / 0)
    start, end = last_quarter()
    report = jobs.report_request(
        kind=ReportKind.PORTFOLIO, period_start=start, period_end=end, language="en", by=secretariat, owner=secretariat
    )
    with pytest.raises(ZeroDivisionError):
        jobs.report_generate(report.pk)
    client.force_login(secretariat)
    html = client.get(PORTFOLIO).content.decode()
    assert "It could not be made." in html and "ZeroDivisionError" in html and "Try again" in html
    retry = reverse("reports:portfolio_retry", args=[report.pk])
    client.force_login(partner)
    assert client.post(retry).status_code == 404  # not theirs
    client.force_login(secretariat)
    monkeypatch.setattr(portfolio, "build", real)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(retry).status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE and report.number == 1 and report.attempts == 2
    assert StoredDocument.objects.filter(kind=StoredDocument.Kind.PORTFOLIO_REPORT).count() == 1
    response = client.post(retry, follow=True)
    assert "This report is already made." in response.content.decode()
