"""What the roadmap page shows: the versions the user may read and, for the version shown, everything about it, in
a constant number of queries.

The page reuses what loading it already read: RoadmapView finds the version to show among the readable versions it
lists once (`readable_roadmap_versions`), and the shown version gets its goals, chain, milestones, approvals,
parties and comments prefetched onto that same row rather than being read again.
"""

from django.db.models import prefetch_related_objects
from django.urls import reverse

from msp import access
from msp.listing import choice_labels
from stakeholders.selectors import active_member_organisations

from .. import selectors
from ..forms import CommentForm, MilestoneProgressForm
from ..models import Milestone, ResultNode, RoadmapVersion
from .party_context import secretariat_party_context


def readable_roadmap_versions(user, partnership) -> list:
    """The partnership's roadmap versions `user` may read, newest first (the page's version list): one query."""
    return list(access.readable_versions(user, partnership, selectors.roadmap_versions(partnership)))


def roadmap_context(
    request, partnership, version, context, *, comment_form=None, record_form=None, error=None, versions=None
):
    """The roadmap page's context (added to `context`, which holds the partnership's): the list of versions and,
    when a version is shown, everything about it."""
    user = request.user
    if versions is None:
        versions = readable_roadmap_versions(user, partnership)
    context.update(
        versions=versions,
        can_comment=access.can(user, "comment_agreement", partnership),
        can_see_comments=access.can(user, "view", partnership),
        can_see_unagreed=access.can(user, "view_unagreed_versions", partnership),
        can_see_evidence=access.can(user, "view_evidence", partnership),
        can_act=access.can(user, "act_for_organisation", partnership),
        error=error,
        has_draft=any(v.status == RoadmapVersion.Status.DRAFT for v in versions),
    )
    if version is not None:
        version = _with_everything(partnership, version, versions)
        context.update(_version_context(request, partnership, version, context, comment_form, record_form))
    return context


def _version_context(request, partnership, version, context, comment_form, record_form):
    _label_rows(version)
    members = list(active_member_organisations(partnership))
    statuses = selectors.approval_status(version, members)
    contact = selectors.acting_contact(request.user, partnership) if context["can_act"] else None
    extra = {}
    progress_form = MilestoneProgressForm() if context["can_change"] else None
    if context["can_change"]:
        extra.update(secretariat_party_context(version, members, statuses, [], record_form=record_form))
    extra.update(
        _comments_context(partnership, version, context["can_see_comments"], comment_form),
        version=version,
        goals=list(version.goals.all()),
        tree=list(selectors.flat_tree(selectors.results_tree(version.nodes.all(), version.milestones.all()))),
        milestones=list(version.milestones.all()),
        approvals=statuses,
        outstanding=selectors.outstanding(statuses),
        contact=contact,
        my_status=next((s for s in statuses if contact and s.organisation.pk == contact.organisation_id), None),
        members=members,
        progress_form=progress_form,
        progress_choices=[(value, str(label)) for value, label in progress_form.fields["status"].choices]
        if progress_form
        else [],
        editable=context["can_change"] and version.is_draft,
    )
    return extra


def _comments_context(partnership, version, can_see_comments, comment_form):
    return {
        "threads": selectors.threads(version.comments.all()) if can_see_comments else [],
        "open_threads": sum(1 for c in version.comments.all() if c.parent_id is None and not c.is_resolved),
        "comment_form": comment_form or CommentForm(),
        "comments_open": version.status == RoadmapVersion.Status.IN_REVIEW,
        "comment_action": reverse("governance:roadmap_comment", args=[partnership.pk, version.number]),
    }


def _label_rows(version):
    """Set `level_label` on the chain's nodes and `status_label` on the milestones: each label translated once for
    the page (get_FOO_display translates every choice of the field each time it is called)."""
    levels = choice_labels(ResultNode._meta.get_field("level").choices)
    statuses = choice_labels(Milestone._meta.get_field("status").choices)
    for node in version.nodes.all():
        node.level_label = levels.get(node.level, node.level)
    for milestone in version.milestones.all():
        milestone.status_label = statuses.get(milestone.status, milestone.status)
        if milestone.node is not None:
            milestone.node.level_label = levels.get(milestone.node.level, milestone.node.level)


def _with_everything(partnership, version, versions):
    """`version` with what its page shows (selectors.roadmap_version_full's), prefetched onto the row of the version
    list when it is there (it has its author already), else read again."""
    listed = next((v for v in versions if v.pk == version.pk), None)
    if listed is None:
        return selectors.roadmap_version_full(partnership, version.number)
    listed.partnership = partnership
    prefetch_related_objects([listed], *selectors.ROADMAP_VERSION_PREFETCH)
    return listed
