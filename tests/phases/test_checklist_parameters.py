"""The partnership's own parameters: defaults shown, values validated, blank back to the default."""

from decimal import Decimal

from django.urls import reverse

from phases.models import ParameterOverride


def url(partnership):
    return reverse("phases:parameters", args=[partnership.pk])


def test_the_secretariat_sets_a_value_and_a_blank_goes_back_to_the_default(client, partnership, secretariat):
    client.force_login(secretariat)
    response = client.post(url(partnership), {"CS-2__min_core": "4", "SR-7__max_share": "40"}, follow=True)
    assert "Parameters saved: 2 differ from the defaults" in response.content.decode()
    assert ParameterOverride.objects.get(item_id="CS-2", name="min_core").value == Decimal(4)
    client.post(url(partnership), {"SR-7__max_share": "40"})
    assert list(ParameterOverride.objects.values_list("item_id", flat=True)) == ["SR-7"]
    html = client.get(url(partnership)).content.decode()
    assert 'value="40' in html


def test_out_of_range_values_are_refused_with_what_was_typed(client, partnership, secretariat):
    client.force_login(secretariat)
    response = client.post(url(partnership), {"SR-7__max_share": "140", "ME-1__grace_days": "0", "CS-2__min_core": "x"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="140"' in html
    assert "less than or equal to 100" in html
    assert "greater than or equal to 1" in html
    assert not ParameterOverride.objects.exists()


def test_the_checklist_says_what_is_checked_with_the_partnership_s_numbers(client, partnership, secretariat):
    from .runs import make_run

    make_run(partnership)
    ParameterOverride.objects.create(partnership=partnership, item_id="CS-2", name="min_core", value=5)
    client.force_login(secretariat)
    html = client.get(reverse("phases:checklist", args=[partnership.pk])).content.decode()
    assert "At least 5 core-group members" in html


def test_partners_may_not_change_parameters(client, partnership, partner):
    client.force_login(partner)
    assert client.get(url(partnership)).status_code == 403
    assert client.post(url(partnership), {"CS-2__min_core": "4"}).status_code == 403
