"""The roadmap pages as people use them."""

from django.core import mail
from django.urls import reverse

from governance import services
from governance.models import Milestone, ResultNode, RoadmapApproval, RoadmapVersion
from tests.governance.factories import roadmap_draft


def url(name, partnership, *args):
    return reverse(f"governance:{name}", args=[partnership.pk, *args])


def test_the_empty_roadmap_says_what_to_do_next(client, partnership, secretariat, kofi):
    client.force_login(secretariat)
    body = client.get(url("roadmap", partnership)).content.decode()
    assert "No roadmap yet" in body and "Start the roadmap" in body
    client.force_login(kofi)
    body = client.get(url("roadmap", partnership)).content.decode()
    assert "You will be told by e-mail" in body and "Start the roadmap" not in body


def test_the_secretariat_drafts_a_roadmap_and_sends_it_for_review(
    client, partnership, secretariat, kofi, django_capture_on_commit_callbacks
):
    client.force_login(secretariat)
    response = client.post(url("roadmap_create", partnership), follow=True)
    assert "Roadmap version 1 is started" in response.content.decode()
    response = client.post(
        url("roadmap_edit", partnership, 1),
        {
            "problem_statement": "Drought.",
            "vision": "Water all year.",
            "goals": "Wells\n\nTerraces\n",
            "change_note": "",
        },
        follow=True,
    )
    body = response.content.decode()
    assert "Version 1 is saved." in body and "<li>Wells</li>" in body and "<li>Terraces</li>" in body
    org = kofi.contact.organisation
    client.post(
        url("roadmap_node_add", partnership, 1), {"level": "impact", "title": "Water security", "owner": org.pk}
    )
    impact = ResultNode.objects.get()
    response = client.post(
        url("roadmap_node_add", partnership, 1),
        {"level": "outcome", "parent": impact.pk, "title": "Farms irrigated", "owner": ""},
        follow=True,
    )
    assert "Saved: “Farms irrigated”." in response.content.decode()
    outcome = ResultNode.objects.get(level="outcome")
    response = client.post(
        url("roadmap_milestone_add", partnership, 1),
        {"title": "First wells", "due_on": "2030-03-31", "owner": org.pk, "node": outcome.pk, "status": "planned"},
        follow=True,
    )
    body = response.content.decode()
    assert "First wells" in body and "31 Mar 2030" in body
    assert body.index("Water security") < body.index("Farms irrigated")  # the tree reads from the top

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("roadmap_send", partnership, 1), follow=True)
    assert "is sent for review" in response.content.decode()
    assert [m.to for m in mail.outbox] == [[kofi.email]]


def test_bad_input_keeps_what_was_typed(client, partnership, secretariat):
    client.force_login(secretariat)
    version = roadmap_draft(partnership, secretariat)
    impact = services.result_node_save(version=version, by=secretariat, level="impact", title="I", owner=None)
    response = client.post(
        url("roadmap_node_add", partnership, version.number),
        {"level": "output", "parent": impact.pk, "title": "My output title", "owner": ""},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "An output contributes to an outcome" in body and "My output title" in body
    response = client.post(
        url("roadmap_milestone_add", partnership, version.number),
        {"title": "Done already", "due_on": "not a date", "status": "done"},
    )
    assert response.status_code == 400
    assert "Enter a valid date." in response.content.decode() and "Done already" in response.content.decode()
    assert not Milestone.objects.exists()


def test_a_partner_approves_and_comments_for_their_organisation(client, partnership, secretariat, kofi, awa):
    version = services.roadmap_send_for_review(version=roadmap_draft(partnership, secretariat), by=secretariat)
    client.force_login(kofi)
    body = client.get(url("roadmap", partnership)).content.decode()
    assert "Approve for Ghana Cocoa Board" in body and "2 parties have not approved it yet" in body
    response = client.post(url("roadmap_comment", partnership, 1), {"body": "Add soil."}, follow=True)
    assert "Your comment is added." in response.content.decode()
    response = client.post(url("roadmap_approve", partnership, 1), {"organisation": awa.contact.organisation_id})
    assert (
        response.status_code == 400
        and "only approve this roadmap for your own organisation" in response.content.decode()
    )
    response = client.post(
        url("roadmap_approve", partnership, 1), {"organisation": kofi.contact.organisation_id}, follow=True
    )
    assert "You approved version 1 for Ghana Cocoa Board." in response.content.decode()
    client.force_login(awa)
    response = client.post(
        url("roadmap_approve", partnership, 1), {"organisation": awa.contact.organisation_id}, follow=True
    )
    assert "it is the current roadmap" in response.content.decode()
    assert RoadmapVersion.objects.get(pk=version.pk).status == "approved"
    assert RoadmapApproval.objects.count() == 2


def test_the_secretariat_reports_progress_on_the_approved_roadmap(client, partnership, secretariat, kofi):
    version = roadmap_draft(partnership, secretariat)
    milestone = services.milestone_save(
        version=version, by=secretariat, title="Wells", due_on="2030-01-01", owner=None, node=None
    )
    services.roadmap_send_for_review(version=version, by=secretariat)
    services.roadmap_approve(version=version, by=kofi)
    client.force_login(secretariat)
    progress = url("roadmap_milestone_progress", partnership, 1, milestone.pk)
    response = client.post(progress, {"status": "done", "done_on": ""}, follow=True)
    assert "When was it done?" in response.content.decode()
    response = client.post(progress, {"status": "in_progress"}, follow=True)
    assert "Progress on “Wells” is saved." in response.content.decode()
    assert Milestone.objects.get().status == "in_progress"


def test_wrong_methods_and_wrong_people(client, partnership, secretariat, kofi, donor, outsider):
    roadmap_draft(partnership, secretariat)
    client.force_login(secretariat)
    assert client.get(url("roadmap_send", partnership, 1)).status_code == 405
    assert client.get(url("roadmap_version", partnership, 99)).status_code == 404
    client.force_login(kofi)
    assert client.get(url("roadmap_edit", partnership, 1)).status_code == 403
    assert client.post(url("roadmap_send", partnership, 1)).status_code == 403
    client.force_login(donor)
    assert client.get(url("roadmap", partnership)).status_code == 200
    assert client.post(url("roadmap_comment", partnership, 1), {"body": "x"}).status_code == 403
    client.force_login(outsider)
    assert client.get(url("roadmap", partnership)).status_code == 404
    assert RoadmapVersion.objects.get().status == "draft"


def test_two_people_editing_the_roadmap_text_lose_nothing(client, partnership, secretariat):
    version = roadmap_draft(partnership, secretariat)
    edit_url = url("roadmap_edit", partnership, version.number)
    client.force_login(secretariat)
    seen = client.get(edit_url).context["form"]["seen"].value()
    services.roadmap_version_update(
        version=version, by=secretariat, problem_statement="P", vision="Their vision.", goals=["G"], seen=seen
    )
    mine = {"problem_statement": "P", "vision": "My vision.", "goals": "G", "change_note": "", "seen": seen}
    response = client.post(edit_url, mine)
    assert response.status_code == 409
    assert "Someone else saved this version" in response.content.decode()
    assert "My vision." in response.content.decode() and "Their vision." in response.content.decode()
    assert RoadmapVersion.objects.get(pk=version.pk).vision == "Their vision."
