"""A signed MoU is a document that never changes: rendered once by a task when sent for signature and when in
force, kept with its SHA-256, and served as that file on every download. Drafts and versions in review render on
demand; a broker that is down delays the stored copy (the sweep makes it) but never the download."""

import datetime as dt
import hashlib
import io
import shutil
import subprocess

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from kombu.exceptions import OperationalError

from governance import pdf, selectors, services, tasks
from governance.demo import evidence_pdf
from governance.models import MouVersion
from msp.documents import StoredDocument, pdf_identifier
from msp.pdf import render_pdf
from tests.governance.factories import mou_draft, sign

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (pdftotext, pdfinfo)")
Kind = StoredDocument.Kind


def _download(client, version):
    response = client.get(reverse("governance:mou_pdf", args=[version.partnership_id, version.number]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return response


def _text(content, tmp_path):
    path = tmp_path / "mou.pdf"
    path.write_bytes(content)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


def _in_force(partnership, secretariat, kofi, awa, capture):
    with capture(execute=True):
        version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    with capture(execute=True):
        sign(version, kofi)
    with capture(execute=True):
        sign(version, awa)
    version.refresh_from_db()
    assert version.status == MouVersion.Status.IN_FORCE
    return version


def test_two_downloads_of_a_signed_mou_are_byte_identical_and_match_the_stored_hash(
    client, partnership, secretariat, kofi, awa, django_capture_on_commit_callbacks, tmp_path
):
    version = _in_force(partnership, secretariat, kofi, awa, django_capture_on_commit_callbacks)
    stored = StoredDocument.objects.get(subject_id=version.pk, kind=Kind.MOU_IN_FORCE)
    client.force_login(kofi)
    first, second = _download(client, version), _download(client, version)
    assert first.content == second.content
    assert hashlib.sha256(first.content).hexdigest() == stored.sha256 == first["ETag"].strip('"')
    assert len(first.content) == stored.size
    text = _text(first.content, tmp_path)
    assert "In force" in text and "reference copy of the signed MoU as it came into force" in text
    assert "Generated" not in text  # no stamp of the time of download
    assert version.signatures.get(organisation__contacts__user=kofi).signer_name in text  # signatures are in it


def test_sending_for_signature_keeps_the_text_to_sign_and_in_force_a_second_copy(
    client, partnership, secretariat, kofi, awa, django_capture_on_commit_callbacks, tmp_path
):
    with django_capture_on_commit_callbacks(execute=True):
        version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    sent = StoredDocument.objects.get(subject_id=version.pk, kind=Kind.MOU_FOR_SIGNATURE)
    assert sent.language == "en"
    with django_capture_on_commit_callbacks(execute=True):
        sign(version, kofi)
    client.force_login(secretariat)
    content = _download(client, version).content  # partially signed: still the text as sent
    assert hashlib.sha256(content).hexdigest() == sent.sha256
    text = _text(content, tmp_path)
    assert "For signature" in text and "reference copy of the text as sent for signature" in text
    with django_capture_on_commit_callbacks(execute=True):
        sign(version, awa)
    in_force = StoredDocument.objects.get(subject_id=version.pk, kind=Kind.MOU_IN_FORCE)
    assert in_force.sha256 != sent.sha256
    assert hashlib.sha256(_download(client, version).content).hexdigest() == in_force.sha256


def test_the_task_run_twice_makes_one_document_with_one_file(partnership, secretariat, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    tasks.store_mou_copy.apply(args=(version.pk, Kind.MOU_FOR_SIGNATURE))
    tasks.store_mou_copy.apply(args=(version.pk, Kind.MOU_FOR_SIGNATURE))
    documents = StoredDocument.objects.filter(subject_id=version.pk)
    assert [d.kind for d in documents] == [Kind.MOU_FOR_SIGNATURE]
    files = list((tmp_path / "documents").rglob("*.pdf"))
    assert [f.name for f in files] == [documents[0].file.name.rsplit("/", 1)[-1]]


def test_a_copy_for_a_state_the_version_never_reached_is_not_made(partnership, secretariat):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    tasks.store_mou_copy.apply(args=(version.pk, Kind.MOU_IN_FORCE))
    assert not StoredDocument.objects.exists()


def test_with_the_broker_down_the_download_renders_on_demand_and_the_sweep_stores_it_later(
    client, partnership, secretariat, django_capture_on_commit_callbacks, monkeypatch, tmp_path
):
    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to redis:6379. Connection refused.")

    monkeypatch.setattr(tasks.store_mou_copy, "delay", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    assert not StoredDocument.objects.exists()
    client.force_login(secretariat)
    text = _text(_download(client, version).content, tmp_path)
    assert "Rendered on demand while the stored reference copy is being made" in text

    call_command("run_scheduled_jobs", stdout=io.StringIO())
    stored = StoredDocument.objects.get(subject_id=version.pk, kind=Kind.MOU_FOR_SIGNATURE)
    assert hashlib.sha256(_download(client, version).content).hexdigest() == stored.sha256


def test_a_draft_and_a_version_in_review_render_on_demand_and_store_nothing(
    client, partnership, secretariat, django_capture_on_commit_callbacks, tmp_path
):
    with django_capture_on_commit_callbacks(execute=True):
        version = services.mou_send_for_review(version=mou_draft(partnership, secretariat), by=secretariat)
    client.force_login(secretariat)
    response = _download(client, version)
    assert "ETag" not in response and "Generated" in _text(response.content, tmp_path)
    assert not StoredDocument.objects.exists()


def test_the_stored_copy_is_pdf_a_2a_and_tagged(partnership, secretariat, tmp_path):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    tasks.store_mou_copy.apply(args=(version.pk, Kind.MOU_FOR_SIGNATURE))
    path = tmp_path / "stored.pdf"
    path.write_bytes(StoredDocument.objects.get().read())
    info = subprocess.run(["pdfinfo", "-meta", str(path)], capture_output=True, text=True, check=True).stdout
    assert "pdfaid:part" in info and "2" in info.split("pdfaid:part", 1)[1][:5]
    assert "pdfaid:conformance" in info and "A" in info.split("pdfaid:conformance", 1)[1][:5]
    assert "Tagged:          yes" in subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout


def test_the_page_names_both_hashes(client, partnership, secretariat, kofi, awa, django_capture_on_commit_callbacks):
    version = _in_force(partnership, secretariat, kofi, awa, django_capture_on_commit_callbacks)
    stored = StoredDocument.objects.get(subject_id=version.pk, kind=Kind.MOU_IN_FORCE)
    client.force_login(awa)
    page = client.get(version.get_absolute_url()).content.decode()
    assert "Fingerprint of the signed text (SHA-256)" in page and version.fingerprint in page
    assert "SHA-256 of the stored PDF file" in page and stored.sha256 in page


def test_a_copy_rendered_again_from_the_same_version_has_the_same_bytes(partnership, secretariat):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    stored = pdf.mou_store(version_id=version.pk, kind=Kind.MOU_FOR_SIGNATURE)
    version = selectors.mou_version_for_pdf(partnership, version.number)
    again = render_pdf(
        pdf.mou_html(version, kind=Kind.MOU_FOR_SIGNATURE),
        archival=True,
        identifier=pdf_identifier(version, Kind.MOU_FOR_SIGNATURE, "en"),
    )
    assert hashlib.sha256(again).hexdigest() == stored.sha256


def test_a_signature_recorded_on_paper_that_completes_the_mou_stores_the_signed_copy(
    partnership, secretariat, kofi, awa, django_capture_on_commit_callbacks
):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    sign(version, kofi)
    awa_org = version.parties.filter(purpose="sign").exclude(organisation__contacts__user=kofi).get().organisation
    with django_capture_on_commit_callbacks(execute=True):
        services.mou_sign_on_paper(
            version=version,
            by=secretariat,
            organisation=awa_org,
            name="Awa Traoré",
            position="Director",
            signed_on=dt.date.today(),
            evidence=ContentFile(evidence_pdf("page"), name="page.pdf"),
        )
    stored = StoredDocument.objects.get(subject_id=version.pk, kind=Kind.MOU_IN_FORCE)
    assert stored.size > 0 and len(stored.sha256) == 64


def test_another_language_renders_on_demand_marked_as_a_translation(partnership, secretariat, tmp_path):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    pdf.mou_store(version_id=version.pk, kind=Kind.MOU_FOR_SIGNATURE)
    version = selectors.mou_version_for_pdf(partnership, version.number)
    content, stored = pdf.mou_pdf_file(version, "fr")  # on request, in another language than the partnership's
    assert stored is None
    assert "(anglais)" in _text(content, tmp_path).lower()  # "... the partnership's language (English)", in French
    with translation.override("fr"):  # the reader's interface language does not change the reference
        content, stored = pdf.mou_pdf_file(version)
    assert stored is not None and hashlib.sha256(content).hexdigest() == stored.sha256
