"""The parties of a version are fixed when it is sent, and every count, page and PDF reads them from there."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from governance import selectors, services
from governance.models import MouVersion, RoadmapVersion
from stakeholders.models import Membership
from tests.factories import MembershipFactory, OrganisationFactory
from tests.governance.factories import member, mou_draft, roadmap_draft, sign


def url(name, partnership, *args):
    return reverse(f"governance:{name}", args=[partnership.pk, *args])


def _in_force(partnership, secretariat, signers):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    for user in signers:
        sign(version, user)
    version.refresh_from_db()
    return version


def test_a_member_joining_later_leaves_a_signed_mou_reading_as_it_did(client, partnership, secretariat, kofi, awa):
    version = _in_force(partnership, secretariat, [kofi, awa])
    assert version.status == MouVersion.Status.IN_FORCE
    MembershipFactory(partnership=partnership, organisation=OrganisationFactory(name="Latecomer Ltd"))
    client.force_login(secretariat)
    body = client.get(url("mou_version", partnership, version.number)).content.decode()
    assert "Latecomer Ltd" not in body.split('id="signatures"')[1].split("</section>")[0]
    assert "In force: signed by every party" in body
    assert [s.organisation.name for s in selectors.signature_status(version)] == ["Ghana Cocoa Board", "Kavokiva"]
    listed = client.get(url("mou_list", partnership)).content.decode()
    assert "2 / 2" in listed


def test_a_member_joining_later_leaves_an_approved_roadmap_reading_as_it_did(
    client, partnership, secretariat, kofi, awa
):
    version = services.roadmap_send_for_review(version=roadmap_draft(partnership, secretariat), by=secretariat)
    services.roadmap_approve(version=version, by=kofi, organisation=kofi.contact.organisation)
    services.roadmap_approve(version=version, by=awa, organisation=awa.contact.organisation)
    version.refresh_from_db()
    assert version.status == RoadmapVersion.Status.APPROVED
    MembershipFactory(partnership=partnership, organisation=OrganisationFactory(name="Latecomer Ltd"))
    client.force_login(secretariat)
    body = client.get(url("roadmap_version", partnership, version.number)).content.decode()
    approvals = body.split('id="approvals"')[1].split("</section>")[0]
    assert "Latecomer Ltd" not in approvals and "–" not in approvals


def test_a_member_that_leaves_stays_a_party_of_what_it_signed(partnership, secretariat, kofi, awa):
    version = _in_force(partnership, secretariat, [kofi, awa])
    Membership.objects.filter(organisation=awa.contact.organisation).update(left_on=timezone.localdate())
    names = [s.organisation.name for s in selectors.signature_status(version)]
    assert names == ["Ghana Cocoa Board", "Kavokiva"]


def test_a_version_comes_into_force_when_its_parties_have_signed_not_todays_members(
    partnership, secretariat, kofi, awa
):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    latecomer = member(partnership, "late", org_name="Latecomer Ltd")
    sign(version, kofi)
    sign(version, awa)
    version.refresh_from_db()
    assert version.status == MouVersion.Status.IN_FORCE
    assert latecomer.contact.organisation not in selectors.parties(version)


def test_the_secretariat_sees_a_joiner_and_may_add_it_as_a_party(client, partnership, secretariat, kofi, awa):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    sign(version, kofi)
    late = member(partnership, "late", org_name="Latecomer Ltd")
    client.force_login(late)
    body = client.get(url("mou_version", partnership, version.number)).content.decode()
    assert "Latecomer Ltd is not a party to this version" in body and "Sign for Latecomer Ltd" not in body
    client.force_login(secretariat)
    body = client.get(url("mou_version", partnership, version.number)).content.decode()
    assert "joined after this version was sent" in body and "Latecomer Ltd" in body
    response = client.post(
        url("party_change", partnership, "mou", version.number, "add"), {"organisation": late.contact.organisation_id}
    )
    assert response.status_code == 302
    sign(version, awa)
    version.refresh_from_db()
    assert version.status == MouVersion.Status.PARTIALLY_SIGNED  # the latecomer's signature is now awaited
    sign(version, late)
    version.refresh_from_db()
    assert version.status == MouVersion.Status.IN_FORCE


def test_a_party_that_left_without_signing_can_be_removed_and_the_rest_bring_it_into_force(
    partnership, secretariat, kofi, awa
):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    sign(version, kofi)
    organisation = awa.contact.organisation
    with pytest.raises(ValidationError, match="still a member"):
        services.party_remove(version=version, by=secretariat, organisation=organisation)
    Membership.objects.filter(organisation=organisation).update(left_on=timezone.localdate())
    services.party_remove(version=version, by=secretariat, organisation=organisation)
    version.refresh_from_db()
    assert version.status == MouVersion.Status.IN_FORCE


def test_sending_for_signature_names_who_has_not_approved(client, partnership, secretariat, kofi, awa):
    version = services.mou_send_for_review(version=mou_draft(partnership, secretariat), by=secretariat)
    services.mou_approve(version=version, by=kofi, organisation=kofi.contact.organisation)
    client.force_login(secretariat)
    body = client.get(url("mou_version", partnership, version.number)).content.decode()
    assert "Only 1 of 2 parties has approved it; not yet: Kavokiva." in body


def test_the_approval_panel_is_not_titled_in_review_once_in_force(client, partnership, secretariat, kofi, awa):
    version = services.mou_send_for_review(version=mou_draft(partnership, secretariat), by=secretariat)
    services.mou_comment(version=version, by=kofi, body="Clause 1?", clause=version.clauses.first())
    services.mou_send_for_signature(version=version, by=secretariat)
    sign(version, kofi)
    sign(version, awa)
    client.force_login(secretariat)
    body = client.get(url("mou_version", partnership, version.number)).content.decode()
    assert "Approval in review" not in body and "Approvals given in review" in body
    general = body.split('id="comments"')[1].split("</section>")[0]
    assert "open thread" not in general and "No general comments." in general


def test_the_secretariat_sees_a_party_that_left_and_a_joiner_on_the_roadmap_too(
    client, partnership, secretariat, kofi, awa
):
    version = services.roadmap_send_for_review(version=roadmap_draft(partnership, secretariat), by=secretariat)
    Membership.objects.filter(organisation=awa.contact.organisation).update(left_on=timezone.localdate())
    late = member(partnership, "late", org_name="Latecomer Ltd")
    client.force_login(secretariat)
    panel = client.get(url("roadmap_version", partnership, version.number)).content.decode()
    panel = panel.split('id="unable-to-act"')[1].split("</section>")[0]
    assert "Members that joined after this version was sent" in panel and "Latecomer Ltd" in panel
    assert "Parties that have left the partnership without acting" in panel and "Kavokiva" in panel
    client.post(
        url("party_change", partnership, "roadmap", version.number, "remove"),
        {"organisation": awa.contact.organisation_id},
    )
    client.post(
        url("party_change", partnership, "roadmap", version.number, "add"),
        {"organisation": late.contact.organisation_id},
    )
    services.roadmap_approve(version=version, by=kofi, organisation=kofi.contact.organisation)
    version.refresh_from_db()
    assert version.status == RoadmapVersion.Status.IN_REVIEW  # the latecomer, now a party, has not approved
    services.roadmap_approve(version=version, by=late, organisation=late.contact.organisation)
    version.refresh_from_db()
    assert version.status == RoadmapVersion.Status.APPROVED
    assert {o.name for o in selectors.parties(version)} == {"Ghana Cocoa Board", "Latecomer Ltd"}
