"""The secretariat's pages for dimensions and indicators, as each role meets them: the happy path, a refusal back on
the form with what was typed (400), partners and donors refused (403), outsiders told nothing (404)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from monitoring.models import Breakdown, Dimension, Indicator
from monitoring.services import indicators as services
from msp.models import Partnership
from tests.monitoring import factories as f

from .defining import define, form_data, member


def url(name, partnership, *args):
    return reverse(f"monitoring:{name}", args=[partnership.pk, *args])


def test_the_empty_dimensions_page_says_what_to_do(client, partnership, secretariat):
    client.force_login(secretariat)
    page = client.get(url("dimensions", partnership)).content.decode()
    assert "No disaggregation dimensions yet." in page and url("dimension_add", partnership) in page


def test_the_secretariat_adds_a_dimension_with_its_categories(client, partnership, secretariat):
    client.force_login(secretariat)
    response = client.post(
        url("dimension_add", partnership), {"name": "Sex", "categories": "female\r\nmale\r\n\r\nother"}, follow=True
    )
    page = response.content.decode()
    assert "The dimension “Sex” is saved." in page
    assert "female, male, other" in page
    assert [c.name for c in Dimension.objects.get(name="Sex").categories.all()] == ["female", "male", "other"]


def test_a_refused_dimension_keeps_what_was_typed(client, partnership, secretariat):
    services.dimension_save(partnership=partnership, by=secretariat, name="Sex", categories=["female"])
    client.force_login(secretariat)
    response = client.post(url("dimension_add", partnership), {"name": "sex", "categories": "girls\nboys"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is already a dimension named “sex”." in page and "girls\nboys" in page
    assert Dimension.objects.count() == 1


def test_a_dimension_with_recorded_values_is_not_deleted(client, partnership, secretariat):
    sex = services.dimension_save(partnership=partnership, by=secretariat, name="Sex", categories=["female"])
    actual = f.ActualFactory(period=f.PeriodFactory(indicator=define(partnership, secretariat)))
    Breakdown.objects.create(actual=actual, category=sex.categories.get(), value=Decimal(50))
    client.force_login(secretariat)
    response = client.post(url("dimension_delete", partnership, sex.pk), follow=True)
    assert "broken down by “Sex”, so it is kept." in response.content.decode()
    assert Dimension.objects.filter(pk=sex.pk).exists()


def test_an_unused_dimension_is_deleted(client, partnership, secretariat):
    sex = services.dimension_save(partnership=partnership, by=secretariat, name="Sex", categories=["female"])
    client.force_login(secretariat)
    response = client.post(url("dimension_delete", partnership, sex.pk), follow=True)
    assert "The dimension “Sex” is deleted." in response.content.decode()
    assert not Dimension.objects.exists()


def test_without_a_results_chain_the_add_page_points_to_the_roadmap(client, partnership, secretariat):
    client.force_login(secretariat)
    page = client.get(url("indicator_add", partnership)).content.decode()
    assert "The roadmap has no results chain yet." in page
    assert reverse("governance:roadmap", args=[partnership.pk]) in page


def test_the_secretariat_defines_an_indicator(client, partnership, secretariat):
    node = f.node(partnership, level="output", title="Farmers trained in pruning")
    organisation = member(partnership)
    client.force_login(secretariat)
    page = client.get(url("indicator_add", partnership)).content.decode()
    assert "Output: Farmers trained in pruning" in page and url("dimensions", partnership) in page
    data = form_data(result_node_key=str(node.key), responsible=organisation.pk, sdg_targets=["15.2"])
    response = client.post(url("indicator_add", partnership), data, follow=True)
    indicator = Indicator.objects.get()
    assert response.redirect_chain[-1][0] == url("indicator", partnership, indicator.pk)
    assert "The indicator “Farmers trained” is added." in response.content.decode()
    assert (indicator.result_node_key, indicator.responsible, indicator.baseline_value) == (
        node.key,
        organisation,
        Decimal(0),
    )
    assert [t.code for t in indicator.sdg_targets.all()] == ["15.2"]


def test_the_partnership_s_own_sdg_targets_come_first(client, partnership, secretariat):
    f.node(partnership)
    client.force_login(secretariat)
    page = client.get(url("indicator_add", partnership)).content.decode()
    ours, others = page.index("This partnership&#x27;s SDGs"), page.index("Other SDG targets")
    assert ours < page.index('value="15.2"') < others < page.index('value="3.1"')


def test_a_text_baseline_for_a_numeric_measure_is_refused_keeping_what_was_typed(client, partnership, secretariat):
    node = f.node(partnership)
    client.force_login(secretariat)
    data = form_data(
        result_node_key=str(node.key), responsible=member(partnership).pk, baseline_value="abc", name="Yield per ha"
    )
    response = client.post(url("indicator_add", partnership), data)
    assert response.status_code == 400
    assert "Write a number" in " ".join(response.context["form"].errors["baseline_value"])
    assert 'value="Yield per ha"' in response.content.decode()
    assert not Indicator.objects.exists()


def test_a_measure_change_refused_by_the_service_comes_back_on_the_form(client, partnership, secretariat):
    indicator = define(partnership, secretariat)
    f.ActualFactory(period=f.PeriodFactory(indicator=indicator))
    client.force_login(secretariat)
    data = form_data(
        result_node_key=str(indicator.result_node_key),
        responsible=indicator.responsible_id,
        measure="5",
        baseline_value="",
        baseline_text="Weak",
    )
    response = client.post(url("indicator_edit", partnership, indicator.pk), data)
    assert response.status_code == 400
    assert "cannot change between numbers and words" in " ".join(response.context["form"].errors["measure"])
    indicator.refresh_from_db()
    assert indicator.measure == "1"


def test_the_indicator_page_offers_the_secretariat_its_actions(client, partnership, secretariat, partner):
    indicator = define(partnership, secretariat)
    client.force_login(secretariat)
    page = client.get(url("indicator", partnership, indicator.pk)).content.decode()
    for name in ("indicator_edit", "period_add", "periods_generate", "indicator_delete"):
        assert url(name, partnership, indicator.pk) in page
    client.force_login(partner)
    page = client.get(url("indicator", partnership, indicator.pk)).content.decode()
    assert url("indicator_edit", partnership, indicator.pk) not in page
    assert url("indicator_delete", partnership, indicator.pk) not in page


def test_an_indicator_with_actuals_is_not_deleted(client, partnership, secretariat):
    indicator = define(partnership, secretariat)
    f.ActualFactory(period=f.PeriodFactory(indicator=indicator))
    client.force_login(secretariat)
    response = client.post(url("indicator_delete", partnership, indicator.pk), follow=True)
    assert response.redirect_chain[-1][0] == url("indicator", partnership, indicator.pk)
    assert "Actual values are recorded for “Farmers trained”, so it is kept." in response.content.decode()


def test_an_indicator_without_actuals_is_deleted(client, partnership, secretariat):
    indicator = define(partnership, secretariat)
    client.force_login(secretariat)
    response = client.post(url("indicator_delete", partnership, indicator.pk), follow=True)
    assert "The indicator “Farmers trained” is deleted." in response.content.decode()
    assert not Indicator.objects.exists()


@pytest.mark.parametrize("role", ["partner", "donor"])
def test_partners_and_donors_are_refused(client, partnership, secretariat, role, request):
    indicator = define(partnership, secretariat)
    sex = services.dimension_save(partnership=partnership, by=secretariat, name="Sex", categories=["female"])
    client.force_login(request.getfixturevalue(role))
    assert client.get(url("dimensions", partnership)).status_code == 403
    assert client.get(url("indicator_edit", partnership, indicator.pk)).status_code == 403
    data = form_data(result_node_key=str(indicator.result_node_key), responsible=indicator.responsible_id)
    assert client.post(url("indicator_add", partnership), data).status_code == 403
    assert client.post(url("indicator_delete", partnership, indicator.pk)).status_code == 403
    assert client.post(url("dimension_delete", partnership, sex.pk)).status_code == 403
    assert Indicator.objects.count() == 1 and Dimension.objects.count() == 1


def test_outsiders_learn_nothing(client, partnership, secretariat, outsider):
    indicator = define(partnership, secretariat)
    client.force_login(outsider)
    assert client.get(url("dimensions", partnership)).status_code == 404
    assert client.get(url("indicator_edit", partnership, indicator.pk)).status_code == 404
    assert client.post(url("indicator_delete", partnership, indicator.pk)).status_code == 404
    assert Indicator.objects.exists()


def test_another_partnership_s_indicator_is_not_found(client, partnership, secretariat, outsider):
    elsewhere = Partnership.objects.exclude(pk=partnership.pk).get()
    theirs = define(elsewhere, outsider)
    client.force_login(secretariat)
    assert client.get(url("indicator_edit", partnership, theirs.pk)).status_code == 404
    assert client.post(url("indicator_delete", partnership, theirs.pk)).status_code == 404
    assert Indicator.objects.filter(pk=theirs.pk).exists()
