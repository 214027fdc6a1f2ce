"""Any checklist run as a printable PDF (issue 13, acceptance 6): made once by a Celery job through msp.documents,
then the same file on every download; every item of the catalogue is in it with its result in words."""

import hashlib
import shutil
import subprocess

import pytest
from django.urls import reverse

from msp.documents import StoredDocument
from phases import run_pdf, tasks
from phases.catalogue import ITEMS, Result
from tests.phases.runs import make_run

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (pdftotext)")

RESULTS = {"CS-2": Result.FAIL, "CM-6": Result.WARN, "PM-4": Result.CONFIRM, "ME-3": Result.NOT_APPLICABLE}
EVIDENCE = {"CS-2": "Only 2 core-group members: Acme Ltd, River NGO."}


def _run(partnership):
    return make_run(partnership, RESULTS, evidence=EVIDENCE, notes={"CM-6": "Agreed at the May workshop."})


def _download(client, run, **params):
    response = client.get(reverse("phases:run_pdf", args=[run.partnership_id, run.pk]), params)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return response.content


def _text(content, tmp_path, *options):
    path = tmp_path / "checklist.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_the_pdf_lists_every_catalogue_item_with_its_result_in_words(client, partnership, partner, tmp_path):
    run = _run(partnership)
    client.force_login(partner)
    content = _download(client, run)
    lines = [" ".join(line.split()) for line in _text(content, tmp_path, "-layout").splitlines()]
    for item in ITEMS:
        word = str(Result(RESULTS.get(item.id, Result.PASS)).label)
        assert any(line.startswith(item.id + " ") and line.endswith(word) for line in lines), (item.id, word)
    text = " ".join(_text(content, tmp_path).split())
    assert "Success-factor checklist" in text and partnership.name in text
    assert "Only 2 core-group members: Acme Ltd, River NGO." in text  # the evidence
    assert "Agreed at the May workshop." in text  # the judgement note
    assert "Health per area" in text and "Overall" in text and "Page 1 /" in text


def test_the_pdf_is_stored_once_and_never_changes(client, partnership, partner, secretariat, tmp_path):
    run = _run(partnership)
    client.force_login(partner)
    first = _download(client, run)
    client.force_login(secretariat)
    second = _download(client, run)
    stored = StoredDocument.objects.get()
    assert stored.kind == StoredDocument.Kind.CHECKLIST_RUN and stored.subject_id == run.pk
    assert first == second and hashlib.sha256(first).hexdigest() == stored.sha256


def test_the_task_run_twice_keeps_the_first_copy(partnership):
    run = _run(partnership)
    tasks.store_run_pdf.apply(args=(run.pk, "en"))
    stored = StoredDocument.objects.get()
    tasks.store_run_pdf.apply(args=(run.pk, "en"))
    assert list(StoredDocument.objects.all()) == [stored]
    assert run_pdf.run_pdf_store(run_id=run.pk, language="en") == stored


def test_the_pdf_is_tagged_archival(partnership, tmp_path):
    run = _run(partnership)
    path = tmp_path / "run.pdf"
    path.write_bytes(run_pdf.run_pdf_store(run_id=run.pk, language="en").read())
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "Tagged:          yes" in info


def test_in_the_working_language_by_default_and_another_on_request(client, partnership, partner, tmp_path):
    partnership.language = "fr"
    partnership.save(update_fields=["language"])
    run = _run(partnership)
    client.force_login(partner)
    french = " ".join(_text(_download(client, run), tmp_path).split())
    assert "Santé par domaine" in french and "Non satisfait" in french
    german = " ".join(_text(_download(client, run, language="de"), tmp_path).split())
    assert "Zustand je Bereich" in german and "Seite 1 /" in german
    assert sorted(StoredDocument.objects.values_list("language", flat=True)) == ["de", "fr"]


def test_while_the_job_has_not_run_the_page_says_it_is_being_prepared(client, partnership, partner, monkeypatch):
    run = _run(partnership)
    monkeypatch.setattr(tasks.store_run_pdf, "delay", lambda *args: None)  # a worker that has not got to it yet
    client.force_login(partner)
    response = client.get(reverse("phases:run_pdf", args=[partnership.pk, run.pk]))
    assert response.status_code == 200 and "being prepared" in response.content.decode()
    assert not StoredDocument.objects.exists()


def test_the_run_and_checklist_pages_offer_the_download(client, partnership, partner):
    run = _run(partnership)
    client.force_login(partner)
    url = reverse("phases:run_pdf", args=[partnership.pk, run.pk])
    assert url in client.get(reverse("phases:run", args=[partnership.pk, run.pk])).content.decode()
    assert url in client.get(reverse("phases:checklist", args=[partnership.pk])).content.decode()


def test_a_run_of_another_partnership_is_not_found(client, partnership, partner):
    from tests.factories import PartnershipFactory

    other = make_run(PartnershipFactory())
    client.force_login(partner)
    assert client.get(reverse("phases:run_pdf", args=[partnership.pk, other.pk])).status_code == 404
