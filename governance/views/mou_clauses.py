"""The clauses of a draft MoU (add and change as a class-based form page; remove and move as actions) and the
comments on a version, general or on a clause."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from msp import access
from msp.services import StaleEdit

from .. import services
from ..formatting import to_html
from ..forms import ClauseForm, CommentForm
from ..models import Clause, MouComment, MouVersion
from .common import DraftFormView, _messages_of, _resolve, _version_or_404
from .mou_page import _mou_page


class ClauseFormView(DraftFormView):
    """Add a clause (no `pk` in the URL) or change one, with a preview of its formatted text."""

    model = MouVersion
    tab = "mou"
    version_url = "governance:mou_version"
    template_name = "governance/clause_form.html"
    form_class = ClauseForm

    def get_clause(self):
        if not hasattr(self, "clause"):
            pk = self.kwargs.get("pk")
            self.clause = get_object_or_404(Clause, pk=pk, version=self.version) if pk else None
        return self.clause

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_clause()}

    def get_context_data(self, **kwargs):
        if "form" not in kwargs:
            kwargs["form"] = self.get_form()
        kwargs.setdefault("current", None)
        form, clause = kwargs["form"], self.get_clause()
        preview = to_html(form.data.get("text", "")) if form.is_bound else (to_html(clause.text) if clause else "")
        title = _("Change a clause") if clause else _("Add a clause")
        return super().get_context_data(obj=clause, preview=preview, title=title, **kwargs)

    def form_valid(self, form):
        clause = self.get_clause()
        try:
            saved = services.clause_save(version=self.version, by=self.request.user, clause=clause, **form.cleaned_data)
        except StaleEdit as exc:
            current = Clause.objects.filter(pk=clause.pk).first()  # shown beside the form
            form.data = form.data.copy()
            form.data["seen"] = current.content_hash if current else ""
            form.add_error(None, exc)
            return self.render_to_response(self.get_context_data(form=form, current=current), status=409)
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Clause “%(title)s” is saved.") % {"title": saved.title})
        return redirect(self.version.get_absolute_url() + f"#clause-{saved.pk}")


@login_required
@require_POST
def mou_clause_delete(request, partnership_pk, number, pk):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    version = _version_or_404(MouVersion, partnership, number, request.user)
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
    version = _version_or_404(MouVersion, partnership, number, request.user)
    clause = get_object_or_404(Clause, pk=pk, version=version)
    try:
        services.clause_move(clause=clause, by=request.user, up=request.POST.get("direction") != "down")
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
    return redirect(version.get_absolute_url() + f"#clause-{clause.pk}")


@login_required
@require_POST
def mou_comment(request, partnership_pk, number):
    partnership = access.get_partnership(request.user, partnership_pk, "comment_agreement")
    version = _version_or_404(MouVersion, partnership, number, request.user)
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
