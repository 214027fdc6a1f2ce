"""The governance forms that pick any organisation of the registry (a secretariat body's host, a transaction's
counterpart) search it as the person types: the page costs the same at 30 and at 3,000 organisations, and the
chosen organisation is validated and saved as before."""

import re

import pytest
from django.urls import reverse

from governance.models import Body, Transaction
from stakeholders.models import Organisation
from tests.factories import OrganisationFactory
from tests.querycount import queries_for

CHOICES = reverse("organisations:choices")


def registry(n, prefix):
    Organisation.objects.bulk_create(
        Organisation(name=f"{prefix} {i:04d}", sector="private", country_id="KE") for i in range(n)
    )


def url(name, partnership):
    return reverse(f"governance:{name}", kwargs={"partnership_pk": partnership.pk})


@pytest.mark.parametrize("name", ["body_add", "transaction_add"])
def test_the_page_costs_the_same_at_30_and_at_3000_organisations(client, partnership, secretariat, name):
    client.force_login(secretariat)
    registry(30, "Small")
    small, _ = queries_for(client, url(name, partnership))
    small_size = len(client.get(url(name, partnership)).content)
    registry(2970, "Big")
    large, sql = queries_for(client, url(name, partnership))
    page = client.get(url(name, partnership)).content.decode()
    assert small == large, "\n".join(sql)
    assert len(page.encode()) == small_size
    assert "Big 0001" not in page and "Small 0001" not in page
    assert f'data-picker-url="{CHOICES}"' in page


def test_a_host_is_chosen_by_its_id(client, partnership, secretariat):
    host = OrganisationFactory(name="Tana Basin Trust", short_name="TBT", country_id="KE")
    client.force_login(secretariat)
    data = {
        "type": "secretariat",
        "name": "Secretariat",
        "cadence": "",
        "majority_threshold": "simple",
        "host_organisation": host.pk,
    }
    response = client.post(url("body_add", partnership), data)
    assert response.status_code == 302, re.findall(r'<a href="#id_[^"]*">[^<]*', response.content.decode())
    assert Body.objects.get(partnership=partnership, name="Secretariat").host_organisation == host


def test_a_counterpart_outside_the_registry_is_refused_and_the_choice_kept(client, partnership, secretariat):
    buyer = OrganisationFactory(name="Tana Water Buyers", country_id="KE")
    client.force_login(secretariat)
    data = {"type": "incoming_funds", "date": "2026-01-10", "amount": "x", "currency": "EUR", "counterpart": buyer.pk}
    page = client.post(url("transaction_add", partnership), data).content.decode()
    assert f'<option value="{buyer.pk}" selected>Tana Water Buyers (KE)</option>' in page  # kept after the error
    data["counterpart"] = 999_999
    page = client.post(url("transaction_add", partnership), data).content.decode()
    assert "Select a valid choice" in page
    assert not Transaction.objects.filter(partnership=partnership).exists()
