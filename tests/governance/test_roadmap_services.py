"""Roadmap versions: drafting, the status machine move by move, review, approval by every member organisation."""

import datetime as dt
from itertools import product

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from governance import services
from governance.models import FrozenVersion, Milestone, ResultNode, RoadmapApproval, RoadmapParty, RoadmapVersion
from msp.models import Notification
from stakeholders.models import Membership
from stakeholders.selectors import active_member_organisations
from tests.governance.factories import member, roadmap_draft

S = RoadmapVersion.Status
# Written out here, independently of the model's table, so a slip there shows.
ALLOWED = {(S.DRAFT, S.IN_REVIEW), (S.IN_REVIEW, S.APPROVED), (S.IN_REVIEW, S.SUPERSEDED), (S.APPROVED, S.SUPERSEDED)}


@pytest.mark.parametrize(("source", "target"), list(product(S.values, S.values)))
def test_the_status_machine_allows_exactly_these_moves(source, target):
    version = RoadmapVersion(status=source)
    if (source, target) in ALLOWED:
        version.move_to(target)
        assert version.status == target
    else:
        with pytest.raises(ValidationError):
            version.move_to(target)
        assert version.status == source


def _at(version, status):
    """Put a version in `status`, with its parties fixed as sending does."""
    RoadmapVersion.objects.filter(pk=version.pk).update(status=status)
    version.refresh_from_db()
    RoadmapParty.objects.bulk_create(
        RoadmapParty(version=version, organisation=o) for o in active_member_organisations(version.partnership)
    )
    return version


def test_the_first_version_starts_from_the_partnership(partnership, secretariat):
    partnership.vision = "Water for all."
    partnership.save()
    version = services.roadmap_version_create(partnership=partnership, by=secretariat)
    assert (version.number, version.status) == (1, S.DRAFT)
    assert version.vision == "Water for all."
    assert version.problem_statement == partnership.problem_statement


def test_a_new_version_is_a_copy_of_the_last_with_its_chain_and_milestones(partnership, secretariat, kofi):
    v1 = roadmap_draft(partnership, secretariat, goals=["A", "B"])
    org = kofi.contact.organisation
    impact = services.result_node_save(version=v1, by=secretariat, level="impact", title="Impact", owner=org)
    outcome = services.result_node_save(
        version=v1, by=secretariat, level="outcome", parent=impact, title="Outcome", owner=org
    )
    services.milestone_save(version=v1, by=secretariat, title="M", due_on=dt.date(2030, 1, 1), owner=org, node=outcome)
    services.roadmap_send_for_review(version=v1, by=secretariat)

    v2 = services.roadmap_version_create(partnership=partnership, by=secretariat)

    assert v2.number == 2 and v2.status == S.DRAFT
    assert [g.text for g in v2.goals.all()] == ["A", "B"]
    copied_outcome = v2.nodes.get(level="outcome")
    assert copied_outcome.parent == v2.nodes.get(level="impact")
    assert copied_outcome.key == outcome.key and copied_outcome.pk != outcome.pk
    assert v2.milestones.get().node == copied_outcome
    assert v1.nodes.count() == 2  # the original is untouched


def test_only_one_draft_at_a_time(partnership, secretariat):
    roadmap_draft(partnership, secretariat)
    with pytest.raises(ValidationError, match="still a draft"):
        services.roadmap_version_create(partnership=partnership, by=secretariat)


def test_partners_and_donors_cannot_draft(partnership, partner, donor):
    for user in (partner, donor):
        with pytest.raises(PermissionDenied):
            services.roadmap_version_create(partnership=partnership, by=user)


@pytest.mark.parametrize("status", S.values)
def test_only_a_draft_can_be_sent_for_review(partnership, secretariat, status):
    version = _at(roadmap_draft(partnership, secretariat), status)
    if status == S.DRAFT:
        assert services.roadmap_send_for_review(version=version, by=secretariat).status == S.IN_REVIEW
    else:
        with pytest.raises(ValidationError, match="cannot become in review"):
            services.roadmap_send_for_review(version=version, by=secretariat)


def test_sending_needs_a_vision_and_a_goal(partnership, secretariat):
    version = roadmap_draft(partnership, secretariat, goals=[], vision="")
    with pytest.raises(ValidationError, match="write the vision and name at least one common goal"):
        services.roadmap_send_for_review(version=version, by=secretariat)
    assert RoadmapVersion.objects.get(pk=version.pk).status == S.DRAFT


def test_sending_emails_the_partners_and_supersedes_an_older_version_in_review(
    partnership, secretariat, members, donor, django_capture_on_commit_callbacks
):
    v1 = services.roadmap_send_for_review(version=roadmap_draft(partnership, secretariat), by=secretariat)
    v2 = roadmap_draft(partnership, secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        services.roadmap_send_for_review(version=v2, by=secretariat)
    v1.refresh_from_db()
    assert v1.status == S.SUPERSEDED
    recipients = {m.to[0] for m in mail.outbox if "Roadmap v2" in m.subject}
    assert recipients == {u.email for u in members}  # partners only: not the donor, not the secretariat
    assert "awaits your review" in mail.outbox[-1].subject


@pytest.mark.parametrize("status", S.values)
def test_only_a_version_in_review_can_be_approved(partnership, secretariat, kofi, awa, status):
    version = _at(roadmap_draft(partnership, secretariat), status)
    if status == S.IN_REVIEW:
        services.roadmap_approve(version=version, by=kofi)
        assert version.approvals.count() == 1
    else:
        with pytest.raises(ValidationError, match="only a version in review can be approved"):
            services.roadmap_approve(version=version, by=kofi)


def test_the_version_is_approved_when_every_active_member_has_approved(partnership, secretariat, kofi, awa):
    old = services.roadmap_send_for_review(version=roadmap_draft(partnership, secretariat), by=secretariat)
    services.roadmap_approve(version=old, by=kofi)
    services.roadmap_approve(version=old, by=awa)
    old.refresh_from_db()
    assert old.status == S.APPROVED

    new = services.roadmap_send_for_review(
        version=services.roadmap_version_create(partnership=partnership, by=secretariat), by=secretariat
    )
    services.roadmap_approve(version=new, by=kofi)
    new.refresh_from_db()
    assert new.status == S.IN_REVIEW  # one of two
    services.roadmap_approve(version=new, by=awa)
    new.refresh_from_db()
    old.refresh_from_db()
    assert (new.status, old.status) == (S.APPROVED, S.SUPERSEDED)
    assert new.approved_at is not None


def test_a_member_that_left_is_not_waited_for_and_cannot_approve(partnership, secretariat, kofi, awa):
    Membership.objects.filter(organisation=awa.contact.organisation).update(left_on=dt.date.today())
    version = services.roadmap_send_for_review(version=roadmap_draft(partnership, secretariat), by=secretariat)
    with pytest.raises(PermissionDenied, match="not an active member"):
        services.roadmap_approve(version=version, by=awa)
    services.roadmap_approve(version=version, by=kofi)
    version.refresh_from_db()
    assert version.status == S.APPROVED


def test_approving_twice_for_another_organisation_or_without_one_is_refused(
    partnership, secretariat, kofi, awa, partner
):
    version = services.roadmap_send_for_review(version=roadmap_draft(partnership, secretariat), by=secretariat)
    services.roadmap_approve(version=version, by=kofi)
    with pytest.raises(ValidationError, match="already approved"):
        services.roadmap_approve(version=version, by=kofi)
    with pytest.raises(PermissionDenied, match="only approve this roadmap for your own organisation"):
        services.roadmap_approve(version=version, by=awa, organisation=kofi.contact.organisation)
    with pytest.raises(PermissionDenied, match="not registered as the contact person"):
        services.roadmap_approve(version=version, by=partner)
    with pytest.raises(PermissionDenied):
        services.roadmap_approve(version=version, by=secretariat)
    assert RoadmapApproval.objects.count() == 1


def test_a_sent_version_cannot_be_edited_through_the_services(partnership, secretariat):
    version = roadmap_draft(partnership, secretariat)
    node = services.result_node_save(version=version, by=secretariat, level="impact", title="Impact", owner=None)
    milestone = services.milestone_save(
        version=version, by=secretariat, title="M", due_on=dt.date(2030, 1, 1), owner=None, node=None
    )
    services.roadmap_send_for_review(version=version, by=secretariat)
    attempts = [
        lambda: services.roadmap_version_update(
            version=version, by=secretariat, problem_statement="x", vision="y", goals=["z"]
        ),
        lambda: services.result_node_save(version=version, by=secretariat, level="impact", title="New", owner=None),
        lambda: services.result_node_save(version=version, by=secretariat, node=node, title="Changed"),
        lambda: services.result_node_delete(node=node, by=secretariat),
        lambda: services.milestone_save(version=version, by=secretariat, milestone=milestone, title="Changed"),
        lambda: services.milestone_delete(milestone=milestone, by=secretariat),
        lambda: services.roadmap_version_discard(version=version, by=secretariat),
    ]
    for attempt in attempts:
        with pytest.raises(FrozenVersion):
            attempt()
    version.refresh_from_db()
    assert version.vision == "Water all year round."
    assert ResultNode.objects.get(pk=node.pk).title == "Impact"


def test_progress_is_reported_on_the_approved_roadmap_only(partnership, secretariat, kofi):
    version = roadmap_draft(partnership, secretariat)
    milestone = services.milestone_save(
        version=version, by=secretariat, title="M", due_on=dt.date(2030, 1, 1), owner=None, node=None
    )
    services.roadmap_send_for_review(version=version, by=secretariat)
    with pytest.raises(FrozenVersion, match="in review"):
        services.milestone_progress(milestone=milestone, by=secretariat, status="done", done_on=dt.date.today())
    services.roadmap_approve(version=version, by=kofi)
    services.milestone_progress(milestone=milestone, by=secretariat, status="done", done_on=dt.date.today())
    milestone.refresh_from_db()
    assert (milestone.status, milestone.title) == ("done", "M")
    with pytest.raises(ValidationError, match="When was it done"):
        services.milestone_progress(milestone=milestone, by=secretariat, status="done", done_on=None)


def test_the_results_chain_keeps_its_levels(partnership, secretariat, kofi):
    version = roadmap_draft(partnership, secretariat)
    impact = services.result_node_save(version=version, by=secretariat, level="impact", title="I", owner=None)
    with pytest.raises(ValidationError, match="contributes to an impact"):
        services.result_node_save(version=version, by=secretariat, level="outcome", title="O", owner=None)
    outcome = services.result_node_save(
        version=version, by=secretariat, level="outcome", parent=impact, title="O", owner=None
    )
    with pytest.raises(ValidationError, match="not to an outcome"):
        services.result_node_save(version=version, by=secretariat, level="outcome", parent=outcome, title="X")
    with pytest.raises(ValidationError, match="has no parent"):
        services.result_node_save(version=version, by=secretariat, level="impact", parent=impact, title="X")
    stranger = member(partnership, "gone", org_name="Gone Org").contact.organisation
    Membership.objects.filter(organisation=stranger).update(left_on=dt.date.today())
    with pytest.raises(ValidationError, match="not an active member"):
        services.result_node_save(
            version=version, by=secretariat, level="outcome", parent=impact, title="X", owner=stranger
        )
    with pytest.raises(ValidationError, match="has nodes under it"):
        services.result_node_delete(node=impact, by=secretariat)
    services.result_node_delete(node=outcome, by=secretariat)
    services.result_node_delete(node=impact, by=secretariat)
    assert not version.nodes.exists()


def test_a_draft_can_be_discarded(partnership, secretariat):
    version = roadmap_draft(partnership, secretariat)
    impact = services.result_node_save(version=version, by=secretariat, level="impact", title="I", owner=None)
    services.result_node_save(version=version, by=secretariat, level="outcome", parent=impact, title="O", owner=None)
    services.milestone_save(
        version=version, by=secretariat, title="M", due_on=dt.date(2030, 1, 1), owner=None, node=impact
    )
    services.roadmap_version_discard(version=version, by=secretariat)
    assert not RoadmapVersion.objects.exists() and not Milestone.objects.exists()


def test_comments_threads_and_resolving(partnership, secretariat, kofi, partner, donor):
    draft = roadmap_draft(partnership, secretariat)
    with pytest.raises(ValidationError, match="closed: it is draft"):
        services.roadmap_comment(version=draft, by=kofi, body="Too early.")
    version = services.roadmap_send_for_review(version=draft, by=secretariat)
    first = services.roadmap_comment(version=version, by=kofi, body="Add a water goal.")
    assert first.organisation == kofi.contact.organisation
    reply = services.roadmap_comment(version=version, by=secretariat, body="Done in v2.", parent=first)
    again = services.roadmap_comment(version=version, by=kofi, body="Thanks.", parent=reply)
    assert again.parent == first and reply.organisation is None  # the secretariat writes as itself
    with pytest.raises(ValidationError, match="Write your comment"):
        services.roadmap_comment(version=version, by=kofi, body="   ")
    with pytest.raises(PermissionDenied):
        services.roadmap_comment(version=version, by=donor, body="Hello")
    with pytest.raises(PermissionDenied):
        services.comment_resolve(comment=first, by=kofi)
    assert services.comment_resolve(comment=first, by=secretariat).is_resolved
    services.roadmap_approve(version=version, by=kofi)
    version.refresh_from_db()
    assert version.status == S.APPROVED
    with pytest.raises(ValidationError, match="closed"):
        services.roadmap_comment(version=version, by=partner, body="Late remark")


def test_the_approval_is_filed_in_the_activity_feed(partnership, secretariat, kofi):
    from msp.selectors import activity_for

    version = services.roadmap_send_for_review(version=roadmap_draft(partnership, secretariat), by=secretariat)
    services.roadmap_approve(version=version, by=kofi)
    labels = {e.content_type.model for e in activity_for(partnership)}
    assert {"roadmapversion", "roadmapapproval", "roadmapgoal"} <= labels
    assert Notification.objects.filter(subject__contains="is approved").exists()
