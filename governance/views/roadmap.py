"""The roadmap: its tab and versions (class-based pages), the draft's form, and the actions on a version (start,
discard, send for review, approve, comment)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from msp import access
from msp.services import StaleEdit
from msp.views import partnership_context
from stakeholders.selectors import active_member_organisations

from .. import selectors, services
from ..forms import ActForForm, CommentForm, MilestoneProgressForm, RoadmapVersionForm
from ..models import RoadmapComment, RoadmapVersion
from .common import (
    AgreementPageMixin,
    DraftFormView,
    _messages_of,
    _posted_organisation,
    _resolve,
    _version_or_404,
)
from .party_context import secretariat_party_context


def roadmap_context(request, partnership, version, context, *, comment_form=None, record_form=None, error=None):
    """The roadmap page's context (added to `context`, which holds the partnership's): the list of versions and,
    when a version is shown, everything about it."""
    user = request.user
    versions = list(access.readable_versions(user, partnership, selectors.roadmap_versions(partnership)))
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
        context.update(_version_context(request, partnership, version, context, comment_form, record_form))
    return context


def _version_context(request, partnership, version, context, comment_form, record_form):
    version = selectors.roadmap_version_full(partnership, version.number)
    members = list(active_member_organisations(partnership))
    statuses = selectors.approval_status(version, members)
    contact = selectors.acting_contact(request.user, partnership) if context["can_act"] else None
    extra = {}
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
        progress_form=MilestoneProgressForm() if context["can_change"] else None,
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


def _roadmap_page(request, partnership, version=None, *, status=200, **forms):
    """The roadmap page again, after a refused action: with the form as it was sent and what went wrong."""
    context = partnership_context(request, partnership, active_tab="roadmap")
    context = roadmap_context(request, partnership, version, context, **forms)
    return render(request, "governance/roadmap.html", context, status=status)


class RoadmapVersionView(AgreementPageMixin, TemplateView):
    model = RoadmapVersion
    tab = "roadmap"
    template_name = "governance/roadmap.html"

    def get_context_data(self, **kwargs):
        return roadmap_context(self.request, self.partnership, self.version, super().get_context_data(**kwargs))


class RoadmapView(RoadmapVersionView):
    """The roadmap tab: the approved version if there is one, otherwise the latest the user may read (for a
    donor: none until one is approved)."""

    def load_version(self, **kwargs):
        current = selectors.current_roadmap(self.partnership)
        if current is not None:
            return current
        versions = selectors.roadmap_versions(self.partnership).order_by("-number")
        return access.readable_versions(self.request.user, self.partnership, versions).first()


class RoadmapEditView(DraftFormView):
    model = RoadmapVersion
    tab = "roadmap"
    version_url = "governance:roadmap_version"
    template_name = "governance/roadmap_form.html"
    form_class = RoadmapVersionForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.version}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.roadmap_version_update(
                version=self.version,
                by=self.request.user,
                problem_statement=data["problem_statement"],
                vision=data["vision"],
                change_note=data["change_note"],
                goals=form.goal_list(),
                seen=data["seen"],
            )
        except StaleEdit as exc:
            current = selectors.roadmap_version_full(self.partnership, self.version.number)
            form.data = form.data.copy()
            form.data["seen"] = current.content_hash  # saving again, after a look, is a deliberate choice
            form.add_error(None, exc)
            return self.render_to_response(self.get_context_data(form=form, current=current), status=409)
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Version %(n)d is saved.") % {"n": self.version.number})
        return redirect(self.version)


@login_required
@require_POST
def roadmap_create(request, partnership_pk):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    try:
        version = services.roadmap_version_create(partnership=partnership, by=request.user)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
        return redirect("governance:roadmap", partnership_pk=partnership.pk)
    if version.number == 1:
        messages.success(request, _("Roadmap version 1 is started. Write the vision and the common goals."))
    else:
        messages.success(
            request,
            _(
                "Version %(n)d is started as a copy of version %(m)d. Change what needs changing, then send it for review."
            )
            % {"n": version.number, "m": version.number - 1},
        )
    return redirect("governance:roadmap_edit", partnership_pk=partnership.pk, number=version.number)


@login_required
@require_POST
def roadmap_discard(request, partnership_pk, number):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    version = _version_or_404(RoadmapVersion, partnership, number, request.user)
    try:
        services.roadmap_version_discard(version=version, by=request.user)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
        return redirect(version)
    messages.success(request, _("The draft version %(n)d is discarded.") % {"n": number})
    return redirect("governance:roadmap", partnership_pk=partnership.pk)


@login_required
@require_POST
def roadmap_send(request, partnership_pk, number):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    version = _version_or_404(RoadmapVersion, partnership, number, request.user)
    try:
        services.roadmap_send_for_review(version=version, by=request.user)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
    else:
        messages.success(
            request,
            _("Version %(n)d is sent for review. Partners are told by e-mail; it can no longer be changed.")
            % {"n": number},
        )
    return redirect(version)


@login_required
@require_POST
def roadmap_approve(request, partnership_pk, number):
    partnership = access.get_partnership(request.user, partnership_pk, "act_for_organisation")
    version = _version_or_404(RoadmapVersion, partnership, number, request.user)
    try:
        organisation = _posted_organisation(ActForForm(request.POST))
        approval = services.roadmap_approve(version=version, by=request.user, organisation=organisation)
    except (ValidationError, PermissionDenied) as exc:
        return _roadmap_page(request, partnership, version, error=_messages_of(exc), status=400)
    text = _("You approved version %(n)d for %(org)s.") % {"n": number, "org": approval.organisation}
    if version.status == RoadmapVersion.Status.APPROVED:
        text += " " + _("Every party has now approved it: it is the current roadmap.")
    messages.success(request, text)
    return redirect(version)


@login_required
@require_POST
def roadmap_comment(request, partnership_pk, number):
    partnership = access.get_partnership(request.user, partnership_pk, "comment_agreement")
    version = _version_or_404(RoadmapVersion, partnership, number, request.user)
    form = CommentForm(request.POST)
    if form.is_valid():
        parent = None
        if form.cleaned_data["parent"]:
            parent = RoadmapComment.objects.filter(pk=form.cleaned_data["parent"], version=version).first()
        try:
            services.roadmap_comment(version=version, by=request.user, body=form.cleaned_data["body"], parent=parent)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your comment is added."))
            return redirect(reverse("governance:roadmap_version", args=[partnership.pk, number]) + "#comments")
    return _roadmap_page(request, partnership, version, comment_form=form, status=400)


@login_required
@require_POST
def roadmap_comment_resolve(request, partnership_pk, number, pk):
    return _resolve(request, partnership_pk, number, pk, RoadmapVersion, RoadmapComment)
