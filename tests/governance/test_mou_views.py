"""The MoU pages as people use them: drafting, review, signing, refusals with messages, the PDF, the signed copy."""

import shutil
import subprocess

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from governance import services
from governance.demo import evidence_pdf
from governance.models import Clause, MouComment, MouSignature, MouVersion
from tests.factories import RoleFactory
from tests.governance.factories import mou_draft, sign


def url(name, partnership, *args):
    return reverse(f"governance:{name}", args=[partnership.pk, *args])


def test_the_secretariat_drafts_an_mou_clause_by_clause(client, partnership, secretariat):
    client.force_login(secretariat)
    page = client.get(url("mou_list", partnership))
    assert "No MoU yet" in page.content.decode()
    response = client.post(url("mou_create", partnership), follow=True)
    assert "MoU version 1 is started" in response.content.decode()
    response = client.post(
        url("mou_clause_add", partnership, 1),
        {"type": "governance", "title": "Decisions", "text": "By **consensus**.\n\n- one seat each"},
        follow=True,
    )
    body = response.content.decode()
    assert "Clause “Decisions” is saved." in body
    assert "By <strong>consensus</strong>." in body and "<li>one seat each</li>" in body


def test_a_clause_with_missing_fields_keeps_what_was_typed(client, partnership, secretariat):
    client.force_login(secretariat)
    version = mou_draft(partnership, secretariat, clauses=())
    response = client.post(
        url("mou_clause_add", partnership, version.number), {"type": "", "title": "", "text": "Kept text"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "This field is required." in body and "Kept text" in body
    assert not Clause.objects.exists()


def test_sending_for_review_freezes_and_tells_the_secretariat(client, partnership, secretariat, kofi):
    client.force_login(secretariat)
    version = mou_draft(partnership, secretariat)
    response = client.post(url("mou_send_review", partnership, version.number), follow=True)
    assert "is sent for review" in response.content.decode()
    assert MouVersion.objects.get(pk=version.pk).status == "in_review"
    # An empty draft is refused with a message, not an error page.
    client.post(url("mou_create", partnership))
    empty = MouVersion.objects.get(status="draft")
    empty.clauses.all().delete()
    response = client.post(url("mou_send_review", partnership, empty.number), follow=True)
    assert "Add at least one clause" in response.content.decode()


def test_a_partner_comments_on_a_clause_and_the_secretariat_resolves_it(client, partnership, secretariat, kofi):
    version = services.mou_send_for_review(version=mou_draft(partnership, secretariat), by=secretariat)
    clause = version.clauses.first()
    client.force_login(kofi)
    response = client.post(
        url("mou_comment", partnership, version.number), {"body": "Too vague.", "clause": clause.pk}, follow=True
    )
    body = response.content.decode()
    assert "Your comment is added." in body and "Too vague." in body and "Ghana Cocoa Board" in body
    assert "Mark resolved" not in body  # partners do not resolve
    comment = MouComment.objects.get()
    assert comment.clause == clause
    assert client.post(url("mou_comment_resolve", partnership, version.number, comment.pk)).status_code == 403

    client.force_login(secretariat)
    response = client.post(url("mou_comment_resolve", partnership, version.number, comment.pk), follow=True)
    assert "The comment is marked resolved." in response.content.decode()
    assert MouComment.objects.get().is_resolved


def test_an_empty_comment_is_refused_and_nothing_typed_is_lost(client, partnership, secretariat, kofi):
    version = services.mou_send_for_review(version=mou_draft(partnership, secretariat), by=secretariat)
    client.force_login(kofi)
    response = client.post(url("mou_comment", partnership, version.number), {"body": ""})
    assert response.status_code == 400
    assert "Write your comment first." in response.content.decode()
    services.mou_send_for_signature(version=version, by=secretariat)
    sign(version, kofi)
    MouVersion.objects.filter(pk=version.pk).update(status="in_force")
    response = client.post(url("mou_comment", partnership, version.number), {"body": "My long remark"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Comments on version 1 are closed" in body and "My long remark" in body


def test_a_partner_approves_for_their_own_organisation_only(client, partnership, secretariat, kofi, awa):
    version = services.mou_send_for_review(version=mou_draft(partnership, secretariat), by=secretariat)
    client.force_login(kofi)
    page = client.get(url("mou_version", partnership, version.number)).content.decode()
    assert "Approve for Ghana Cocoa Board" in page
    response = client.post(
        url("mou_approve", partnership, version.number), {"organisation": awa.contact.organisation_id}
    )
    assert response.status_code == 400
    assert "only approve this MoU for your own organisation" in response.content.decode()
    response = client.post(
        url("mou_approve", partnership, version.number), {"organisation": kofi.contact.organisation_id}, follow=True
    )
    assert "You approved version 1 for Ghana Cocoa Board." in response.content.decode()


def _sign_data(user, version, **extra):
    contact = user.contact
    data = {
        "organisation": contact.organisation_id,
        "name": contact.name,
        "position": "Director",
        "fingerprint": version.fingerprint,
        "confirm": "on",
    }
    return {**data, **extra}


def test_partners_sign_and_the_mou_comes_into_force(client, partnership, secretariat, kofi, awa):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    client.force_login(kofi)
    page = client.get(url("mou_version", partnership, version.number)).content.decode()
    assert "Sign for Ghana Cocoa Board" in page and version.fingerprint in page
    response = client.post(url("mou_sign", partnership, version.number), _sign_data(kofi, version), follow=True)
    body = response.content.decode()
    assert "You signed version 1 for Ghana Cocoa Board." in body and "Partially signed" in body
    client.force_login(awa)
    response = client.post(url("mou_sign", partnership, version.number), _sign_data(awa, version), follow=True)
    assert "the MoU is in force" in response.content.decode()
    assert MouVersion.objects.get(pk=version.pk).status == "in_force"


def test_signing_refusals_come_back_as_messages_on_the_page(client, partnership, secretariat, kofi, awa):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    client.force_login(kofi)
    sign_url = url("mou_sign", partnership, version.number)
    response = client.post(sign_url, _sign_data(kofi, version, confirm="", position="Chief of Research"))
    assert response.status_code == 400
    body = response.content.decode()
    assert "Confirm that you have read the text" in body and "Chief of Research" in body
    response = client.post(sign_url, _sign_data(kofi, version, organisation=awa.contact.organisation_id))
    assert response.status_code == 400 and "only sign this MoU for your own organisation" in response.content.decode()
    client.post(sign_url, _sign_data(kofi, version))
    response = client.post(sign_url, _sign_data(kofi, version))
    assert response.status_code == 400 and "has already signed this version" in response.content.decode()
    assert MouSignature.objects.count() == 1


def test_a_version_not_for_signature_cannot_be_signed_through_the_page(client, partnership, secretariat, kofi):
    version = services.mou_send_for_review(version=mou_draft(partnership, secretariat), by=secretariat)
    client.force_login(kofi)
    response = client.post(url("mou_sign", partnership, version.number), _sign_data(kofi, version))
    assert response.status_code == 400
    assert "only a version sent for signature can be signed" in response.content.decode()


def test_the_secretariat_and_donors_cannot_sign(client, partnership, secretariat, donor, kofi):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    for user in (secretariat, donor):
        client.force_login(user)
        assert client.post(url("mou_sign", partnership, version.number), _sign_data(kofi, version)).status_code == 403
        assert "Sign for" not in client.get(url("mou_version", partnership, version.number)).content.decode()
    assert not MouSignature.objects.exists()


def test_donors_read_the_mou_without_the_review_discussion(client, partnership, secretariat, kofi, donor):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    services.mou_comment(version=version, by=kofi, body="Internal remark", clause=version.clauses.first())
    sign(version, kofi)  # the only party: now in force
    client.force_login(donor)
    body = client.get(url("mou_version", partnership, version.number)).content.decode()
    assert "The text of Roles." in body
    assert "Internal remark" not in body and "Comment on this clause" not in body
    assert client.post(url("mou_comment", partnership, version.number), {"body": "Hi"}).status_code == 403


def test_terminating_needs_a_reason(client, partnership, secretariat, kofi):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    sign(version, kofi)
    client.force_login(secretariat)
    response = client.post(url("mou_terminate", partnership, version.number), {"reason": ""})
    assert response.status_code == 400 and "Say why the MoU is terminated." in response.content.decode()
    response = client.post(
        url("mou_terminate", partnership, version.number), {"reason": "Partners agreed to end it."}, follow=True
    )
    assert "is recorded as terminated" in response.content.decode()


def test_the_compare_page_shows_what_changed_clause_by_clause(client, partnership, secretariat):
    v1 = services.mou_send_for_review(version=mou_draft(partnership, secretariat), by=secretariat)
    v2 = services.mou_version_create(partnership=partnership, by=secretariat)
    services.clause_save(version=v2, by=secretariat, clause=v2.clauses.get(title="Exit"), text="The text of leaving.")
    services.clause_save(version=v2, by=secretariat, type="grievance", title="Grievance", text="Talk first.")
    services.clause_delete(clause=v2.clauses.get(title="Roles"), by=secretariat)
    client.force_login(secretariat)
    body = client.get(url("mou_compare", partnership) + f"?a={v1.number}&b={v2.number}").content.decode()
    assert "<del>Exit</del>" in body and "<ins>leaving</ins>" in body
    assert "Added" in body and "Removed" in body and "2 clauses differ" not in body and "3 clauses differ." in body
    assert client.get(url("mou_compare", partnership) + "?a=1&b=1").status_code == 400
    assert client.get(url("mou_compare", partnership) + "?a=1&b=9").status_code == 400
    assert client.get(url("mou_compare", partnership) + "?a=x&b=").status_code == 400
    assert "Version 1 against version 2" in client.get(url("mou_compare", partnership)).content.decode()


def test_the_signed_copy_is_served_only_to_people_with_a_role(client, partnership, secretariat, kofi, donor, outsider):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    scan_url = url("mou_scan", partnership, version.number)
    client.force_login(secretariat)
    assert client.get(scan_url).status_code == 404  # nothing attached yet
    response = client.post(
        url("mou_scan_upload", partnership, version.number),
        {"scan": ContentFile(b"GIF89a not a pdf", name="photo.gif")},
    )
    assert response.status_code == 400 and "not a PDF" in response.content.decode()
    response = client.post(
        url("mou_scan_upload", partnership, version.number),
        {"scan": ContentFile(evidence_pdf("wet ink"), name="signed.pdf")},
        follow=True,
    )
    assert "The signed copy is attached" in response.content.decode()
    client.force_login(donor)
    assert client.get(scan_url).status_code == 404  # not in force yet: to a donor, no such version
    sign(version, kofi)
    for user in (secretariat, kofi, donor):
        client.force_login(user)
        response = client.get(scan_url)
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content) == evidence_pdf("wet ink")
    client.force_login(outsider)
    assert client.get(scan_url).status_code == 404
    client.logout()
    assert client.get(scan_url).status_code == 302
    version.refresh_from_db()
    with pytest.raises(NotImplementedError):
        version.signed_scan.url  # no media URL reaches it  # noqa: B018


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (pdftotext)")
def test_the_pdf_has_the_clauses_status_and_signatures(client, partnership, secretariat, kofi, awa, tmp_path):
    version = mou_draft(partnership, secretariat)
    services.clause_save(
        version=version, by=secretariat, type="grievance", title="Grievance", text="Raise it with the **secretariat**."
    )
    version = services.mou_send_for_signature(version=version, by=secretariat)
    sign(version, kofi)
    client.force_login(awa)
    response = client.get(url("mou_pdf", partnership, version.number))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert 'filename="mou-cocoa-partnership-v1.pdf"' in response["Content-Disposition"]
    pdf = tmp_path / "mou.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(text.split())  # table cells wrap: compare words, not lines
    for expected in (
        "Memorandum of Understanding",
        "Cocoa Partnership",
        "Partially signed",
        "1. Roles",
        "The text of Roles.",
        "3. Grievance",
        "Raise it with the secretariat.",
        "Ghana Cocoa Board",
        kofi.get_full_name(),
        "Kavokiva",
        "not signed",
    ):
        assert expected in text, expected
    assert version.fingerprint in text.replace(" ", "")


def test_two_people_editing_the_same_clause_lose_nothing(client, partnership, secretariat):
    version = mou_draft(partnership, secretariat, clauses=("Exit",))
    clause = version.clauses.get()
    colleague = RoleFactory(partnership=partnership, role="secretariat").user
    edit_url = url("mou_clause_edit", partnership, version.number, clause.pk)
    client.force_login(secretariat)
    seen = client.get(edit_url).context["form"]["seen"].value()
    services.clause_save(version=version, by=colleague, clause=clause, text="The colleague's text.", seen=seen)

    mine = {"type": "exit", "title": "Exit", "text": "My own careful text.", "seen": seen}
    response = client.post(edit_url, mine)
    assert response.status_code == 409
    body = response.content.decode()
    assert "Someone else changed this clause" in body
    assert "My own careful text." in body and "The colleague&#x27;s text." in body
    assert Clause.objects.get(pk=clause.pk).text == "The colleague's text."
    # Saving again after a look is deliberate: the form now carries the current state.
    resubmit = {**mine, "seen": response.context["form"].data["seen"]}
    assert client.post(edit_url, resubmit).status_code == 302
    assert Clause.objects.get(pk=clause.pk).text == "My own careful text."


def test_a_clause_type_is_not_repeated_beside_a_title_that_says_it(client, partnership, secretariat):
    version = mou_draft(partnership, secretariat, clauses=())
    services.clause_save(version=version, by=secretariat, type="exit", title="Exit", text="Leave with notice.")
    services.clause_save(version=version, by=secretariat, type="other", title="Fees", text="None.")
    client.force_login(secretariat)
    body = client.get(url("mou_version", partnership, version.number)).content.decode()
    assert 'fw-normal ms-1">Exit</span>' not in body and 'fw-normal ms-1">Other</span>' in body
