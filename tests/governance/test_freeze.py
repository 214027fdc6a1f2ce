"""A version that was sent is frozen on every path: services (see the service tests), model save and delete,
bulk queryset writes, the admin, and the editing pages."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from governance import services
from governance.demo import evidence_pdf
from governance.models import (
    AppendOnlyError,
    Clause,
    FrozenVersion,
    MouVersion,
    ResultNode,
    RoadmapGoal,
    RoadmapVersion,
)
from tests.governance.factories import mou_draft, roadmap_draft, sign


@pytest.fixture
def sent_mou(partnership, secretariat):
    return services.mou_send_for_review(version=mou_draft(partnership, secretariat), by=secretariat)


@pytest.fixture
def sent_roadmap(partnership, secretariat):
    version = roadmap_draft(partnership, secretariat)
    services.result_node_save(version=version, by=secretariat, level="impact", title="Impact", owner=None)
    return services.roadmap_send_for_review(version=version, by=secretariat)


def test_model_writes_on_a_sent_mou_are_refused(sent_mou):
    clause = sent_mou.clauses.first()
    clause.text = "Changed behind the service's back."
    with pytest.raises(FrozenVersion):
        clause.save()
    with pytest.raises(FrozenVersion):
        clause.delete()
    with pytest.raises(FrozenVersion):
        Clause.objects.create(version=sent_mou, type="other", title="New", text="x")
    with pytest.raises(FrozenVersion):
        Clause.objects.filter(version=sent_mou).update(text="bulk")
    with pytest.raises(FrozenVersion):
        Clause.objects.filter(version=sent_mou).delete()
    sent_mou.title = "Another title"
    with pytest.raises(FrozenVersion):
        sent_mou.save()
    with pytest.raises(FrozenVersion):
        MouVersion.objects.get(pk=sent_mou.pk).delete()
    assert Clause.objects.get(pk=clause.pk).text == "The text of Roles."
    assert MouVersion.objects.get(pk=sent_mou.pk).title == "Memorandum of Understanding"


def test_model_writes_on_a_sent_roadmap_are_refused(sent_roadmap):
    node = sent_roadmap.nodes.get()
    node.title = "Changed"
    with pytest.raises(FrozenVersion):
        node.save()
    with pytest.raises(FrozenVersion):
        ResultNode.objects.filter(version=sent_roadmap).update(title="bulk")
    with pytest.raises(FrozenVersion):
        RoadmapGoal.objects.create(version=sent_roadmap, text="Sneaked in")
    sent_roadmap.vision = "Another vision"
    with pytest.raises(FrozenVersion):
        sent_roadmap.save()
    assert RoadmapVersion.objects.get(pk=sent_roadmap.pk).vision == "Water all year round."


def test_status_moves_still_save_on_a_sent_version(sent_mou, secretariat):
    """The freeze is on the content: the status machine goes on moving."""
    assert services.mou_send_for_signature(version=sent_mou, by=secretariat).status == "for_signature"


def test_signatures_and_approvals_are_append_only(partnership, secretariat, kofi, awa):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    signature = sign(version, kofi)
    signature.signer_name = "Someone else"
    with pytest.raises(AppendOnlyError):
        signature.save()
    with pytest.raises(AppendOnlyError):
        signature.delete()
    review = services.mou_send_for_review(
        version=services.mou_version_create(partnership=partnership, by=secretariat), by=secretariat
    )
    approval = services.mou_approve(version=review, by=awa)
    with pytest.raises(AppendOnlyError):
        approval.delete()


def test_the_admin_shows_a_sent_version_read_only(client, superuser, sent_mou, partnership, secretariat):
    client.force_login(superuser)
    url = reverse("admin:governance_mouversion_change", args=[sent_mou.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert b'name="title"' not in page.content  # shown, not editable
    assert b'name="clauses-0-text"' not in page.content
    response = client.post(url, {"title": "Hacked", "change_note": ""})
    assert response.status_code == 403
    assert (
        client.post(reverse("admin:governance_mouversion_delete", args=[sent_mou.pk]), {"post": "yes"}).status_code
        == 403
    )
    clause = sent_mou.clauses.first()
    assert client.post(reverse("admin:governance_clause_change", args=[clause.pk]), {"text": "x"}).status_code == 403
    sent_mou.refresh_from_db()
    assert sent_mou.title == "Memorandum of Understanding"

    draft = services.mou_version_create(partnership=partnership, by=secretariat)
    page = client.get(reverse("admin:governance_mouversion_change", args=[draft.pk]))
    assert b'name="title"' in page.content and b'name="clauses-0-text"' in page.content


def test_the_admin_links_the_signed_copy_through_the_access_checked_view(client, superuser, partnership, secretariat):
    version = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    services.mou_scan_upload(version=version, by=secretariat, file=ContentFile(evidence_pdf("ink"), name="s.pdf"))
    client.force_login(superuser)
    page = client.get(reverse("admin:governance_mouversion_change", args=[version.pk])).content.decode()
    assert reverse("governance:mou_scan", args=[partnership.pk, version.number]) in page
    assert "/media/" not in page


def test_the_editing_pages_of_a_sent_version_send_the_user_back(
    client, secretariat, partnership, sent_mou, sent_roadmap
):
    client.force_login(secretariat)
    clause = sent_mou.clauses.first()
    node = sent_roadmap.nodes.get()
    for url in (
        reverse("governance:mou_clause_edit", args=[partnership.pk, sent_mou.number, clause.pk]),
        reverse("governance:mou_clause_add", args=[partnership.pk, sent_mou.number]),
        reverse("governance:mou_edit", args=[partnership.pk, sent_mou.number]),
        reverse("governance:roadmap_edit", args=[partnership.pk, sent_roadmap.number]),
        reverse("governance:roadmap_node_edit", args=[partnership.pk, sent_roadmap.number, node.pk]),
    ):
        response = client.post(url, {"title": "Changed", "text": "Changed", "type": "other"}, follow=True)
        assert "can no longer be changed" in response.content.decode(), url
    assert Clause.objects.get(pk=clause.pk).title == "Roles"
    assert ResultNode.objects.get(pk=node.pk).title == "Impact"
    response = client.post(
        reverse("governance:mou_clause_delete", args=[partnership.pk, sent_mou.number, clause.pk]), follow=True
    )
    assert "can no longer be changed" in response.content.decode()
    assert Clause.objects.filter(pk=clause.pk).exists()


def test_deleting_a_partnership_with_agreements_is_refused_and_keeps_them(partnership, secretariat, kofi, awa):
    """The end of a partnership is archiving, not deletion: a delete on any path leaves its agreements whole."""
    from django.db.models import ProtectedError

    from msp.models import Partnership

    roadmap = services.roadmap_send_for_review(version=roadmap_draft(partnership, secretariat), by=secretariat)
    services.roadmap_approve(version=roadmap, by=kofi)
    services.roadmap_comment(version=roadmap, by=awa, body="Fine.")
    mou = services.mou_send_for_signature(version=mou_draft(partnership, secretariat), by=secretariat)
    sign(mou, kofi)
    with pytest.raises(ProtectedError):
        Partnership.objects.filter(pk=partnership.pk).delete()
    with pytest.raises(ProtectedError):
        Partnership.objects.get(pk=partnership.pk).delete()
    assert MouVersion.objects.get(pk=mou.pk).signatures.count() == 1
    assert RoadmapVersion.objects.get(pk=roadmap.pk).approvals.count() == 1
    assert Clause.objects.filter(version=mou).exists()
