"""The reporting schedule page: the secretariat sets it and sees when the next drafts come and which were made;
bad input comes back on the form with what was typed; partners and donors 403, outsiders 404; the page reads the
same number of queries with 2 or 12 drafts."""

import datetime as dt

import pytest
from django.urls import reverse

from monitoring.models import ReportKind, ReportSchedule, ReportTrigger
from monitoring.reports import jobs
from tests.querycount import queries_for

pytestmark = pytest.mark.django_db

VALID = {"frequency": "3", "first_period_start": "2026-01-01", "donor": "on", "active": "on"}


def url(partnership):
    return reverse("monitoring:report_schedule", args=[partnership.pk])


def test_without_a_schedule_the_page_says_what_to_do(client, partnership, secretariat):
    client.force_login(secretariat)
    page = client.get(url(partnership)).content.decode()
    assert "<title>Reporting schedule" in page
    assert "No schedule is set yet" in page and "None yet." in page


def test_the_secretariat_sets_the_schedule_and_sees_the_next_period_end(client, partnership, secretariat):
    client.force_login(secretariat)
    response = client.post(url(partnership), {**VALID, "frequency": "12", "public": "on"}, follow=True)
    assert response.redirect_chain[-1][0] == url(partnership)
    page = response.content.decode()
    assert "The reporting schedule is saved." in page
    schedule = ReportSchedule.objects.get(partnership=partnership)
    assert (schedule.frequency, schedule.first_period_start) == (12, dt.date(2026, 1, 1))
    assert schedule.donor and schedule.public and schedule.active
    assert "The current period ends on" in page and "(yearly)" in page


def test_the_drafts_made_so_far_are_listed(client, partnership, secretariat):
    ReportSchedule.objects.create(partnership=partnership, first_period_start=dt.date(2026, 1, 1))
    jobs.report_request(
        kind=ReportKind.DONOR, period_start=dt.date(2026, 1, 1), period_end=dt.date(2026, 3, 31), language="en",
        partnership=partnership, trigger=ReportTrigger.SCHEDULE,
    )  # fmt: skip
    jobs.report_request(
        kind=ReportKind.DONOR,
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 6, 30),
        language="en",
        partnership=partnership,
        by=secretariat,
    )  # fmt: skip: asked for by hand, not a draft of the schedule
    client.force_login(secretariat)
    page = client.get(url(partnership)).content.decode()
    assert page.count("data-report=") == 1
    assert "Donor report, version 1" in page and "Queued" in page


def test_a_schedule_without_any_kind_is_refused_and_keeps_what_was_typed(client, partnership, secretariat):
    client.force_login(secretariat)
    response = client.post(url(partnership), {**VALID, "donor": "", "first_period_start": "2026-04-15"})
    assert response.status_code == 400
    assert "Choose at least one kind of report" in " ".join(response.context["form"].errors["donor"])
    assert 'value="2026-04-15"' in response.content.decode()
    assert not ReportSchedule.objects.exists()


@pytest.mark.parametrize(
    "data, field, words",
    [
        ({"first_period_start": ""}, "first_period_start", "Enter the day the first reporting period starts."),
        ({"first_period_start": "31/02/2026"}, "first_period_start", "Enter a date"),
        ({"frequency": "5"}, "frequency", "Select a valid choice"),
    ],
)
def test_bad_input_is_refused_on_its_field(client, partnership, secretariat, data, field, words):
    client.force_login(secretariat)
    response = client.post(url(partnership), {**VALID, **data})
    assert response.status_code == 400
    assert words in " ".join(response.context["form"].errors[field])
    assert not ReportSchedule.objects.exists()


def test_partners_and_donors_are_refused_and_outsiders_do_not_see_it(client, partnership, partner, donor, outsider):
    for user, status in ((partner, 403), (donor, 403), (outsider, 404)):
        client.force_login(user)
        assert client.get(url(partnership)).status_code == status
        assert client.post(url(partnership), VALID).status_code == status
    assert not ReportSchedule.objects.exists()


def _drafts(partnership, count):
    for i in range(count):
        jobs.report_request(
            kind=[ReportKind.DONOR, ReportKind.PUBLIC][i % 2], period_start=dt.date(2020 + i, 1, 1),
            period_end=dt.date(2020 + i, 3, 31), language="en", partnership=partnership,
            trigger=ReportTrigger.SCHEDULE,
        )  # fmt: skip


def test_the_page_reads_a_fixed_number_of_queries(client, partnership, secretariat):
    ReportSchedule.objects.create(partnership=partnership, first_period_start=dt.date(2026, 1, 1))
    client.force_login(secretariat)
    _drafts(partnership, 2)
    small, _sql = queries_for(client, url(partnership))
    _drafts(partnership, 10)
    large, sql = queries_for(client, url(partnership))
    assert small == large, sql
    # session, user, partnership, the user's role, the schedule, its drafts
    assert large == 6, sql


def test_a_period_that_ended_without_drafts_is_announced(client, partnership, secretariat):
    ReportSchedule.objects.create(partnership=partnership, first_period_start=dt.date(2020, 1, 1))
    client.force_login(secretariat)
    page = client.get(url(partnership)).content.decode()
    assert "has ended: its drafts are made at the next daily run." in page
    ReportSchedule.objects.update(last_period_end=dt.date(2100, 1, 1))
    assert "has ended" not in client.get(url(partnership)).content.decode()
