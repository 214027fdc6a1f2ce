"""Roadmap and MoU pages. Views authorise (msp.access), validate (forms) and call one service; refusals come back
as a message on the same page, with what the user typed still in the form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from msp import access
from msp.pdf import PdfUnavailable, attachment, pdf_unavailable
from msp.services import StaleEdit
from msp.views import partnership_context
from stakeholders.models import Organisation
from stakeholders.selectors import active_member_organisations

from . import selectors, services
from .diff import compare_clauses
from .formatting import to_html
from .forms import (
    ActForForm,
    ClauseForm,
    CommentForm,
    CompareForm,
    MilestoneForm,
    MilestoneProgressForm,
    MouVersionForm,
    ResultNodeForm,
    RoadmapVersionForm,
    ScanForm,
    SignForm,
    TerminateForm,
)
from .models import Clause, Milestone, MouComment, MouVersion, ResultNode, RoadmapComment, RoadmapVersion
from .party_context import secretariat_party_context, send_signature_confirm
from .pdf import mou_pdf, mou_pdf_filename


def _messages_of(exc):
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc)


def _version_or_404(model, partnership, number):
    try:
        return model.objects.select_related("partnership").get(partnership=partnership, number=number)
    except model.DoesNotExist:
        raise Http404(_("No such version.")) from None


# --- roadmap ---------------------------------------------------------------------------------------------------


def _roadmap_page(request, partnership, version=None, *, comment_form=None, record_form=None, error=None, status=200):
    user = request.user
    context = partnership_context(request, partnership, active_tab="roadmap")
    versions = list(selectors.roadmap_versions(partnership))
    context.update(
        versions=versions,
        can_comment=access.can(user, "comment_agreement", partnership),
        can_see_comments=access.can(user, "view", partnership),
        can_act=access.can(user, "act_for_organisation", partnership),
        error=error,
        has_draft=any(v.status == RoadmapVersion.Status.DRAFT for v in versions),
    )
    if version is None:
        return render(request, "governance/roadmap.html", context, status=status)
    version = selectors.roadmap_version_full(partnership, version.number)
    members = list(active_member_organisations(partnership))
    statuses = selectors.approval_status(version, members)
    contact = selectors.acting_contact(user, partnership) if context["can_act"] else None
    my_status = next((s for s in statuses if contact and s.organisation.pk == contact.organisation_id), None)
    if context["can_change"]:
        context.update(secretariat_party_context(version, members, statuses, [], record_form=record_form))
    context.update(
        version=version,
        goals=list(version.goals.all()),
        tree=list(selectors.flat_tree(selectors.results_tree(version.nodes.all(), version.milestones.all()))),
        milestones=list(version.milestones.all()),
        approvals=statuses,
        outstanding=selectors.outstanding(statuses),
        threads=selectors.threads(version.comments.all()) if context["can_see_comments"] else [],
        open_threads=sum(1 for c in version.comments.all() if c.parent_id is None and not c.is_resolved),
        comment_form=comment_form or CommentForm(),
        contact=contact,
        my_status=my_status,
        members=members,
        progress_form=MilestoneProgressForm() if context["can_change"] else None,
        editable=context["can_change"] and version.is_draft,
        comments_open=version.status == RoadmapVersion.Status.IN_REVIEW,
        comment_action=reverse("governance:roadmap_comment", args=[partnership.pk, version.number]),
    )
    return render(request, "governance/roadmap.html", context, status=status)


@login_required
def roadmap(request, partnership_pk):
    """The roadmap tab: the approved version if there is one, otherwise the latest."""
    partnership = access.get_partnership(request.user, partnership_pk, "view_agreements")
    shown = selectors.current_roadmap(partnership) or selectors.latest_roadmap(partnership)
    return _roadmap_page(request, partnership, shown)


@login_required
def roadmap_version(request, partnership_pk, number):
    partnership = access.get_partnership(request.user, partnership_pk, "view_agreements")
    return _roadmap_page(request, partnership, _version_or_404(RoadmapVersion, partnership, number))


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


def _draft_or_redirect(request, version, url_name):
    """Editing pages of a frozen version send the user back to it, with the reason."""
    if version.status != "draft":
        messages.error(
            request,
            _("Version %(n)d is %(status)s and can no longer be changed. Start a new version to make changes.")
            % {"n": version.number, "status": version.get_status_display().lower()},
        )
        return redirect(url_name, partnership_pk=version.partnership_id, number=version.number)
    return None


@login_required
def roadmap_edit(request, partnership_pk, number):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    version = _version_or_404(RoadmapVersion, partnership, number)
    if refused := _draft_or_redirect(request, version, "governance:roadmap_version"):
        return refused
    form = RoadmapVersionForm(request.POST or None, instance=version)
    if request.method == "POST" and form.is_valid():
        try:
            services.roadmap_version_update(
                version=version,
                by=request.user,
                problem_statement=form.cleaned_data["problem_statement"],
                vision=form.cleaned_data["vision"],
                change_note=form.cleaned_data["change_note"],
                goals=form.goal_list(),
                seen=form.cleaned_data["seen"],
            )
        except StaleEdit as exc:
            current = selectors.roadmap_version_full(partnership, version.number)
            form.data = form.data.copy()
            form.data["seen"] = current.content_hash  # saving again, after a look, is a deliberate choice
            form.add_error(None, exc)
            return render(
                request,
                "governance/roadmap_form.html",
                partnership_context(
                    request, partnership, active_tab="roadmap", version=version, form=form, current=current
                ),
                status=409,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Version %(n)d is saved.") % {"n": version.number})
            return redirect(version)
    context = partnership_context(request, partnership, active_tab="roadmap", version=version, form=form)
    return render(request, "governance/roadmap_form.html", context, status=400 if form.errors else 200)


def _part_form(request, partnership_pk, number, *, form_class, service, title, obj_model=None, pk=None, field):
    """Add or change a results-chain node or a milestone of a draft."""
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    version = _version_or_404(RoadmapVersion, partnership, number)
    if refused := _draft_or_redirect(request, version, "governance:roadmap_version"):
        return refused
    obj = get_object_or_404(obj_model, pk=pk, version=version) if pk else None
    form = form_class(request.POST or None, instance=obj, version=version)
    if request.method == "POST" and form.is_valid():
        try:
            service(version=version, by=request.user, **{field: obj}, **form.cleaned_data)
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for name, errors in exc.error_dict.items():
                    form.add_error(name if name in form.fields else None, errors)
            else:
                form.add_error(None, exc)
        else:
            messages.success(request, _("Saved: “%(title)s”.") % {"title": form.cleaned_data["title"]})
            return redirect(version)
    context = partnership_context(
        request, partnership, active_tab="roadmap", version=version, form=form, title=title, obj=obj
    )
    return render(request, "governance/part_form.html", context, status=400 if form.errors else 200)


@login_required
def roadmap_node_add(request, partnership_pk, number):
    initial_title = _("Add to the results chain")
    return _part_form(
        request,
        partnership_pk,
        number,
        form_class=ResultNodeForm,
        service=services.result_node_save,
        title=initial_title,
        field="node",
    )


@login_required
def roadmap_node_edit(request, partnership_pk, number, pk):
    return _part_form(
        request,
        partnership_pk,
        number,
        form_class=ResultNodeForm,
        service=services.result_node_save,
        title=_("Change a results-chain node"),
        obj_model=ResultNode,
        pk=pk,
        field="node",
    )


@login_required
def roadmap_milestone_add(request, partnership_pk, number):
    return _part_form(
        request,
        partnership_pk,
        number,
        form_class=MilestoneForm,
        service=services.milestone_save,
        title=_("Add a milestone"),
        field="milestone",
    )


@login_required
def roadmap_milestone_edit(request, partnership_pk, number, pk):
    return _part_form(
        request,
        partnership_pk,
        number,
        form_class=MilestoneForm,
        service=services.milestone_save,
        title=_("Change a milestone"),
        obj_model=Milestone,
        pk=pk,
        field="milestone",
    )


def _roadmap_part_delete(request, partnership_pk, number, pk, model, service, field):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    version = _version_or_404(RoadmapVersion, partnership, number)
    obj = get_object_or_404(model, pk=pk, version=version)
    try:
        service(by=request.user, **{field: obj})
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
    else:
        messages.success(request, _("Removed: “%(title)s”.") % {"title": obj.title})
    return redirect(version)


@login_required
@require_POST
def roadmap_node_delete(request, partnership_pk, number, pk):
    return _roadmap_part_delete(request, partnership_pk, number, pk, ResultNode, services.result_node_delete, "node")


@login_required
@require_POST
def roadmap_milestone_delete(request, partnership_pk, number, pk):
    return _roadmap_part_delete(request, partnership_pk, number, pk, Milestone, services.milestone_delete, "milestone")


@login_required
@require_POST
def roadmap_milestone_progress(request, partnership_pk, number, pk):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    version = _version_or_404(RoadmapVersion, partnership, number)
    milestone = get_object_or_404(Milestone, pk=pk, version=version)
    form = MilestoneProgressForm(request.POST)
    if not form.is_valid():
        problems = [_("Choose a status for the milestone.")] if "status" in form.errors else []
        messages.error(request, " ".join([*problems, *form.errors.get("done_on", [])]))
        return redirect(version)
    try:
        services.milestone_progress(milestone=milestone, by=request.user, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
    else:
        messages.success(request, _("Progress on “%(title)s” is saved.") % {"title": milestone.title})
    return redirect(version)


@login_required
@require_POST
def roadmap_discard(request, partnership_pk, number):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    version = _version_or_404(RoadmapVersion, partnership, number)
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
    version = _version_or_404(RoadmapVersion, partnership, number)
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
    version = _version_or_404(RoadmapVersion, partnership, number)
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


def _posted_organisation(form):
    """The organisation the form was shown for (or a stand-in naming an unknown one, so the refusal can say so).

    A form without it (or with something that is not an organisation id) is refused: never taken to mean the
    user's own organisation."""
    if form.is_valid():
        return Organisation.objects.filter(pk=form.cleaned_data["organisation"]).first() or Organisation(
            pk=form.cleaned_data["organisation"], name=_("an unknown organisation")
        )
    raise ValidationError(_("The form did not say which organisation you act for. Reload the page and try again."))


@login_required
@require_POST
def roadmap_comment(request, partnership_pk, number):
    partnership = access.get_partnership(request.user, partnership_pk, "comment_agreement")
    version = _version_or_404(RoadmapVersion, partnership, number)
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


def _resolve(request, partnership_pk, number, pk, version_model, comment_model):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    version = _version_or_404(version_model, partnership, number)
    comment = get_object_or_404(comment_model, pk=pk, version=version)
    reopen = request.POST.get("reopen") == "1"
    try:
        services.comment_resolve(comment=comment, by=request.user, resolved=not reopen)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
    else:
        messages.success(request, _("The comment is open again.") if reopen else _("The comment is marked resolved."))
    return redirect(version.get_absolute_url() + "#comments")


# --- MoU -------------------------------------------------------------------------------------------------------


@login_required
def mou_list(request, partnership_pk):
    partnership = access.get_partnership(request.user, partnership_pk, "view_agreements")
    versions = list(selectors.mou_versions(partnership))
    in_force = next((v for v in versions if v.status == MouVersion.Status.IN_FORCE), None)
    context = partnership_context(
        request,
        partnership,
        active_tab="mou",
        versions=versions,
        in_force=in_force,
        has_draft=any(v.status == MouVersion.Status.DRAFT for v in versions),
        can_see_comments=access.can(request.user, "view", partnership),
    )
    return render(request, "governance/mou_list.html", context)


@login_required
@require_POST
def mou_create(request, partnership_pk):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    try:
        version = services.mou_version_create(partnership=partnership, by=request.user)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
        return redirect("governance:mou_list", partnership_pk=partnership.pk)
    if version.number == 1:
        messages.success(request, _("MoU version 1 is started. Add its clauses."))
    else:
        messages.success(
            request,
            _("Version %(n)d is started as a copy of version %(m)d. Change the clauses, then send it.")
            % {"n": version.number, "m": version.number - 1},
        )
    return redirect(version)


def _mou_page(request, partnership, version, *, comment_form=None, sign_form=None, terminate_form=None,
              scan_form=None, record_form=None, paper_form=None, error=None, status=200):  # fmt: skip
    user = request.user
    version = selectors.mou_version_full(partnership, version.number)
    members = list(active_member_organisations(partnership))
    can_act = access.can(user, "act_for_organisation", partnership)
    contact = selectors.acting_contact(user, partnership) if can_act else None
    approvals = selectors.approval_status(version, members)
    signatures = selectors.signature_status(version, members)
    clauses = list(version.clauses.all())
    can_see_comments = access.can(user, "view", partnership)
    comments = list(version.comments.all()) if can_see_comments else []
    by_clause = {}
    for root, replies in selectors.threads(comments):
        by_clause.setdefault(root.clause_id, []).append((root, replies))
    my_approval = next((s for s in approvals if contact and s.organisation.pk == contact.organisation_id), None)
    my_signature = next((s for s in signatures if contact and s.organisation.pk == contact.organisation_id), None)
    fingerprint = version.fingerprint or version.compute_fingerprint(clauses)
    if sign_form is None and contact:
        sign_form = SignForm(
            initial={
                "organisation": contact.organisation_id,
                "name": contact.name or user.get_full_name(),
                "position": contact.job_title,
                "fingerprint": fingerprint,
            }
        )
    context = partnership_context(request, partnership, active_tab="mou")
    if context["can_change"]:
        context.update(
            secretariat_party_context(
                version, members, approvals, signatures, record_form=record_form, paper_form=paper_form
            ),
        )
        if version.status in (MouVersion.Status.DRAFT, MouVersion.Status.IN_REVIEW):
            context["send_signature_confirm"] = send_signature_confirm(version, approvals, members)
    context.update(
        version=version,
        scans=list(version.scans.all()),
        versions=list(
            MouVersion.objects.filter(partnership=partnership).order_by("-number").values("number", "status")
        ),
        clauses=[(c, to_html(c.text), by_clause.get(c.pk, [])) for c in clauses],
        general_threads=by_clause.get(None, []),
        # The general-comments header counts the general threads only; clause threads show under their clause.
        open_threads=sum(1 for c in comments if c.parent_id is None and c.clause_id is None and not c.is_resolved),
        approvals=approvals,
        signatures=signatures,
        unsigned=selectors.outstanding(signatures),
        unapproved=selectors.outstanding(approvals),
        members=members,
        contact=contact,
        my_approval=my_approval,
        my_signature=my_signature,
        fingerprint=fingerprint,
        can_act=can_act,
        can_sign=contact is not None and access.can(user, "sign_mou", partnership),
        can_comment=access.can(user, "comment_agreement", partnership) and version.is_commentable,
        can_see_comments=can_see_comments,
        comment_form=comment_form or CommentForm(),
        sign_form=sign_form,
        terminate_form=terminate_form or TerminateForm(),
        scan_form=scan_form or ScanForm(),
        error=error,
        Status=MouVersion.Status,
    )
    return render(request, "governance/mou_version.html", context, status=status)


@login_required
def mou_version(request, partnership_pk, number):
    partnership = access.get_partnership(request.user, partnership_pk, "view_agreements")
    return _mou_page(request, partnership, _version_or_404(MouVersion, partnership, number))


@login_required
def mou_edit(request, partnership_pk, number):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    version = _version_or_404(MouVersion, partnership, number)
    if refused := _draft_or_redirect(request, version, "governance:mou_version"):
        return refused
    form = MouVersionForm(request.POST or None, instance=version)
    if request.method == "POST" and form.is_valid():
        try:
            services.mou_version_update(version=version, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Version %(n)d is saved.") % {"n": number})
            return redirect(version)
    context = partnership_context(
        request, partnership, active_tab="mou", version=version, form=form, title=_("Title and change note")
    )
    return render(request, "governance/part_form.html", context, status=400 if form.errors else 200)


def _clause_form(request, partnership_pk, number, pk=None):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    version = _version_or_404(MouVersion, partnership, number)
    if refused := _draft_or_redirect(request, version, "governance:mou_version"):
        return refused
    clause = get_object_or_404(Clause, pk=pk, version=version) if pk else None
    form = ClauseForm(request.POST or None, instance=clause)
    current, status = None, 200
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.clause_save(version=version, by=request.user, clause=clause, **form.cleaned_data)
        except StaleEdit as exc:
            current = Clause.objects.filter(pk=clause.pk).first()  # shown beside the form
            form.data = form.data.copy()
            form.data["seen"] = current.content_hash if current else ""
            form.add_error(None, exc)
            status = 409
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Clause “%(title)s” is saved.") % {"title": saved.title})
            return redirect(version.get_absolute_url() + f"#clause-{saved.pk}")
    preview = to_html(form.data.get("text", "")) if form.is_bound else (to_html(clause.text) if clause else "")
    context = partnership_context(
        request,
        partnership,
        active_tab="mou",
        version=version,
        form=form,
        obj=clause,
        preview=preview,
        title=_("Change a clause") if clause else _("Add a clause"),
        current=current,
    )
    if form.errors and status == 200:
        status = 400
    return render(request, "governance/clause_form.html", context, status=status)


@login_required
def mou_clause_add(request, partnership_pk, number):
    return _clause_form(request, partnership_pk, number)


@login_required
def mou_clause_edit(request, partnership_pk, number, pk):
    return _clause_form(request, partnership_pk, number, pk)


@login_required
@require_POST
def mou_clause_delete(request, partnership_pk, number, pk):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    version = _version_or_404(MouVersion, partnership, number)
    clause = get_object_or_404(Clause, pk=pk, version=version)
    try:
        services.clause_delete(clause=clause, by=request.user)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
    else:
        messages.success(request, _("Clause “%(title)s” is removed.") % {"title": clause.title})
    return redirect(version)


@login_required
@require_POST
def mou_clause_move(request, partnership_pk, number, pk):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    version = _version_or_404(MouVersion, partnership, number)
    clause = get_object_or_404(Clause, pk=pk, version=version)
    try:
        services.clause_move(clause=clause, by=request.user, up=request.POST.get("direction") != "down")
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
    return redirect(version.get_absolute_url() + f"#clause-{clause.pk}")


@login_required
@require_POST
def mou_discard(request, partnership_pk, number):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    version = _version_or_404(MouVersion, partnership, number)
    try:
        services.mou_version_discard(version=version, by=request.user)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
        return redirect(version)
    messages.success(request, _("The draft version %(n)d is discarded.") % {"n": number})
    return redirect("governance:mou_list", partnership_pk=partnership.pk)


def _mou_move(request, partnership_pk, number, service, success):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    version = _version_or_404(MouVersion, partnership, number)
    try:
        service(version=version, by=request.user)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
    else:
        messages.success(request, success % {"n": number})
    return redirect(version)


@login_required
@require_POST
def mou_send_review(request, partnership_pk, number):
    return _mou_move(
        request,
        partnership_pk,
        number,
        services.mou_send_for_review,
        _("Version %(n)d is sent for review. Partners are told by e-mail; the text is now frozen."),
    )


@login_required
@require_POST
def mou_send_signature(request, partnership_pk, number):
    return _mou_move(
        request,
        partnership_pk,
        number,
        services.mou_send_for_signature,
        _("Version %(n)d is sent for signature. Partners are told by e-mail; the text is now frozen."),
    )


@login_required
@require_POST
def mou_terminate(request, partnership_pk, number):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    version = _version_or_404(MouVersion, partnership, number)
    form = TerminateForm(request.POST)
    if form.is_valid():
        try:
            services.mou_terminate(version=version, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            return _mou_page(request, partnership, version, terminate_form=form, error=_messages_of(exc), status=400)
        messages.success(request, _("Version %(n)d is recorded as terminated.") % {"n": number})
        return redirect(version)
    return _mou_page(
        request, partnership, version, terminate_form=form, error=_("Say why the MoU is terminated."), status=400
    )


@login_required
@require_POST
def mou_approve(request, partnership_pk, number):
    partnership = access.get_partnership(request.user, partnership_pk, "act_for_organisation")
    version = _version_or_404(MouVersion, partnership, number)
    try:
        organisation = _posted_organisation(ActForForm(request.POST))
        approval = services.mou_approve(version=version, by=request.user, organisation=organisation)
    except (ValidationError, PermissionDenied) as exc:
        return _mou_page(request, partnership, version, error=_messages_of(exc), status=400)
    messages.success(
        request, _("You approved version %(n)d for %(org)s.") % {"n": number, "org": approval.organisation}
    )
    return redirect(version)


@login_required
@require_POST
def mou_sign(request, partnership_pk, number):
    partnership = access.get_partnership(request.user, partnership_pk, "act_for_organisation")
    version = _version_or_404(MouVersion, partnership, number)
    form = SignForm(request.POST)
    if not form.is_valid():
        return _mou_page(request, partnership, version, sign_form=form, status=400)
    try:
        organisation = _posted_organisation(form)
        signature = services.mou_sign(
            version=version,
            by=request.user,
            organisation=organisation,
            name=form.cleaned_data["name"],
            position=form.cleaned_data["position"],
            fingerprint=form.cleaned_data["fingerprint"],
        )
    except (ValidationError, PermissionDenied) as exc:
        return _mou_page(request, partnership, version, sign_form=form, error=_messages_of(exc), status=400)
    text = _("You signed version %(n)d for %(org)s.") % {"n": number, "org": signature.organisation}
    if version.status == MouVersion.Status.IN_FORCE:
        text += " " + _("Every party has now signed: the MoU is in force.")
    messages.success(request, text)
    return redirect(version.get_absolute_url() + "#signatures")


@login_required
@require_POST
def mou_comment(request, partnership_pk, number):
    partnership = access.get_partnership(request.user, partnership_pk, "comment_agreement")
    version = _version_or_404(MouVersion, partnership, number)
    form = CommentForm(request.POST)
    if form.is_valid():
        clause = parent = None
        if form.cleaned_data["clause"]:
            clause = Clause.objects.filter(pk=form.cleaned_data["clause"], version=version).first()
        if form.cleaned_data["parent"]:
            parent = MouComment.objects.filter(pk=form.cleaned_data["parent"], version=version).first()
        try:
            comment = services.mou_comment(
                version=version, by=request.user, body=form.cleaned_data["body"], clause=clause, parent=parent
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your comment is added."))
            anchor = f"#clause-{comment.clause_id}" if comment.clause_id else "#comments"
            return redirect(version.get_absolute_url() + anchor)
    return _mou_page(request, partnership, version, comment_form=form, status=400)


@login_required
@require_POST
def mou_comment_resolve(request, partnership_pk, number, pk):
    return _resolve(request, partnership_pk, number, pk, MouVersion, MouComment)


@login_required
@require_POST
def mou_scan_upload(request, partnership_pk, number):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    version = _version_or_404(MouVersion, partnership, number)
    form = ScanForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.mou_scan_upload(version=version, by=request.user, file=form.cleaned_data["scan"])
        except ValidationError as exc:
            form.add_error("scan" if hasattr(exc, "error_dict") else None, exc.messages)
        else:
            messages.success(request, _("The signed copy is attached to version %(n)d.") % {"n": number})
            return redirect(version.get_absolute_url() + "#signatures")
    return _mou_page(request, partnership, version, scan_form=form, status=400)


@login_required
def mou_scan(request, partnership_pk, number):
    """The wet-ink scan, only for people with a role on the partnership (never through a media URL)."""
    partnership = access.get_partnership(request.user, partnership_pk, "view_agreements")
    version = _version_or_404(MouVersion, partnership, number)
    scan = version.signed_scan
    if request.GET.get("scan"):  # an earlier scan, kept as history
        earlier = version.scans.filter(pk=request.GET["scan"]).first() if request.GET["scan"].isdigit() else None
        if earlier is None:
            raise Http404(_("No such scan of this version."))
        scan = earlier.file
    if not scan:
        raise Http404(_("No signed copy is attached to this version."))
    try:
        handle = scan.open("rb")
    except FileNotFoundError:
        raise Http404(_("The file of the signed copy is missing.")) from None
    response = FileResponse(handle, content_type="application/pdf", filename=f"mou-v{version.number}-signed-copy.pdf")
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def mou_pdf_download(request, partnership_pk, number):
    partnership = access.get_partnership(request.user, partnership_pk, "view_agreements")
    version = _version_or_404(MouVersion, partnership, number)
    version = selectors.mou_version_for_pdf(partnership, version.number)
    try:
        content = mou_pdf(version)
    except PdfUnavailable as exc:
        return pdf_unavailable(request, exc, back_url=version.get_absolute_url())
    response = attachment(HttpResponse(content, content_type="application/pdf"), mou_pdf_filename(version))
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def mou_compare(request, partnership_pk):
    """Two versions clause by clause. Without a choice: the latest version against the one before it."""
    partnership = access.get_partnership(request.user, partnership_pk, "view_agreements")
    numbers = list(
        MouVersion.objects.filter(partnership=partnership).order_by("-number").values_list("number", flat=True)
    )
    data = request.GET if request.GET else None
    if data is None and len(numbers) >= 2:
        data = {"a": numbers[1], "b": numbers[0]}
    form = CompareForm(data)
    rows, older, newer, error = [], None, None, None
    if form.is_bound and form.is_valid():
        a, b = sorted([form.cleaned_data["a"], form.cleaned_data["b"]])
        if a == b:
            error = _("Choose two different versions.")
        elif a not in numbers or b not in numbers:
            error = _("There is no version %(n)d.") % {"n": a if a not in numbers else b}
        else:
            older = selectors.mou_version_with_clauses(partnership, a)
            newer = selectors.mou_version_with_clauses(partnership, b)
            rows = compare_clauses(list(older.clauses.all()), list(newer.clauses.all()))
    elif form.is_bound:
        error = _("Choose two versions to compare.")
    context = partnership_context(
        request,
        partnership,
        active_tab="mou",
        form=form,
        numbers=numbers,
        rows=rows,
        older=older,
        newer=newer,
        error=error,
        changed=sum(1 for r in rows if r.kind != "same"),
    )
    return render(request, "governance/mou_compare.html", context, status=400 if error else 200)
