"""MoU versions: the status machine move by move, review, approval, signature, fingerprints, the signed copy."""

import datetime as dt
import hashlib
from itertools import product
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.http import Http404

from governance import services
from governance.demo import evidence_pdf
from governance.models import Clause, MouParty, MouSignature, MouVersion
from stakeholders.models import ContactPerson, Membership
from stakeholders.selectors import active_member_organisations
from tests.governance.factories import member, mou_draft, sign

S = MouVersion.Status
ALLOWED = {
    (S.DRAFT, S.IN_REVIEW),
    (S.DRAFT, S.FOR_SIGNATURE),
    (S.IN_REVIEW, S.FOR_SIGNATURE),
    (S.IN_REVIEW, S.SUPERSEDED),
    (S.FOR_SIGNATURE, S.PARTIALLY_SIGNED),
    (S.FOR_SIGNATURE, S.IN_FORCE),
    (S.FOR_SIGNATURE, S.SUPERSEDED),
    (S.PARTIALLY_SIGNED, S.IN_FORCE),
    (S.PARTIALLY_SIGNED, S.SUPERSEDED),
    (S.IN_FORCE, S.SUPERSEDED),
    (S.IN_FORCE, S.TERMINATED),
}


@pytest.mark.parametrize(("source", "target"), list(product(S.values, S.values)))
def test_the_status_machine_allows_exactly_these_moves(source, target):
    version = MouVersion(status=source)
    if (source, target) in ALLOWED:
        version.move_to(target)
        assert version.status == target
    else:
        with pytest.raises(ValidationError):
            version.move_to(target)
        assert version.status == source


def _at(version, status):
    """Put a version in `status` (with its fingerprint and its parties fixed, as sending does)."""
    MouVersion.objects.filter(pk=version.pk).update(status=status, fingerprint=version.compute_fingerprint())
    version.refresh_from_db()
    for purpose in ("approve", "sign"):
        MouParty.objects.bulk_create(
            MouParty(version=version, organisation=o, purpose=purpose)
            for o in active_member_organisations(version.partnership)
        )
    return version


# What each secretariat action does from each status: the status it leads to, or None when refused.
ACTIONS = {
    "send_for_review": {S.DRAFT: S.IN_REVIEW},
    "send_for_signature": {S.DRAFT: S.FOR_SIGNATURE, S.IN_REVIEW: S.FOR_SIGNATURE},
    "terminate": {S.IN_FORCE: S.TERMINATED},
}


@pytest.mark.parametrize(("action", "status"), list(product(ACTIONS, S.values)))
def test_secretariat_moves_from_every_status(partnership, secretariat, action, status):
    version = _at(mou_draft(partnership, secretariat), status)
    call = {
        "send_for_review": lambda: services.mou_send_for_review(version=version, by=secretariat),
        "send_for_signature": lambda: services.mou_send_for_signature(version=version, by=secretariat),
        "terminate": lambda: services.mou_terminate(version=version, by=secretariat, reason="Partners agreed."),
    }[action]
    expected = ACTIONS[action].get(status)
    if expected:
        assert call().status == expected
    else:
        with pytest.raises(ValidationError, match="cannot become"):
            call()
        assert MouVersion.objects.get(pk=version.pk).status == status


@pytest.mark.parametrize("status", S.values)
def test_signing_is_possible_only_for_a_version_sent_for_signature(partnership, secretariat, kofi, awa, status):
    version = _at(mou_draft(partnership, secretariat), status)
    if status in (S.FOR_SIGNATURE, S.PARTIALLY_SIGNED):
        sign(version, kofi)
        version.refresh_from_db()
        assert version.status == S.PARTIALLY_SIGNED
    else:
        with pytest.raises(ValidationError, match="only a version sent for signature can be signed"):
            sign(version, kofi)
        assert not MouSignature.objects.exists()


def test_an_empty_draft_cannot_be_sent(partnership, secretariat):
    version = mou_draft(partnership, secretariat, clauses=())
    with pytest.raises(ValidationError, match="at least one clause"):
        services.mou_send_for_review(version=version, by=secretariat)


def test_a_new_version_copies_the_clauses_and_keeps_their_keys(partnership, secretariat):
    v1 = services.mou_send_for_review(version=mou_draft(partnership, secretariat), by=secretariat)
    v2 = services.mou_version_create(partnership=partnership, by=secretariat)
    assert [(c.key, c.title, c.text) for c in v2.clauses.all()] == [(c.key, c.title, c.text) for c in v1.clauses.all()]
    with pytest.raises(ValidationError, match="still a draft"):
        services.mou_version_create(partnership=partnership, by=secretariat)


def test_sending_emails_partners_and_supersedes_versions_still_in_review(
    partnership, secretariat, kofi, awa, donor, django_capture_on_commit_callbacks
):
    v1 = services.mou_send_for_review(version=mou_draft(partnership, secretariat), by=secretariat)
    v2 = services.mou_version_create(partnership=partnership, by=secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        services.mou_send_for_signature(version=v2, by=secretariat)
    v1.refresh_from_db()
    assert v1.status == S.SUPERSEDED
    to = {m.to[0] for m in mail.outbox if m.subject.startswith("MoU v2")}
    assert to == {kofi.email, awa.email}
    assert "awaits signature" in mail.outbox[-1].subject


def test_signatures_bring_the_version_into_force_and_supersede_the_previous_one(
    partnership, secretariat, kofi, awa, django_capture_on_commit_callbacks
):
    v1 = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    sign(v1, kofi)
    v1.refresh_from_db()
    assert v1.status == S.PARTIALLY_SIGNED
    sign(v1, awa)
    v1.refresh_from_db()
    assert v1.status == S.IN_FORCE and v1.in_force_at

    v2 = services.mou_send_for_signature(
        version=services.mou_version_create(partnership=partnership, by=secretariat), by=secretariat
    )
    sign(v2, kofi)
    v1.refresh_from_db()
    assert v1.status == S.IN_FORCE  # stays in force until the new one is signed by everyone
    with django_capture_on_commit_callbacks(execute=True):
        sign(v2, awa)
    v1.refresh_from_db()
    v2.refresh_from_db()
    assert (v1.status, v2.status) == (S.SUPERSEDED, S.IN_FORCE)
    assert any("is in force" in m.subject for m in mail.outbox)


def test_signing_refusals_say_why(partnership, secretariat, kofi, awa, partner, donor, outsider):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    sign(version, kofi)
    with pytest.raises(ValidationError, match="already signed"):
        sign(version, kofi)
    with pytest.raises(PermissionDenied, match="only sign this MoU for your own organisation"):
        services.mou_sign(
            version=version,
            by=awa,
            organisation=kofi.contact.organisation,
            name="Awa",
            position="President",
            fingerprint=version.fingerprint,
        )
    ContactPerson.objects.filter(user=awa).update(may_sign=False)
    with pytest.raises(PermissionDenied, match="not registered as allowed to sign"):
        sign(version, awa)
    with pytest.raises(PermissionDenied, match="not registered as the contact person"):
        services.mou_sign(version=version, by=partner, name="P", position="X", fingerprint=version.fingerprint)
    for user in (secretariat, donor):
        with pytest.raises(PermissionDenied):
            services.mou_sign(version=version, by=user, name="S", position="X", fingerprint=version.fingerprint)
    with pytest.raises(Http404):
        services.mou_sign(version=version, by=outsider, name="O", position="X", fingerprint=version.fingerprint)
    assert MouSignature.objects.count() == 1


def test_a_party_that_left_cannot_sign_and_is_waited_for_until_the_secretariat_removes_it(
    partnership, secretariat, kofi, awa
):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    Membership.objects.filter(organisation=awa.contact.organisation).update(left_on=dt.date.today())
    with pytest.raises(PermissionDenied, match="not an active member"):
        sign(version, awa)
    sign(version, kofi)
    version.refresh_from_db()
    assert version.status == S.PARTIALLY_SIGNED
    services.party_remove(version=version, by=secretariat, organisation=awa.contact.organisation)
    version.refresh_from_db()
    assert version.status == S.IN_FORCE


def test_signing_needs_a_name_a_position_and_the_text_that_was_shown(partnership, secretariat, kofi):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    org = kofi.contact.organisation
    with pytest.raises(ValidationError, match="name and your position"):
        services.mou_sign(
            version=version, by=kofi, organisation=org, name=" ", position="", fingerprint=version.fingerprint
        )
    with pytest.raises(ValidationError, match="not the text of this version"):
        services.mou_sign(version=version, by=kofi, organisation=org, name="K", position="D", fingerprint="0" * 64)
    assert not MouSignature.objects.exists()


def test_the_fingerprint_is_the_sha256_of_the_signed_text(partnership, secretariat, kofi):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    signature = sign(version, kofi)
    text = version.signed_text()
    assert "The text of Roles." in text and "[other] Exit" in text
    assert signature.fingerprint == hashlib.sha256(text.encode("utf-8")).hexdigest() == version.fingerprint
    assert (signature.signer_name, signature.signer_position) == (kofi.get_full_name(), "Director")


def test_a_later_version_does_not_change_an_earlier_signature(partnership, secretariat, kofi, awa):
    v1 = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    first = sign(v1, kofi)
    sign(v1, awa)
    v1_text = v1.signed_text()

    v2 = services.mou_version_create(partnership=partnership, by=secretariat)
    clause = v2.clauses.get(title="Exit")
    services.clause_save(version=v2, by=secretariat, clause=clause, text="Six months' notice.")
    services.mou_send_for_signature(version=v2, by=secretariat)
    second = sign(v2, kofi)

    first.refresh_from_db()
    v1.refresh_from_db()
    assert v1.signed_text() == v1_text
    assert first.fingerprint == hashlib.sha256(v1_text.encode()).hexdigest() == v1.compute_fingerprint()
    assert second.fingerprint != first.fingerprint
    assert Clause.objects.get(version=v1, title="Exit").text == "The text of Exit."


@pytest.mark.parametrize("status", S.values)
def test_only_a_version_in_review_can_be_approved(partnership, secretariat, kofi, status):
    version = _at(mou_draft(partnership, secretariat), status)
    if status == S.IN_REVIEW:
        services.mou_approve(version=version, by=kofi)
        with pytest.raises(ValidationError, match="already approved"):
            services.mou_approve(version=version, by=kofi)
    else:
        with pytest.raises(ValidationError, match="only a version in review can be approved"):
            services.mou_approve(version=version, by=kofi)


def test_clause_comments_follow_the_thread_and_close_with_the_version(partnership, secretariat, kofi, awa):
    version = services.mou_send_for_review(version=mou_draft(partnership, secretariat), by=secretariat)
    clause = version.clauses.first()
    first = services.mou_comment(version=version, by=kofi, body="Too vague.", clause=clause)
    reply = services.mou_comment(version=version, by=awa, body="Agreed.", parent=first)
    assert (reply.parent, reply.clause) == (first, clause)
    services.mou_send_for_signature(version=version, by=secretariat)
    services.mou_comment(version=version, by=awa, body="Still fine to comment while signing.")
    sign(version, kofi)
    sign(version, awa)
    with pytest.raises(ValidationError, match="closed: it is in force"):
        services.mou_comment(version=version, by=kofi, body="Too late.")


def test_clauses_move_up_and_down(partnership, secretariat):
    version = mou_draft(partnership, secretariat, clauses=("A", "B", "C"))
    services.clause_move(clause=version.clauses.get(title="C"), by=secretariat, up=True)
    assert [c.title for c in version.clauses.all()] == ["A", "C", "B"]
    services.clause_move(clause=version.clauses.get(title="A"), by=secretariat, up=True)  # already first
    assert [c.title for c in version.clauses.all()] == ["A", "C", "B"]


def test_the_signed_copy_is_a_pdf_kept_outside_the_media_folder(partnership, secretariat, kofi, monkeypatch):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    with pytest.raises(ValidationError, match="not a PDF"):
        services.mou_scan_upload(version=version, by=secretariat, file=ContentFile(b"GIF89a", name="scan.pdf"))
    with pytest.raises(ValidationError, match="not a PDF"):
        services.mou_scan_upload(version=version, by=secretariat, file=ContentFile(b"%PDF-1.4", name="scan.exe"))
    monkeypatch.setattr(settings, "UPLOAD_MAX_MB", 0)
    with pytest.raises(ValidationError, match="the limit is"):
        services.mou_scan_upload(
            version=version, by=secretariat, file=ContentFile(evidence_pdf("too long"), name="a.pdf")
        )
    monkeypatch.undo()
    with pytest.raises(PermissionDenied):
        services.mou_scan_upload(version=version, by=kofi, file=ContentFile(evidence_pdf("scan"), name="a.pdf"))
    services.mou_scan_upload(version=version, by=secretariat, file=ContentFile(evidence_pdf("signed"), name="a.pdf"))
    version.refresh_from_db()
    path = Path(version.signed_scan.path)
    assert path.read_bytes() == evidence_pdf("signed")
    assert Path(settings.PRIVATE_MEDIA_ROOT) in path.parents
    assert Path(settings.MEDIA_ROOT) not in path.parents


def test_a_scan_cannot_be_attached_before_signature(partnership, secretariat):
    version = services.mou_send_for_review(version=mou_draft(partnership, secretariat), by=secretariat)
    with pytest.raises(ValidationError, match="once the version has been sent for signature"):
        services.mou_scan_upload(version=version, by=secretariat, file=ContentFile(evidence_pdf("scan"), name="a.pdf"))


def test_a_new_member_signs_only_once_the_secretariat_adds_it_as_a_party(partnership, secretariat, kofi):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    newcomer = member(partnership, "newcomer", org_name="Newcomer")
    with pytest.raises(ValidationError, match="not a party to version 1"):
        sign(version, newcomer)
    services.party_add(version=version, by=secretariat, organisation=newcomer.contact.organisation)
    sign(version, kofi)
    version.refresh_from_db()
    assert version.status == S.PARTIALLY_SIGNED
    sign(version, newcomer)
    version.refresh_from_db()
    assert version.status == S.IN_FORCE
