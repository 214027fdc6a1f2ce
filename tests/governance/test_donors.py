"""The roadmap and the MoU as a donor sees them (DESIGN section 2): the approved roadmap and the MoU in force with
its signed PDF, and the agreed versions they replaced; never a draft or a version under review or being signed
(404, as a version that does not exist), nor the evidence of one party's approval or signature. Partners and the
secretariat keep seeing everything."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from governance import services
from governance.demo import evidence_pdf
from governance.models import MouVersion, RoadmapVersion
from msp import access
from msp.services import partnership_archive
from tests.governance.factories import mou_draft, roadmap_draft, sign

SCAN = evidence_pdf("wet ink")


def url(name, partnership, *args):
    return reverse(f"governance:{name}", args=[partnership.pk, *args])


def page(client, address):
    response = client.get(address)
    assert response.status_code == 200, (address, response.status_code)
    return response.content.decode()


def refused_as_missing(client, address):
    """Answered as a version that does not exist: 404, "No such version." (the reason the 404 page is given)."""
    response = client.get(address)
    return response.status_code == 404 and str(response.context["exception"]) == "No such version."


# --- the roadmap -----------------------------------------------------------------------------------------------


@pytest.fixture
def roadmaps(partnership, secretariat, kofi, awa):
    """v1 approved then superseded by v2 (approved, the current roadmap); v3 sent for review and superseded by v4
    (in review) before anyone agreed it; v5 a draft."""
    found = {}
    for number in (1, 2):
        version = services.roadmap_send_for_review(
            version=roadmap_draft(partnership, secretariat, vision=f"Vision {number}"), by=secretariat
        )
        for user in (kofi, awa):
            services.roadmap_approve(version=version, by=user)
        found[number] = version
    for number in (3, 4):
        found[number] = services.roadmap_send_for_review(
            version=roadmap_draft(partnership, secretariat, vision=f"Vision {number}"), by=secretariat
        )
    services.roadmap_approve(version=found[4], by=kofi)
    found[5] = roadmap_draft(partnership, secretariat, vision="Vision 5")
    statuses = dict(RoadmapVersion.objects.filter(partnership=partnership).values_list("number", "status"))
    assert statuses == {1: "superseded", 2: "approved", 3: "superseded", 4: "in_review", 5: "draft"}
    return found


def test_a_donor_reads_the_approved_roadmaps_and_no_other(client, partnership, roadmaps, donor):
    client.force_login(donor)
    for number in (1, 2):
        assert f"Vision {number}" in page(client, url("roadmap_version", partnership, number))
    for number in (3, 4, 5):  # superseded in review, in review, draft
        assert refused_as_missing(client, url("roadmap_version", partnership, number)), number
    assert refused_as_missing(client, url("roadmap_version", partnership, 99))  # as one that does not exist


def test_the_roadmap_tab_and_its_switcher_show_a_donor_the_approved_versions(client, partnership, roadmaps, donor):
    client.force_login(donor)
    body = page(client, url("roadmap", partnership))
    assert "Vision 2" in body
    assert url("roadmap_version", partnership, 1) in body  # the switcher: v1 and v2 only
    for number in (3, 4, 5):
        assert url("roadmap_version", partnership, number) not in body
    assert "Draft" not in body and "In review" not in body


def test_before_any_approval_a_donor_is_told_no_roadmap_is_approved_yet(client, partnership, secretariat, donor):
    services.roadmap_send_for_review(version=roadmap_draft(partnership, secretariat), by=secretariat)
    client.force_login(donor)
    body = page(client, url("roadmap", partnership))
    assert "No approved roadmap yet" in body and "The partners have not approved a roadmap yet." in body
    assert "Water all year round." not in body  # the version in review
    assert url("roadmap_version", partnership, 1) not in body


def test_partners_and_the_secretariat_still_read_every_roadmap_version(
    client, partnership, roadmaps, secretariat, kofi
):
    for user in (kofi, secretariat):
        client.force_login(user)
        for number in range(1, 6):
            assert f"Vision {number}" in page(client, url("roadmap_version", partnership, number))
        body = page(client, url("roadmap", partnership))
        assert "Vision 2" in body and url("roadmap_version", partnership, 5) in body


# --- the MoU ---------------------------------------------------------------------------------------------------


@pytest.fixture
def mous(partnership, secretariat, kofi, awa):
    """v1 in force then terminated; v2 sent for review then superseded by v3 before anyone agreed it; v3 in force
    then superseded by v4 (in force, with a signed copy and an earlier scan); v5 partially signed (with a signed
    copy); v6 a draft."""
    found = {}

    def signed_by_all(version):
        for user in (kofi, awa):
            sign(version, user)
        return version

    found[1] = signed_by_all(
        services.mou_send_for_signature(version=_titled(partnership, secretariat, 1), by=secretariat)
    )
    services.mou_terminate(version=found[1], by=secretariat, reason="Replaced by a new agreement.")
    found[2] = services.mou_send_for_review(version=_titled(partnership, secretariat, 2), by=secretariat)
    found[3] = signed_by_all(
        services.mou_send_for_signature(version=_titled(partnership, secretariat, 3), by=secretariat)
    )
    found[4] = signed_by_all(
        services.mou_send_for_signature(version=_titled(partnership, secretariat, 4), by=secretariat)
    )
    for content in (evidence_pdf("first scan"), SCAN):
        services.mou_scan_upload(version=found[4], by=secretariat, file=ContentFile(content, name="signed.pdf"))
    found[5] = services.mou_send_for_signature(version=_titled(partnership, secretariat, 5), by=secretariat)
    sign(found[5], kofi)
    services.mou_scan_upload(version=found[5], by=secretariat, file=ContentFile(evidence_pdf("half"), name="half.pdf"))
    found[6] = _titled(partnership, secretariat, 6)
    statuses = dict(MouVersion.objects.filter(partnership=partnership).values_list("number", "status"))
    assert statuses == {
        1: "terminated",
        2: "superseded",
        3: "superseded",
        4: "in_force",
        5: "partially_signed",
        6: "draft",
    }
    return found


def _titled(partnership, secretariat, number):
    version = mou_draft(partnership, secretariat)
    return services.mou_version_update(version=version, by=secretariat, title=f"Agreement number {number}")


AGREED, UNAGREED = (1, 3, 4), (2, 5, 6)


def test_a_donor_reads_the_agreed_mou_versions_and_no_other(client, partnership, mous, donor):
    client.force_login(donor)
    for number in AGREED:
        assert f"Agreement number {number}" in page(client, url("mou_version", partnership, number))
    for number in UNAGREED:  # superseded in review, partially signed, draft
        assert refused_as_missing(client, url("mou_version", partnership, number)), number


def test_a_donor_downloads_the_pdf_of_agreed_versions_only_in_every_language(client, partnership, mous, donor):
    client.force_login(donor)
    for query in ("", "?language=en", "?language=fr", "?language=de"):
        for number in UNAGREED:
            assert refused_as_missing(client, url("mou_pdf", partnership, number) + query), (number, query)
    for query in ("", "?language=fr"):
        response = client.get(url("mou_pdf", partnership, 4) + query)
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_a_donor_gets_the_signed_copy_of_the_mou_in_force_not_of_one_being_signed(client, partnership, mous, donor):
    client.force_login(donor)
    response = client.get(url("mou_scan", partnership, 4))
    assert response.status_code == 200 and b"".join(response.streaming_content) == SCAN
    assert refused_as_missing(client, url("mou_scan", partnership, 5))


def test_earlier_scans_are_the_members(client, partnership, mous, donor, kofi):
    earlier = mous[4].scans.order_by("uploaded_at", "pk").first()
    address = url("mou_scan", partnership, 4) + f"?scan={earlier.pk}"
    client.force_login(donor)
    assert client.get(address).status_code == 403
    assert address.replace("&", "&amp;") not in page(client, url("mou_version", partnership, 4))
    client.force_login(kofi)
    response = client.get(address)
    assert response.status_code == 200 and b"".join(response.streaming_content) == evidence_pdf("first scan")
    assert "Earlier scans, kept as history" in page(client, url("mou_version", partnership, 4))


def test_the_mou_list_shows_a_donor_the_agreed_versions(client, partnership, mous, donor):
    client.force_login(donor)
    body = page(client, url("mou_list", partnership))
    for number in AGREED:
        assert url("mou_version", partnership, number) in body
        assert url("mou_pdf", partnership, number) in body
    for number in UNAGREED:
        assert url("mou_version", partnership, number) not in body
        assert url("mou_pdf", partnership, number) not in body
    assert "Partially signed" not in body and "Draft" not in body


def test_a_donor_is_told_when_no_mou_is_in_force_yet(client, partnership, secretariat, kofi, awa, donor):
    sign(services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat), kofi)
    client.force_login(donor)
    body = page(client, url("mou_list", partnership))
    assert "No MoU in force yet" in body and "The text of Roles." not in body
    assert url("mou_version", partnership, 1) not in body


def test_the_version_switcher_and_compare_link_skip_what_a_donor_may_not_read(client, partnership, mous, donor):
    client.force_login(donor)
    body = page(client, url("mou_version", partnership, 3))
    assert url("mou_version", partnership, 2) not in body and url("mou_version", partnership, 6) not in body
    assert url("mou_version", partnership, 4) in body
    assert "Compare with v1" in body and f"{url('mou_compare', partnership)}?a=1&amp;b=3" in body


def test_a_donor_compares_agreed_versions_only(client, partnership, mous, donor):
    client.force_login(donor)
    body = page(client, url("mou_compare", partnership))  # by default the two latest it may read
    assert "Version 3 against version 4" in body
    assert '<option value="2"' not in body and '<option value="5"' not in body
    assert "Version 1 against version 4" in page(client, url("mou_compare", partnership) + "?a=1&b=4")
    for draft in UNAGREED:  # as a version that does not exist
        response = client.get(url("mou_compare", partnership) + f"?a=4&b={draft}")
        assert response.status_code == 400 and f"There is no version {draft}." in response.content.decode()


def test_a_donor_sees_signatures_but_not_the_review_nor_the_evidence(
    client, partnership, secretariat, kofi, awa, donor
):
    version = services.mou_send_for_review(version=mou_draft(partnership, secretariat), by=secretariat)
    services.mou_approve(version=version, by=kofi)
    services.mou_send_for_signature(version=version, by=secretariat)
    sign(version, kofi)
    paper = services.mou_sign_on_paper(
        version=version,
        by=secretariat,
        organisation=awa.contact.organisation,
        name="Awa Ouattara",
        position="President",
        signed_on=dt.date.today(),
        evidence=ContentFile(evidence_pdf("signed page"), name="page.pdf"),
    )
    evidence = reverse("governance:evidence", args=[partnership.pk, "signature", paper.pk])
    client.force_login(donor)
    body = page(client, url("mou_version", partnership, version.number))
    assert "Awa Ouattara" in body and "signed on paper" in body  # the signatures are the agreement
    assert evidence not in body and 'id="approvals"' not in body
    assert client.get(evidence).status_code == 403
    client.force_login(kofi)
    body = page(client, url("mou_version", partnership, version.number))
    assert evidence in body and 'id="approvals"' in body
    assert client.get(evidence).status_code == 200


def test_partners_and_the_secretariat_still_read_every_mou_version(client, partnership, mous, secretariat, kofi):
    for user in (kofi, secretariat):
        client.force_login(user)
        for number in AGREED + UNAGREED:
            assert f"Agreement number {number}" in page(client, url("mou_version", partnership, number))
        body = page(client, url("mou_list", partnership))
        assert all(url("mou_version", partnership, n) in body for n in AGREED + UNAGREED)
        assert client.get(url("mou_scan", partnership, 5)).status_code == 200


# --- the dashboard ---------------------------------------------------------------------------------------------


def _card(client, partnership):
    body = page(client, reverse("msp:dashboard", args=[partnership.pk]))
    card = body[body.index('id="card-agreements"') :]
    return card[: card.index("</section>")]


def test_the_agreements_card_tells_a_donor_of_agreed_versions_only(client, partnership, roadmaps, mous, donor):
    client.force_login(donor)
    card = _card(client, partnership)
    assert url("roadmap_version", partnership, 2) in card and url("mou_version", partnership, 4) in card
    for hidden in ("In review", "Partially signed", "Draft", "in preparation", "Not yet"):
        assert hidden not in card, hidden


def test_the_agreements_card_tells_a_donor_nothing_is_agreed_yet(client, partnership, secretariat, kofi, donor):
    services.roadmap_send_for_review(version=roadmap_draft(partnership, secretariat), by=secretariat)
    services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    client.force_login(donor)
    card = _card(client, partnership)
    assert "No approved roadmap yet." in card and "No MoU in force yet." in card
    assert "v1" not in card


# --- the rule itself -------------------------------------------------------------------------------------------


def test_who_reads_which_version(partnership, mous, roadmaps, users):
    versions = list(MouVersion.objects.filter(partnership=partnership)) + list(
        RoadmapVersion.objects.filter(partnership=partnership)
    )
    agreed = {(type(v), v.number) for v in versions if v.is_agreed}
    assert agreed == {(MouVersion, n) for n in AGREED} | {(RoadmapVersion, 1), (RoadmapVersion, 2)}
    for role, user in users.items():
        readable = {(type(v), v.number) for v in versions if access.can_read_version(user, v)}
        expected = {"donor": agreed, "outsider": set()}.get(role, {(type(v), v.number) for v in versions})
        assert readable == expected, role
        listed = access.readable_versions(user, partnership, MouVersion.objects.filter(partnership=partnership))
        assert {(MouVersion, v.number) for v in listed} == {e for e in expected if e[0] is MouVersion}, role


def test_an_archived_partnership_still_shows_a_donor_its_agreed_versions(client, partnership, mous, secretariat, donor):
    partnership_archive(partnership=partnership, by=secretariat)
    client.force_login(donor)
    assert "Agreement number 4" in page(client, url("mou_version", partnership, 4))
    assert refused_as_missing(client, url("mou_version", partnership, 5))
