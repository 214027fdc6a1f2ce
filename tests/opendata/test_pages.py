"""The secretariat's "Open data (IATI)" page: what the file holds, read back from it; publishing, the public
address, withdrawing; the refusals; and who may see any of it."""

import re

import pytest
from django.urls import reverse
from lxml import etree

from msp.models import ActivityEntry
from opendata import iati
from opendata.models import Publication


def preview_url(partnership):
    return reverse("opendata:preview", args=[partnership.pk])


def action_url(name, partnership):
    return reverse(f"opendata:{name}", args=[partnership.pk])


def text_of(response):
    """The page's text without tags, spaces collapsed: what a reader sees."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_the_secretariat_finds_the_page_in_the_partnerships_tabs(client, partnership, secretariat, partner):
    client.force_login(secretariat)
    assert preview_url(partnership) in client.get(reverse("msp:dashboard", args=[partnership.pk])).content.decode()
    client.force_login(partner)
    assert preview_url(partnership) not in client.get(reverse("msp:dashboard", args=[partnership.pk])).content.decode()


def test_the_summary_shows_what_the_file_holds(client, partnership, secretariat, rich_builder):
    client.force_login(secretariat)
    page = text_of(client.get(preview_url(partnership)))
    for shown in [
        "XI-IATI-MSPM-P7",  # the identifier in the file
        "MSP Manager secretariat network",
        "Sustainable Cocoa Partnership",
        "Farmers, buyers and governments end deforestation in cocoa.",
        "Zero deforestation by 2030.",
        "Implementation",  # activity status 2
        "Planned start",
        "Ghana GH 60 %",
        "CI 40 %",
        "Total 100 %",
        "SDG goal (sector) 15",
        "SDG target (tag) 15.2",
        "Ghana Cocoa Board Funding Government GH-COH-1234",
        "Farmers Union Implementing National NGO",
        "2 budget periods",
        "EUR 120,000.00",
        "EUR 80,000.50",
        "EUR 200,000.50",  # the budgets' total
        "3 transactions",
        "Incoming Funds 2 EUR 75,000.00",
        "Expenditure 1 USD 1,200.25",
        "2 results (Output: 1, Impact: 1)",
        "2 indicators",
        "Farmers trained in good agricultural practice",
        "baseline 120 in 2024",
        "400 385",  # the period's target and actual
        "No new clearing",  # a qualitative target
        "Memorandum of Understanding v2",
        "Memorandum of understanding",  # its category, A09
    ]:
        assert shown in page, shown


def test_the_summary_follows_the_file_not_the_database(client, partnership, secretariat, monkeypatch, sample_file):
    """A field the builder leaves out (for privacy, say) is not on the page either: the page reads the file."""
    root = etree.fromstring(sample_file)
    for org in root.iter("participating-org"):
        org.getparent().remove(org)
    monkeypatch.setattr(iati, "activity_file", lambda p, identifier: etree.tostring(root))
    client.force_login(secretariat)
    page = text_of(client.get(preview_url(partnership)))
    assert "Ghana Cocoa Board" not in page
    assert "No participating organisation" in page


def test_the_page_shows_the_identifier_publishing_would_fix(client, partnership, secretariat):
    client.force_login(secretariat)
    page = text_of(client.get(preview_url(partnership)))
    assert f"XI-IATI-MSPM-P{partnership.pk}" in page
    assert "Not published" in page
    assert "Fixed when you first publish" in page


def test_the_secretariat_publishes_and_gets_the_public_address(client, partnership, secretariat):
    client.force_login(secretariat)
    response = client.post(action_url("publish", partnership), follow=True)
    publication = Publication.objects.get(partnership=partnership)
    address = "http://testserver" + reverse("iati:activity", args=[publication.identifier])
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == preview_url(partnership)
    assert f"The IATI file is published at {address}" in page  # the success message
    assert f'value="{address}"' in page  # the copyable address
    assert "fit to register with the IATI Registry" in page
    assert "Last published" in page
    assert action_url("withdraw", partnership) in page and action_url("publish", partnership) not in page

    client.logout()
    download = client.get(address)
    assert download.status_code == 200 and download["Content-Type"] == "application/xml; charset=utf-8"
    assert etree.fromstring(download.content).findtext("iati-activity/iati-identifier") == publication.identifier


def test_publishing_and_withdrawing_show_in_the_activity_feed_with_who_did_it(client, partnership, secretariat):
    client.force_login(secretariat)
    client.post(action_url("publish", partnership))
    client.post(action_url("withdraw", partnership))
    page = text_of(client.get(reverse("msp:activity", args=[partnership.pk])))
    identifier = Publication.objects.get().identifier
    assert f"added the IATI publication “{identifier}”" in page
    assert f"changed the IATI publication “{identifier}”" in page
    entries = ActivityEntry.objects.filter(partnership=partnership, content_type__model="publication")
    assert [entry.actor for entry in entries] == [secretariat, secretariat]  # the request's user, via the middleware


def test_the_secretariat_withdraws_and_the_address_is_gone(client, partnership, secretariat):
    client.force_login(secretariat)
    client.post(action_url("publish", partnership))
    identifier = Publication.objects.get().identifier
    response = client.post(action_url("withdraw", partnership), follow=True)
    page = text_of(response)
    assert "The IATI file is withdrawn" in page
    assert "Withdrawn" in page and f"XI-IATI-MSPM-P{partnership.pk}" in page
    assert client.get(reverse("iati:activity", args=[identifier])).status_code == 404

    client.post(action_url("publish", partnership))  # published again: the same identifier, the same address
    assert Publication.objects.get().identifier == identifier
    assert client.get(reverse("iati:activity", args=[identifier])).status_code == 200


def test_publishing_with_problems_shows_them_and_publishes_nothing(client, partnership, secretariat, builder_problems):
    builder_problems(["Recipient-country percentages sum to 90, not 100."])
    client.force_login(secretariat)
    page = client.get(preview_url(partnership)).content.decode()
    assert "Cannot be published yet" in page
    assert "Recipient-country percentages sum to 90, not 100." in page
    assert re.search(r'<button class="btn btn-success" type="submit" disabled', page)

    response = client.post(action_url("publish", partnership), follow=True)
    assert "The IATI file was not published" in response.content.decode()
    assert "Recipient-country percentages sum to 90, not 100." in response.content.decode()
    assert not Publication.objects.exists()


def test_the_xml_download_is_the_previewed_file(client, partnership, secretariat, rich_builder):
    client.force_login(secretariat)
    response = client.get(action_url("xml", partnership))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="cocoa-partnership-iati-activity.xml"'
    assert response.content == rich_builder


@pytest.mark.parametrize("role", ["partner", "donor"])
def test_partners_and_donors_cannot_preview_or_publish(client, partnership, users, role):
    client.force_login(users[role])
    assert client.get(preview_url(partnership)).status_code == 403
    assert client.get(action_url("xml", partnership)).status_code == 403
    assert client.post(action_url("publish", partnership)).status_code == 403
    assert not Publication.objects.exists()


def test_an_outsider_gets_not_found(client, partnership, outsider):
    client.force_login(outsider)
    assert client.get(preview_url(partnership)).status_code == 404
    assert client.post(action_url("publish", partnership)).status_code == 404
    assert not Publication.objects.exists()


def test_actions_take_post_only(client, partnership, secretariat):
    client.force_login(secretariat)
    assert client.get(action_url("publish", partnership)).status_code == 405
    assert client.get(action_url("withdraw", partnership)).status_code == 405
    assert not Publication.objects.exists()


def test_withdrawing_what_is_not_published_says_so(client, partnership, secretariat):
    client.force_login(secretariat)
    response = client.post(action_url("withdraw", partnership), follow=True)
    assert "nothing to withdraw" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("fr", ["Ce qui serait publié", "2 périodes budgétaires", "Mise en œuvre", "3 transactions"]),
        ("de", ["Was veröffentlicht würde", "2 Budgetzeiträume", "Umsetzung", "2 Ergebnisse"]),
    ],
)
def test_the_summary_reads_in_the_readers_language(client, partnership, secretariat, rich_builder, language, shown):
    client.force_login(secretariat)
    client.cookies["django_language"] = language
    page = text_of(client.get(preview_url(partnership)))
    for text in shown:
        assert text in page, text


def test_the_page_says_what_the_builder_leaves_out_on_purpose(client, partnership, secretariat, monkeypatch):
    monkeypatch.setattr(
        iati, "notes", lambda p: ["Counterparts of transactions are left out: they may be people."], raising=False
    )
    client.force_login(secretariat)
    page = text_of(client.get(preview_url(partnership)))
    assert "Left out on purpose Counterparts of transactions are left out: they may be people." in page
