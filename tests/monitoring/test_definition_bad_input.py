"""Bad input on the secretariat's monitoring forms, as someone typing or pasting it: words for a number, a period
ending before it starts, a name of ten thousand characters, a pasted book as a definition. Each is refused with the
field's message and status 400, what was typed kept, nothing stored, never an error page."""

import pytest
from django.urls import reverse

from monitoring.models import Dimension, Indicator, Period
from tests.monitoring import factories as f

from .defining import define, form_data, member

pytestmark = pytest.mark.django_db


def refused(response, field, words):
    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors[field])
    assert words in errors, errors


@pytest.fixture
def indicator(partnership, secretariat):
    return define(partnership, secretariat)


def _add(client, partnership, **fields):
    data = form_data(result_node_key=str(f.node(partnership).key), responsible=member(partnership).pk, **fields)
    return client.post(reverse("monitoring:indicator_add", args=[partnership.pk]), data)


def test_a_non_numeric_baseline(client, partnership, secretariat):
    client.force_login(secretariat)
    response = _add(client, partnership, baseline_value="abc")
    refused(response, "baseline_value", "Write a number")
    assert 'value="abc"' in response.content.decode()
    assert not Indicator.objects.exists()


def test_a_name_of_ten_thousand_characters(client, partnership, secretariat):
    client.force_login(secretariat)
    refused(_add(client, partnership, name="n" * 10_000), "name", "at most 300 characters")
    assert not Indicator.objects.exists()


def test_a_pasted_book_as_definition(client, partnership, secretariat):
    client.force_login(secretariat)
    refused(_add(client, partnership, definition="d" * 100_000), "definition", "at most 5000 characters")
    assert not Indicator.objects.exists()


def test_a_line_break_in_the_name(client, partnership, secretariat):
    client.force_login(secretariat)
    refused(_add(client, partnership, name="Farmers\ntrained"), "name", "fit on one line")


def test_an_unknown_result_and_organisation(client, partnership, secretariat):
    client.force_login(secretariat)
    data = form_data(result_node_key="not-a-key", responsible="999999")
    response = client.post(reverse("monitoring:indicator_add", args=[partnership.pk]), data)
    assert response.status_code == 400
    assert {"result_node_key", "responsible"} <= set(response.context["form"].errors)


def test_a_period_ending_before_it_starts(client, indicator, secretariat):
    client.force_login(secretariat)
    data = {"start": "2025-06-30", "end": "2025-04-01", "target_value": "10"}
    response = client.post(reverse("monitoring:period_add", args=[indicator.partnership_id, indicator.pk]), data)
    refused(response, "end", "ends before it starts")
    assert 'value="2025-06-30"' in response.content.decode()
    assert not Period.objects.exists()


def test_a_non_numeric_target_and_a_bad_date(client, indicator, secretariat):
    client.force_login(secretariat)
    data = {"start": "31/31/2025", "end": "2025-04-01", "target_value": "lots"}
    response = client.post(reverse("monitoring:period_add", args=[indicator.partnership_id, indicator.pk]), data)
    refused(response, "target_value", "Write a number")
    refused(response, "start", "valid date")
    assert not Period.objects.exists()


def test_a_generation_ending_before_it_starts(client, indicator, secretariat):
    client.force_login(secretariat)
    data = {"frequency": "3", "first_start": "2026-01-01", "last_end": "2025-01-01"}
    response = client.post(reverse("monitoring:periods_generate", args=[indicator.partnership_id, indicator.pk]), data)
    refused(response, "last_end", "ends before the first one starts")
    assert not Period.objects.exists()


def test_an_unknown_frequency(client, indicator, secretariat):
    client.force_login(secretariat)
    data = {"frequency": "7", "first_start": "2025-01-01", "last_end": "2025-12-31"}
    response = client.post(reverse("monitoring:periods_generate", args=[indicator.partnership_id, indicator.pk]), data)
    refused(response, "frequency", "valid choice")


def test_a_dimension_with_a_huge_name_or_category(client, partnership, secretariat):
    client.force_login(secretariat)
    add = reverse("monitoring:dimension_add", args=[partnership.pk])
    refused(client.post(add, {"name": "x" * 10_000, "categories": "a"}), "name", "at most 100 characters")
    refused(client.post(add, {"name": "Sex", "categories": "c" * 500}), "categories", "at most 100 characters")
    refused(client.post(add, {"name": "Sex", "categories": "\n \n"}), "categories", "at least one category")
    assert not Dimension.objects.exists()
