"""Every form page that comes back with errors starts with a summary: what is wrong, with links to the fields."""

import re

from django.urls import reverse

from msp.models import Partnership

from .test_partnership_views import VALID


def summary_of(html):
    match = re.search(r"<div[^>]*data-error-summary[^>]*>.*?</ul>", html, re.S)
    return match.group(0) if match else None


def test_it_lists_the_errors_with_links_to_their_fields_before_the_form(client, secretariat):
    client.force_login(secretariat)
    response = client.post(reverse("msp:partnership_create"), {**VALID, "name": "", "currency": ""})
    html = response.content.decode()
    summary = summary_of(html)
    assert summary is not None
    assert html.index(summary) < html.index('<form method="post" class="card')
    assert 'tabindex="-1"' in summary
    assert re.search(r'<a href="#id_name">Name[^<]*</a>', summary)
    assert re.search(r'<a href="#id_currency">Reporting currency[^<]*</a>', summary)
    assert "This field is required." in summary
    assert "2 problems" in summary


def test_a_page_without_errors_has_no_summary(client, secretariat):
    client.force_login(secretariat)
    assert summary_of(client.get(reverse("msp:partnership_create")).content.decode()) is None


def test_a_form_level_error_is_in_the_summary_once(client, partnership, secretariat):
    client.force_login(secretariat)
    Partnership.objects.filter(pk=partnership.pk).update(phase=2)
    response = client.post(reverse("phases:advance", args=[partnership.pk]), {"to_phase": 2})
    html = response.content.decode()
    assert "Meanwhile the partnership has moved to phase 2" in summary_of(html)
    assert html.count("Meanwhile the partnership has moved") == 1


def test_a_stale_edit_is_explained_once_at_the_top(client, partnership, secretariat):
    client.force_login(secretariat)
    url = reverse("msp:partnership_edit", args=[partnership.pk])
    data = {**VALID, "revision": partnership.revision}
    Partnership.objects.filter(pk=partnership.pk).update(revision=partnership.revision + 1)
    html = client.post(url, data).content.decode()
    summary = summary_of(html)
    assert summary is not None and "Someone else saved this partnership" in summary
    assert html.count("Someone else saved this partnership") == 1


def test_forms_of_other_apps_get_it_too(client, partnership, secretariat):
    client.force_login(secretariat)
    response = client.post(reverse("msp:roles", args=[partnership.pk]), {"user": "nobody-here", "role": "partner"})
    summary = summary_of(response.content.decode())
    assert summary is not None
    assert re.search(r'<a href="#id_user">User[^<]*</a>', summary)
