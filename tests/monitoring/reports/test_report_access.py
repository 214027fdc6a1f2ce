"""Who sees which report version: the secretariat every one; partners and donors only released or published ones
(a draft is to them like a version never made: 404); outsiders nothing; the public page exists only while
published. The list filters in SQL, so a draft never shows up in a donor's list."""

import pytest
from django.urls import reverse

from monitoring.models import ReportKind, ReportStatus

from .report_rows import report_row

pytestmark = pytest.mark.django_db

PAGES = ("report", "report_status", "report_download")


def _url(name, report):
    return reverse(f"monitoring:{name}", args=[report.partnership_id, report.pk])


@pytest.fixture
def reports(partnership, secretariat):
    return {
        "released": report_row(partnership, secretariat, released=True),
        "draft": report_row(partnership, secretariat),
        "published": report_row(partnership, secretariat, kind=ReportKind.PUBLIC, published=True),
        "unpublished": report_row(partnership, secretariat, kind=ReportKind.PUBLIC),
        "failed": report_row(partnership, secretariat, status=ReportStatus.FAILED, error="boom"),
    }


@pytest.mark.parametrize("role", ["donor", "partner"])
def test_donors_and_partners_read_only_delivered_versions(client, users, reports, role):
    client.force_login(users[role])
    for name in PAGES:
        assert client.get(_url(name, reports["released"])).status_code == 200, name
        assert client.get(_url(name, reports["published"])).status_code == 200, name
        for hidden in ("draft", "unpublished", "failed"):
            assert client.get(_url(name, reports[hidden])).status_code == 404, (name, hidden)


@pytest.mark.parametrize("role", ["donor", "partner"])
def test_their_list_shows_delivered_versions_and_no_request_form(client, users, reports, partnership, role):
    client.force_login(users[role])
    response = client.get(reverse("monitoring:reports", args=[partnership.pk]))
    listed = {report.pk for report in response.context["reports"]}
    assert listed == {reports["released"].pk, reports["published"].pk}
    page = response.content.decode()
    assert "Ask for a report" not in page and _url("report_download", reports["draft"]) not in page
    assert _url("report_download", reports["released"]) in page


def test_a_donor_with_nothing_released_is_told_what_comes(client, partnership, secretariat, donor):
    report_row(partnership, secretariat)
    client.force_login(donor)
    page = client.get(reverse("monitoring:reports", args=[partnership.pk])).content.decode()
    assert "No report released yet" in page and "You will get an e-mail" in page


def test_the_secretariat_sees_every_version(client, secretariat, reports, partnership):
    client.force_login(secretariat)
    response = client.get(reverse("monitoring:reports", args=[partnership.pk]))
    assert {r.pk for r in response.context["reports"]} == {r.pk for r in reports.values()}
    for report in reports.values():
        assert client.get(_url("report", report)).status_code == 200


def test_outsiders_find_nothing(client, outsider, reports, partnership):
    client.force_login(outsider)
    assert client.get(reverse("monitoring:reports", args=[partnership.pk])).status_code == 404
    for name in PAGES:
        assert client.get(_url(name, reports["released"])).status_code == 404
    for name in ("report_retry", "report_release", "report_publish", "report_unpublish"):
        assert client.post(_url(name, reports["draft"])).status_code == 404


@pytest.mark.parametrize("role", ["donor", "partner"])
def test_only_the_secretariat_asks_releases_and_publishes(client, users, reports, partnership, role):
    client.force_login(users[role])
    ask = {"kind": "donor", "period_start": "2026-01-01", "period_end": "2026-03-31", "language": "en"}
    assert client.post(reverse("monitoring:reports", args=[partnership.pk]), ask).status_code == 403
    assert client.post(_url("report_release", reports["draft"])).status_code == 403
    assert client.post(_url("report_publish", reports["unpublished"])).status_code == 403
    assert client.post(_url("report_unpublish", reports["published"])).status_code == 403
    reports["draft"].refresh_from_db()
    assert reports["draft"].released_at is None and reports["draft"].partnership.reports.count() == 5


def test_a_report_still_being_made_has_no_file(client, partnership, secretariat):
    queued = report_row(partnership, secretariat, status=ReportStatus.QUEUED)
    client.force_login(secretariat)
    assert client.get(_url("report_download", queued)).status_code == 404


def test_the_public_page_exists_only_while_published(client, reports):
    for key in ("published",):
        report = reports[key]
        assert client.get(reverse("reports:public_report", args=[report.public_key])).status_code == 200
    for key in ("unpublished", "released", "draft"):
        report = reports[key]
        assert client.get(reverse("reports:public_report", args=[report.public_key])).status_code == 404, key
        assert client.get(reverse("reports:public_report_pdf", args=[report.public_key])).status_code == 404, key


def test_signed_out_people_are_sent_to_sign_in(client, reports):
    response = client.get(_url("report_download", reports["released"]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("role", ["secretariat", "partner", "donor"])
def test_every_role_finds_the_reports_tab_on_the_dashboard(client, users, partnership, role):
    client.force_login(users[role])
    page = client.get(reverse("msp:dashboard", args=[partnership.pk])).content.decode()
    assert f'href="{reverse("monitoring:reports", args=[partnership.pk])}">Reports</a>' in page


def test_the_public_page_stands_alone_with_a_language_switcher(client, reports):
    page = client.get(reverse("reports:public_report", args=[reports["published"].public_key])).content.decode()
    assert 'class="nav nav-tabs' not in page and "My partnerships" not in page  # no partnership navigation
    assert reverse("msp:language") in page
