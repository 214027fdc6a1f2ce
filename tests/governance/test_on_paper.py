"""Members nobody can act for, signatures and approvals given on paper or by e-mail, the signed-scan history, and
the approve form's organisation."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from governance import selectors, services
from governance.demo import evidence_pdf
from governance.models import MouApproval, MouScan, MouSignature, MouVersion, RoadmapApproval, RoadmapVersion
from msp.models import Role
from tests.factories import ContactFactory, MembershipFactory, OrganisationFactory, RoleFactory, UserFactory
from tests.governance.factories import member, mou_draft, roadmap_draft, sign
from tests.upload_files import jpeg, png

PDF = evidence_pdf("letter")
TODAY = dt.date.today().isoformat()


def url(name, partnership, *args):
    return reverse(f"governance:{name}", args=[partnership.pk, *args])


@pytest.fixture
def paper_org(partnership):
    """A member with a signing contact but no user account: it can only sign on paper."""
    organisation = OrganisationFactory(name="Paper Cooperative")
    MembershipFactory(partnership=partnership, organisation=organisation)
    ContactFactory(organisation=organisation, name="Yao Kouassi", job_title="President", may_sign=True)
    return organisation


def test_the_page_lists_members_nobody_can_sign_or_approve_for(client, partnership, secretariat, kofi, paper_org):
    donor_org = OrganisationFactory(name="Donor Foundation")
    MembershipFactory(partnership=partnership, organisation=donor_org)
    dora = RoleFactory(partnership=partnership, user=UserFactory(username="dora2"), role=Role.DONOR).user
    ContactFactory(organisation=donor_org, user=dora, may_sign=True)
    version = mou_draft(partnership, secretariat)
    client.force_login(secretariat)
    body = client.get(url("mou_version", partnership, version.number)).content.decode()
    blockers = body.split('id="unable-to-act"')[1].split("</section>")[0]
    assert "Paper Cooperative" in blockers and "Donor Foundation" in blockers
    assert "Ghana Cocoa Board" not in blockers
    assert "invite a contact" in blockers
    unable = {
        o.name for o, _ in selectors.unable_to_act(partnership, [kofi.contact.organisation, paper_org, donor_org])
    }
    assert unable == {"Paper Cooperative", "Donor Foundation"}


def test_a_member_whose_contact_may_not_sign_is_listed_as_unable_to_sign(partnership, secretariat):
    nosign = member(partnership, "nosign", org_name="No Signer", may_sign=False)
    organisation = nosign.contact.organisation
    assert [o for o, _ in selectors.unable_to_act(partnership, [organisation], sign=True)] == [organisation]
    assert selectors.unable_to_act(partnership, [organisation], sign=False) == []


def test_the_secretariat_records_a_paper_signature_that_counts_and_is_marked(
    client, partnership, secretariat, kofi, paper_org
):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    sign(version, kofi)
    client.force_login(secretariat)
    response = client.post(
        url("mou_sign_paper", partnership, version.number),
        {
            "organisation": paper_org.pk,
            "name": "Yao Kouassi",
            "position": "President",
            "signed_on": TODAY,
            "evidence": SimpleUploadedFile("page.pdf", PDF, content_type="application/pdf"),
        },
        follow=True,
    )
    body = response.content.decode()
    assert "in force" in body
    signature = MouSignature.objects.get(organisation=paper_org)
    assert signature.method == "paper" and signature.recorded_by == secretariat and signature.signed_by is None
    assert signature.evidence and signature.signed_at.date().isoformat() == TODAY
    assert "signed on paper" in body
    assert client.get(url("evidence", partnership, "signature", signature.pk)).status_code == 200


def test_a_paper_signature_without_evidence_or_by_a_partner_is_refused(
    client, partnership, secretariat, kofi, paper_org
):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    with pytest.raises(PermissionDenied):
        services.mou_sign_on_paper(
            version=version,
            by=kofi,
            organisation=paper_org,
            name="Yao",
            position="President",
            signed_on=dt.date(2025, 9, 8),
            evidence=ContentFile(PDF, name="page.pdf"),
        )
    client.force_login(secretariat)
    response = client.post(
        url("mou_sign_paper", partnership, version.number),
        {"organisation": paper_org.pk, "name": "Yao Kouassi", "position": "President", "signed_on": TODAY},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Attach the signed page" in body and "Yao Kouassi" in body
    response = client.post(
        url("mou_sign_paper", partnership, version.number),
        {
            "organisation": paper_org.pk,
            "name": "Yao Kouassi",
            "position": "President",
            "signed_on": TODAY,
            "evidence": SimpleUploadedFile("page.exe", b"MZ....", content_type="application/octet-stream"),
        },
    )
    assert response.status_code == 400 and "PDF or an image" in response.content.decode()
    assert not MouSignature.objects.exists()


def test_an_approval_given_by_e_mail_is_recorded_for_a_roadmap_and_counts(partnership, secretariat, kofi, paper_org):
    version = services.roadmap_send_for_review(version=roadmap_draft(partnership, secretariat), by=secretariat)
    services.roadmap_approve(version=version, by=kofi, organisation=kofi.contact.organisation)
    approval = services.approve_on_record(
        version=version,
        by=secretariat,
        organisation=paper_org,
        name="Yao Kouassi",
        method="email",
        given_on=dt.date.today(),
        evidence=ContentFile(PDF, name="mail.pdf"),
    )
    assert isinstance(approval, RoadmapApproval) and approval.method == "email"
    version.refresh_from_db()
    assert version.status == RoadmapVersion.Status.APPROVED


def test_an_mou_approval_on_paper_is_recorded(client, partnership, secretariat, kofi, paper_org):
    version = services.mou_send_for_review(version=mou_draft(partnership, secretariat), by=secretariat)
    client.force_login(secretariat)
    response = client.post(
        url("approve_on_record", partnership, "mou", version.number),
        {
            "organisation": paper_org.pk,
            "name": "Yao Kouassi",
            "method": "paper",
            "given_on": TODAY,
            "evidence": SimpleUploadedFile("letter.png", png(), content_type="image/png"),
        },
        follow=True,
    )
    assert response.status_code == 200
    approval = MouApproval.objects.get(organisation=paper_org)
    assert approval.method == "paper" and approval.recorded_by == secretariat
    assert "on paper" in response.content.decode()


def test_a_scan_cannot_be_attached_to_a_superseded_version_and_earlier_scans_are_kept(
    partnership, secretariat, kofi, awa
):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    services.mou_scan_upload(version=version, by=secretariat, file=ContentFile(evidence_pdf("first"), name="a.pdf"))
    services.mou_scan_upload(version=version, by=secretariat, file=ContentFile(evidence_pdf("second"), name="b.pdf"))
    scans = list(MouScan.objects.filter(version=version).order_by("pk"))
    assert len(scans) == 2
    assert [s.file.read() for s in scans] == [evidence_pdf("first"), evidence_pdf("second")]
    services.mou_send_for_signature(
        version=services.mou_version_create(partnership=partnership, by=secretariat), by=secretariat
    )
    version.refresh_from_db()
    assert version.status == MouVersion.Status.SUPERSEDED
    with pytest.raises(ValidationError, match="superseded"):
        services.mou_scan_upload(version=version, by=secretariat, file=ContentFile(evidence_pdf("third"), name="c.pdf"))


@pytest.mark.parametrize("posted", [{}, {"organisation": "x"}, {"organisation": "999999"}])
def test_the_approve_form_refuses_a_missing_or_unknown_organisation(client, partnership, secretariat, kofi, posted):
    version = services.mou_send_for_review(version=mou_draft(partnership, secretariat), by=secretariat)
    roadmap = services.roadmap_send_for_review(version=roadmap_draft(partnership, secretariat), by=secretariat)
    client.force_login(kofi)
    assert client.post(url("mou_approve", partnership, version.number), posted).status_code == 400
    assert client.post(url("roadmap_approve", partnership, roadmap.number), posted).status_code == 400
    assert not MouApproval.objects.exists() and not RoadmapApproval.objects.exists()


def test_a_record_dated_before_the_version_was_sent_or_in_the_future_is_refused(partnership, secretariat, paper_org):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    for day, message in (
        (dt.date(2020, 1, 1), "cannot have been approved or signed before"),
        (dt.date(2999, 1, 1), "future"),
    ):
        with pytest.raises(ValidationError, match=message):
            services.mou_sign_on_paper(
                version=version,
                by=secretariat,
                organisation=paper_org,
                name="Yao Kouassi",
                position="President",
                signed_on=day,
                evidence=ContentFile(PDF, name="page.pdf"),
            )
    assert not MouSignature.objects.exists()


def test_evidence_over_the_size_limit_is_refused(settings):
    from governance.services import parties

    settings.UPLOAD_MAX_MB = 0
    with pytest.raises(ValidationError, match="the limit is 0 MB"):
        parties.check_evidence(ContentFile(PDF, name="big.pdf"))
    settings.UPLOAD_MAX_MB = 1
    parties.check_evidence(ContentFile(jpeg(), name="photo.JPG"))  # a JPEG passes
