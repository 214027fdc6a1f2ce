"""The MoU PDF in the partnership's working language (the stored reference copy), and on request in the other two."""

import hashlib
import shutil

import pytest
from django.urls import reverse

from governance import pdf, services
from msp import profiles
from msp.documents import StoredDocument
from tests.governance.factories import mou_draft

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (pdftotext, pdfinfo)")


@pytest.fixture
def french_mou(partnership, secretariat):
    partnership.language = "fr"
    partnership.save()
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    pdf.mou_store(version_id=version.pk, kind=StoredDocument.Kind.MOU_FOR_SIGNATURE)
    return version


def download(client, version, **query):
    url = reverse("governance:mou_pdf", args=[version.partnership_id, version.number])
    response = client.get(url, query)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return response


def test_the_stored_copy_is_in_the_working_language(french_mou):
    assert StoredDocument.objects.get(subject_id=french_mou.pk).language == "fr"


def test_the_download_is_the_stored_copy_whatever_the_readers_language(client, french_mou, partner):
    profiles.user_language_set(user=partner, language="de")
    client.force_login(partner)
    response = download(client, french_mou)
    stored = StoredDocument.objects.get(subject_id=french_mou.pk)
    assert hashlib.sha256(response.content).hexdigest() == stored.sha256
    assert response["Content-Disposition"].endswith(f'-v{french_mou.number}.pdf"')


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_other_languages_render_on_request(client, french_mou, partner, language):
    client.force_login(partner)
    response = download(client, french_mou, language=language)
    stored = StoredDocument.objects.get(subject_id=french_mou.pk)
    assert hashlib.sha256(response.content).hexdigest() != stored.sha256
    assert response["Content-Disposition"].endswith(f'-v{french_mou.number}-{language}.pdf"')
    assert "ETag" not in response


def test_an_unknown_language_gets_the_reference(client, french_mou, partner):
    client.force_login(partner)
    response = download(client, french_mou, language="xx")
    assert "ETag" in response


def test_the_version_page_offers_the_other_two(client, french_mou, partner):
    client.force_login(partner)
    page = client.get(french_mou.get_absolute_url()).content.decode()
    pdf_url = reverse("governance:mou_pdf", args=[french_mou.partnership_id, french_mou.number])
    assert f'<a href="{pdf_url}?language=en" hreflang="en" lang="en">English</a>' in page
    assert f'<a href="{pdf_url}?language=de" hreflang="de" lang="de">Deutsch</a>' in page
    assert f"{pdf_url}?language=fr" not in page
