"""The MoU: its list of versions, a version's page and its compare page (class-based pages), the draft's title
form, and the actions that move a version through its life (start, discard, send, terminate)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from msp import access
from msp.views import PartnershipMixin

from .. import selectors, services
from ..diff import compare_clauses
from ..forms import CompareForm, MouVersionForm, TerminateForm
from ..models import MouVersion
from .common import AgreementPageMixin, DraftFormView, _messages_of, _version_or_404
from .mou_page import _mou_page, mou_context


class MouListView(PartnershipMixin, TemplateView):
    action = "view_agreements"
    tab = "mou"
    template_name = "governance/mou_list.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        versions = list(access.readable_versions(user, self.partnership, selectors.mou_versions(self.partnership)))
        return super().get_context_data(
            versions=versions,
            in_force=next((v for v in versions if v.status == MouVersion.Status.IN_FORCE), None),
            has_draft=any(v.status == MouVersion.Status.DRAFT for v in versions),
            can_see_comments=access.can(user, "view", self.partnership),
            can_see_unagreed=access.can(user, "view_unagreed_versions", self.partnership),
            **kwargs,
        )


class MouVersionView(AgreementPageMixin, TemplateView):
    model = MouVersion
    tab = "mou"
    template_name = "governance/mou_version.html"

    def get_context_data(self, **kwargs):
        return mou_context(self.request, self.partnership, self.version, super().get_context_data(**kwargs))


class MouEditView(DraftFormView):
    model = MouVersion
    tab = "mou"
    version_url = "governance:mou_version"
    template_name = "governance/part_form.html"
    form_class = MouVersionForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.version}

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Title and change note"), **kwargs)

    def form_valid(self, form):
        try:
            services.mou_version_update(version=self.version, by=self.request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Version %(n)d is saved.") % {"n": self.version.number})
        return redirect(self.version)


class MouCompareView(PartnershipMixin, TemplateView):
    """Two versions clause by clause. Without a choice: the latest version against the one before it. Only the
    versions the user may read are offered; any other number is "no version" (a donor asking for a draft)."""

    action = "view_agreements"
    tab = "mou"
    template_name = "governance/mou_compare.html"

    def get(self, request, *args, **kwargs):
        user, versions = request.user, MouVersion.objects.filter(partnership=self.partnership).order_by("-number")
        numbers = list(access.readable_versions(user, self.partnership, versions).values_list("number", flat=True))
        data = request.GET if request.GET else None
        if data is None and len(numbers) >= 2:
            data = {"a": numbers[1], "b": numbers[0]}
        form = CompareForm(data)
        rows, older, newer, error = [], None, None, None
        if form.is_bound and form.is_valid():
            older, newer, error = self.versions(form, numbers)
            rows = compare_clauses(list(older.clauses.all()), list(newer.clauses.all())) if not error else []
        elif form.is_bound:
            error = _("Choose two versions to compare.")
        context = self.get_context_data(
            form=form, numbers=numbers, rows=rows, older=older, newer=newer, error=error,
            changed=sum(1 for r in rows if r.kind != "same"),
            can_see_unagreed=access.can(user, "view_unagreed_versions", self.partnership),
        )  # fmt: skip
        return self.render_to_response(context, status=400 if error else 200)

    def versions(self, form, numbers):
        """The older and the newer version chosen, or what is wrong with the choice."""
        a, b = sorted([form.cleaned_data["a"], form.cleaned_data["b"]])
        if a == b:
            return None, None, _("Choose two different versions.")
        if a not in numbers or b not in numbers:
            return None, None, _("There is no version %(n)d.") % {"n": a if a not in numbers else b}
        older = selectors.mou_version_with_clauses(self.partnership, a)
        return older, selectors.mou_version_with_clauses(self.partnership, b), None


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


@login_required
@require_POST
def mou_discard(request, partnership_pk, number):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    version = _version_or_404(MouVersion, partnership, number, request.user)
    try:
        services.mou_version_discard(version=version, by=request.user)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
        return redirect(version)
    messages.success(request, _("The draft version %(n)d is discarded.") % {"n": number})
    return redirect("governance:mou_list", partnership_pk=partnership.pk)


def _mou_move(request, partnership_pk, number, service, success):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    version = _version_or_404(MouVersion, partnership, number, request.user)
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
    version = _version_or_404(MouVersion, partnership, number, request.user)
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
