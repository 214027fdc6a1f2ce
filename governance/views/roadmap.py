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

from .. import selectors, services
from ..forms import ActForForm, CommentForm, RoadmapVersionForm
from ..models import RoadmapComment, RoadmapVersion
from .common import (
    AgreementPageMixin,
    DraftFormView,
    _messages_of,
    _posted_organisation,
    _resolve,
    _version_or_404,
)
from .roadmap_page import readable_roadmap_versions, roadmap_context


def _roadmap_page(request, partnership, version=None, *, status=200, **forms):
    """The roadmap page again, after a refused action: with the form as it was sent and what went wrong."""
    context = partnership_context(request, partnership, active_tab="roadmap")
    context = roadmap_context(request, partnership, version, context, **forms)
    return render(request, "governance/roadmap.html", context, status=status)


class RoadmapVersionView(AgreementPageMixin, TemplateView):
    model = RoadmapVersion
    tab = "roadmap"
    template_name = "governance/roadmap.html"

    versions = None  # the readable versions, when loading the page listed them already

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return roadmap_context(self.request, self.partnership, self.version, context, versions=self.versions)


class RoadmapView(RoadmapVersionView):
    """The roadmap tab: the approved version if there is one, otherwise the latest the user may read (for a
    donor: none until one is approved)."""

    def load_version(self, **kwargs):
        # The readable versions are the page's version list: read once, they give the version to show too.
        self.versions = readable_roadmap_versions(self.request.user, self.partnership)
        current = next((v for v in self.versions if v.status == RoadmapVersion.Status.APPROVED), None)
        if current is None:
            current = selectors.current_roadmap(self.partnership)  # none approved, or not readable by this user
        if current is not None:
            return current
        return max(self.versions, key=lambda v: v.number, default=None)


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
