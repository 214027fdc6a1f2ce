"""The exchange-rate pages: the list, recording and correcting a rate, importing a file; who may do what."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from governance.models import ExchangeRate
from msp.models import ActivityEntry as LogEntry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LIST, ADD, IMPORT = reverse("governance:rates"), reverse("governance:rate_add"), reverse("governance:rates_import")


def _rate(base="EUR", quote="USD", date=dt.date(2026, 1, 1), rate="1.0845"):
    return ExchangeRate.objects.create(base_id=base, quote_id=quote, date=date, rate=D(rate), source="ECB")


def test_the_list_shows_rates_newest_first_and_filters_by_currency(client, partner):
    _rate(date=dt.date(2026, 1, 1))
    _rate(date=dt.date(2026, 2, 1), rate="1.09")
    _rate(base="USD", quote="KES", rate="129.2")
    client.force_login(partner)
    page = client.get(LIST).content.decode()
    assert page.index("1.09") < page.index("1.0845")
    assert "Add a rate" not in page  # partners read only
    filtered = client.get(LIST, {"currency": "KES"}).content.decode()
    assert "129.2" in filtered and "1.0845" not in filtered


def test_the_list_is_paginated(client, partner):
    ExchangeRate.objects.bulk_create(
        ExchangeRate(base_id="EUR", quote_id="USD", date=dt.date(2020, 1, 1) + dt.timedelta(days=i), rate=D("1.1"))
        for i in range(55)
    )
    client.force_login(partner)
    assert "Page 1 of 2" in client.get(LIST).content.decode()
    assert "55 rates" in client.get(LIST, {"page": 2}).content.decode()


def test_an_empty_list_says_what_to_do(client, secretariat, donor):
    client.force_login(secretariat)
    assert "No exchange rates yet." in client.get(LIST).content.decode()
    assert "import them from a CSV file" in client.get(LIST).content.decode()
    client.force_login(donor)
    assert "The secretariat records them" in client.get(LIST).content.decode()


def test_the_secretariat_records_a_rate(client, secretariat):
    client.force_login(secretariat)
    response = client.post(
        ADD, {"date": "2026-03-01", "base": "EUR", "quote": "XOF", "rate": "655.957", "source": "BCEAO"}, follow=True
    )
    rate = ExchangeRate.objects.get()
    assert (rate.base_id, rate.quote_id, rate.rate, rate.recorded_by) == ("EUR", "XOF", D("655.957"), secretariat)
    assert "The rate is saved: 1 EUR = 655.957 XOF (2026-03-01)." in response.content.decode()


def test_bad_input_is_refused_in_words_and_kept(client, secretariat):
    client.force_login(secretariat)
    response = client.post(ADD, {"date": "2026-03-01", "base": "EUR", "quote": "EUR", "rate": "-2", "source": "x"})
    page = response.content.decode()
    assert response.status_code == 200 and not ExchangeRate.objects.exists()
    assert "The rate must be greater than zero." in page
    assert 'value="-2"' in page
    response = client.post(ADD, {"date": "2026-03-01", "base": "EUR", "quote": "EUR", "rate": "2", "source": "x"})
    assert "Choose a currency other than the base currency." in response.content.decode()
    response = client.post(ADD, {"date": "2026-03-01", "base": "EUR", "quote": "QQQ", "rate": "2"})
    assert "Select a valid choice" in response.content.decode()


def test_a_second_rate_for_the_same_pair_and_day_is_refused(client, secretariat):
    _rate()
    client.force_login(secretariat)
    response = client.post(ADD, {"date": "2026-01-01", "base": "EUR", "quote": "USD", "rate": "1.2"})
    assert (
        "A rate for EUR/USD on 2026-01-01 is already recorded: correct that one instead." in response.content.decode()
    )
    assert ExchangeRate.objects.get().rate == D("1.0845")


def test_a_correction_is_in_the_activity_log(client, secretariat):
    rate = _rate()
    client.force_login(secretariat)
    url = reverse("governance:rate_edit", args=[rate.pk])
    assert 'value="1.0845"' in client.get(url).content.decode()
    client.post(url, {"date": "2026-01-01", "base": "EUR", "quote": "USD", "rate": "1.0854", "source": "ECB"})
    rate.refresh_from_db()
    assert rate.rate == D("1.0854")
    entry = LogEntry.objects.get_for_object(rate).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == secretariat and "rate" in entry.changes_dict


def test_a_missing_rate_is_not_found(client, secretariat):
    client.force_login(secretariat)
    assert client.get(reverse("governance:rate_edit", args=[999999])).status_code == 404


def test_the_import_checks_the_file_then_imports_the_new_rates(client, secretariat):
    _rate()
    client.force_login(secretariat)
    upload = SimpleUploadedFile(
        "ecb.csv", "Datum;Basiswährung;Kurswährung;Kurs\n01.01.2026;EUR;USD;1,0845\n01.02.2026;EUR;USD;1,09\n".encode()
    )
    response = client.post(IMPORT, {"file": upload, "source": "ECB"})
    page = response.content.decode()
    assert response.status_code == 200, page
    assert "1 new rate to import." in page and "1 row is already recorded and is skipped." in page
    assert ExchangeRate.objects.count() == 1  # nothing written by the check
    rows = response.context["preview"].canonical()
    response = client.post(IMPORT, {"rows": rows, "source": "ECB"}, follow=True)
    assert "1 exchange rates are imported." in response.content.decode()
    assert ExchangeRate.objects.get(date=dt.date(2026, 2, 1)).rate == D("1.09")


def test_a_file_with_errors_shows_them_per_row(client, secretariat):
    _rate()
    client.force_login(secretariat)
    upload = SimpleUploadedFile("r.csv", b"date,base,quote,rate\n2026-01-01,EUR,USD,1.2\n2026-01-02,EUR,XXQ,1\n")
    response = client.post(IMPORT, {"file": upload})
    page = response.content.decode()
    assert response.status_code == 400
    assert "A different rate is recorded for EUR/USD on 2026-01-01: 1.0845." in page
    assert "“XXQ” is not an ISO 4217 currency code." in page
    assert "Import the new rates" not in page


def test_a_file_of_another_kind_is_refused(client, secretariat):
    client.force_login(secretariat)
    response = client.post(IMPORT, {"file": SimpleUploadedFile("r.pdf", b"%PDF")})
    assert "Upload a .csv or .xlsx file." in response.content.decode()


@pytest.mark.parametrize("url", [LIST, ADD, IMPORT])
def test_someone_with_no_role_anywhere_finds_nothing(client, url):
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404


def test_partners_and_donors_may_not_write(client, partner, donor):
    for user in (partner, donor):
        client.force_login(user)
        response = client.post(ADD, {"date": "2026-03-01", "base": "EUR", "quote": "USD", "rate": "1"})
        assert response.status_code == 403
        assert client.post(IMPORT, {"rows": "date,base,quote,rate\n2026-03-01,EUR,USD,1\n"}).status_code == 403
    assert not ExchangeRate.objects.exists()


def test_the_anonymous_visitor_is_sent_to_sign_in(client):
    assert client.get(LIST)["Location"].startswith(reverse("login"))
