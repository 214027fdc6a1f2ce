"""The secretariat downloads the partnership's export ZIP from its edit page."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from msp import activity, services
from msp.models import ActivityEntry

pytestmark = pytest.mark.django_db


def url(partnership):
    return reverse("transfer:export", args=[partnership.pk])


def download(client, user, partnership):
    client.force_login(user)
    return client.post(url(partnership))


def test_the_secretariat_downloads_a_zip_with_the_partnership_and_its_people(client, partnership, secretariat, partner):
    response = download(client, secretariat, partnership)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert 'attachment; filename="cocoa-partnership-export-' in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["partnership"] == {"id": f"msp.partnership:{partnership.pk}", "name": "Cocoa Partnership"}
    assert manifest["counts"]["msp.partnershiprole"] == 2
    users = json.loads(archive.read("reference/auth.user.json"))
    assert {u["fields"]["email"] for u in users} == {secretariat.email, partner.email}
    assert not any("password" in u["fields"] for u in users)


def test_the_download_is_in_the_activity_feed(client, partnership, secretariat):
    download(client, secretariat, partnership)

    entry = ActivityEntry.objects.get(partnership=partnership, action=ActivityEntry.Action.ACCESS)
    assert entry.actor == secretariat
    assert activity.summarise(entry).sentence == "exported the partnership “Cocoa Partnership” (ZIP)"


def test_an_archived_partnership_can_still_be_exported(client, partnership, secretariat):
    services.partnership_archive(partnership=partnership, by=secretariat)
    client.force_login(secretariat)

    page = client.get(reverse("msp:dashboard", args=[partnership.pk]))
    assert "Export partnership (ZIP)" in page.text
    assert client.post(url(partnership)).status_code == 200


def test_the_edit_page_offers_it_and_says_how_it_differs_from_archiving(client, partnership, secretariat):
    client.force_login(secretariat)
    page = client.get(reverse("msp:partnership_edit", args=[partnership.pk]))
    assert "Export partnership (ZIP)" in page.text and "Unlike archiving" in page.text


@pytest.mark.parametrize(("role", "status"), [("partner", 403), ("donor", 403), ("outsider", 404), ("superuser", 200)])
def test_only_the_secretariat_and_superusers_may_export(client, partnership, users, role, status):
    assert download(client, users[role], partnership).status_code == status
    assert ActivityEntry.objects.filter(action=ActivityEntry.Action.ACCESS).exists() == (status == 200)


def test_it_is_a_post(client, partnership, secretariat):
    client.force_login(secretariat)
    assert client.get(url(partnership)).status_code == 405


def test_signed_out_visitors_are_sent_to_sign_in(client, partnership):
    response = client.post(url(partnership))
    assert response.status_code == 302 and reverse("login") in response["Location"]
