"""The MoU PDF: the fingerprint once (short in the rows), a summary block, paper signatures marked, wet-ink lines
for parties that sign on paper, clause types not repeating the title, and the parties of the version only."""

import datetime as dt
import shutil
import subprocess

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from governance import services
from governance.demo import evidence_pdf
from tests.factories import ContactFactory, MembershipFactory, OrganisationFactory
from tests.governance.factories import member, mou_draft, sign

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (pdftotext)")


def _pdf_text(client, partnership, version, tmp_path):
    response = client.get(reverse("governance:mou_pdf", args=[partnership.pk, version.number]))
    assert response.status_code == 200
    pdf = tmp_path / "mou.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def test_the_pdf_reads_as_signed_after_a_member_joins_and_marks_paper_signatures(
    client, partnership, secretariat, kofi, tmp_path
):
    paper = OrganisationFactory(name="Paper Cooperative")
    MembershipFactory(partnership=partnership, organisation=paper, role="core_partner")
    ContactFactory(organisation=paper, name="Yao Kouassi", job_title="President", may_sign=True)
    version = mou_draft(partnership, secretariat, clauses=())
    services.clause_save(version=version, by=secretariat, type="exit", title="Exit", text="Leave with notice.")
    services.clause_save(version=version, by=secretariat, type="other", title="Fees", text="None.")
    version = services.mou_send_for_signature(version=version, by=secretariat)
    sign(version, kofi)

    client.force_login(secretariat)
    text = _pdf_text(client, partnership, version, tmp_path)
    assert "Signature on paper" in text  # a wet-ink line for the party nobody can sign for online
    assert "1. Exit" in text and "(Exit)" not in text and "2. Fees (Other)" in text
    assert text.replace(" ", "").count(version.fingerprint) == 1
    assert version.fingerprint[:8] in text
    for expected in ("Cocoa Partnership", "Ghana", "Côte d'Ivoire", "Paper Cooperative", "Core partner"):
        assert expected in text, expected

    services.mou_sign_on_paper(
        version=version,
        by=secretariat,
        organisation=paper,
        name="Yao Kouassi",
        position="President",
        signed_on=dt.date.today(),
        evidence=ContentFile(evidence_pdf("page"), name="page.pdf"),
    )
    member(partnership, "late", org_name="Latecomer Ltd")
    text = _pdf_text(client, partnership, version, tmp_path)
    assert "In force" in text
    assert "signed on paper" in text and "Yao Kouassi" in text
    assert "Latecomer Ltd" not in text and "not signed" not in text
