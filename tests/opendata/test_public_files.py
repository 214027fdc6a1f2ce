"""The public IATI files, without signing in: a published partnership's activity file at its stable address, all
published activities in one file, the organisation file. Nothing else is served: not a partnership never published,
nor one withdrawn, nor one archived."""

from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from opendata import services
from opendata.models import Publication
from tests.factories import PartnershipFactory, RoleFactory

XML = "application/xml; charset=utf-8"


def activity_url(publication):
    return reverse("iati:activity", args=[publication.identifier])


def identifiers(response):
    return [i.text for i in etree.fromstring(response.content).iter("iati-identifier")]


def test_the_address_is_built_from_the_identifier(partnership, secretariat):
    publication = services.publish(partnership, by=secretariat)
    assert activity_url(publication) == f"/iati/activities/XI-IATI-MSPM-P{partnership.pk}.xml"


@override_settings(DEBUG=False)
def test_anyone_downloads_a_published_activity_file_without_signing_in(client, partnership, secretariat):
    publication = services.publish(partnership, by=secretariat)
    response = client.get(activity_url(publication))
    assert response.status_code == 200
    assert response["Content-Type"] == XML
    root = etree.fromstring(response.content)
    assert root.tag == "iati-activities" and root.get("version") == "2.03"
    assert identifiers(response) == [publication.identifier]
    assert response["Cache-Control"] == "public, no-cache"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert client.head(activity_url(publication)).status_code == 200


def test_an_unchanged_file_answers_not_modified(client, partnership, secretariat):
    publication = services.publish(partnership, by=secretariat)
    first = client.get(activity_url(publication))
    again = client.get(activity_url(publication), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    partnership.name = "Cocoa Partnership for Forests"
    partnership.save()
    changed = client.get(activity_url(publication), HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]


def test_a_partnership_never_published_has_no_file(client, partnership):
    response = client.get(reverse("iati:activity", args=[f"XI-IATI-MSPM-P{partnership.pk}"]))
    assert response.status_code == 404


def test_a_withdrawn_file_is_gone(client, partnership, secretariat):
    publication = services.publish(partnership, by=secretariat)
    services.withdraw(partnership, by=secretariat)
    assert client.get(activity_url(publication)).status_code == 404
    assert client.get(reverse("iati:activities")).status_code == 404  # no empty activities file in IATI


def test_an_archived_partnerships_file_is_gone_until_it_is_restored(client, partnership, secretariat):
    publication = services.publish(partnership, by=secretariat)
    partnership.archived_at = timezone.now()
    partnership.save()
    assert client.get(activity_url(publication)).status_code == 404
    assert client.get(reverse("iati:activities")).status_code == 404
    partnership.archived_at = None
    partnership.save()
    assert client.get(activity_url(publication)).status_code == 200


def test_the_file_of_all_activities_holds_the_published_ones_only(client, partnership, secretariat):
    first = services.publish(partnership, by=secretariat)
    withdrawn = PartnershipFactory(name="Water")
    staff = RoleFactory(partnership=withdrawn, role="secretariat").user
    services.publish(withdrawn, by=staff)
    services.withdraw(withdrawn, by=staff)
    PartnershipFactory(name="Never published")
    rice = PartnershipFactory(name="Rice")
    second = services.publish(rice, by=RoleFactory(partnership=rice, role="secretariat").user)
    response = client.get(reverse("iati:activities"))
    assert response.status_code == 200 and response["Content-Type"] == XML
    assert identifiers(response) == [first.identifier, second.identifier]


def test_the_organisation_file_names_the_reporting_organisation(client, db):
    response = client.get(reverse("iati:organisation"))
    assert response.status_code == 200 and response["Content-Type"] == XML
    root = etree.fromstring(response.content)
    assert root.tag == "iati-organisations"
    assert root.findtext("iati-organisation/organisation-identifier") == "XI-IATI-MSPM"


def test_the_files_are_read_only(client, partnership, secretariat):
    publication = services.publish(partnership, by=secretariat)
    for url in (activity_url(publication), reverse("iati:activities"), reverse("iati:organisation")):
        assert client.post(url).status_code == 405
    assert Publication.objects.get().is_published


def test_an_identifier_with_odd_characters_is_just_not_found(client, db):
    for identifier in ["../../etc/passwd", "x%00y", "' OR 1=1 --", "a" * 500]:
        assert client.get(f"/iati/activities/{identifier}.xml").status_code == 404
