"""The secretariat's actions on a version's parties: adding a member that joined after sending, removing a party
that left, recording an approval or signature given outside the app; and the evidence files, served only to
the members of the partnership."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from msp import access, uploads
from stakeholders.models import Organisation

from .. import selectors, services
from ..models import MouApproval, MouSignature, MouVersion, RoadmapApproval, RoadmapVersion
from ..record_forms import OnRecordApprovalForm, PaperSignatureForm, PartyForm
from .common import _form_errors, _messages_of, _version_or_404
from .mou_page import _mou_page
from .roadmap import _roadmap_page

VERSION_MODELS = {"roadmap": RoadmapVersion, "mou": MouVersion}
EVIDENCE_MODELS = {"signature": MouSignature, "mou-approval": MouApproval, "roadmap-approval": RoadmapApproval}


def _page(request, partnership, version, **kwargs):
    if isinstance(version, RoadmapVersion):
        return _roadmap_page(request, partnership, version, **kwargs)
    return _mou_page(request, partnership, version, **kwargs)


@login_required
@require_POST
def party_change(request, partnership_pk, kind, number, action):
    """Add a member as a party (`action` "add") or remove a party that left ("remove")."""
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    version = _version_or_404(VERSION_MODELS[kind], partnership, number, request.user)
    form = PartyForm(request.POST)
    organisation = (
        Organisation.objects.filter(pk=form.cleaned_data["organisation"]).first() if form.is_valid() else None
    )
    if organisation is None:
        messages.error(request, _("Choose an organisation."))
        return redirect(version)
    service = services.party_add if action == "add" else services.party_remove
    try:
        service(version=version, by=request.user, organisation=organisation)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
    else:
        if action == "add":
            text = _("%(org)s is now a party to version %(n)d; its approval or signature is awaited.")
        else:
            text = _("%(org)s is no longer a party to version %(n)d.")
        messages.success(request, text % {"org": organisation, "n": version.number})
    return redirect(version)


@login_required
@require_POST
def approve_on_record(request, partnership_pk, kind, number):
    partnership = access.get_partnership(request.user, partnership_pk, "record_for_organisation")
    version = _version_or_404(VERSION_MODELS[kind], partnership, number, request.user)
    full = (
        selectors.roadmap_version_full(partnership, version.number)
        if kind == "roadmap"
        else selectors.mou_version_full(partnership, version.number)
    )
    form = OnRecordApprovalForm(
        request.POST, request.FILES, organisations=selectors.outstanding(selectors.approval_status(full))
    )
    if form.is_valid():
        try:
            approval = services.approve_on_record(version=version, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(
                request,
                _("The approval of %(org)s (%(method)s) is recorded.")
                % {"org": approval.organisation, "method": approval.get_method_display()},
            )
            return redirect(version.get_absolute_url() + "#approvals")
    return _page(request, partnership, version, record_form=form, status=400)


@login_required
@require_POST
def mou_sign_paper(request, partnership_pk, number):
    partnership = access.get_partnership(request.user, partnership_pk, "record_for_organisation")
    version = _version_or_404(MouVersion, partnership, number, request.user)
    full = selectors.mou_version_full(partnership, version.number)
    form = PaperSignatureForm(
        request.POST, request.FILES, organisations=selectors.outstanding(selectors.signature_status(full))
    )
    if form.is_valid():
        try:
            signature = services.mou_sign_on_paper(version=version, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            text = _("The signature of %(org)s given on paper is recorded.") % {"org": signature.organisation}
            if version.status == MouVersion.Status.IN_FORCE:
                text += " " + _("Every party has now signed: the MoU is in force.")
            messages.success(request, text)
            return redirect(version.get_absolute_url() + "#signatures")
    return _mou_page(request, partnership, version, paper_form=form, status=400)


@login_required
def evidence(request, partnership_pk, kind, pk):
    """The evidence of an approval or signature given outside the app: for the members only (never through a
    media URL)."""
    partnership = access.get_partnership(request.user, partnership_pk, "view_evidence")
    record = get_object_or_404(EVIDENCE_MODELS[kind].objects.select_related("version"), pk=pk)
    if record.version.partnership_id != partnership.pk or not record.evidence:
        raise Http404(_("No such evidence."))
    try:
        handle = record.evidence.open("rb")
    except FileNotFoundError:
        raise Http404(_("The evidence file is missing.")) from None
    name = record.evidence.name.rsplit("/", 1)[-1]  # made by the service, never the uploader's
    response = FileResponse(handle, filename=name, content_type=uploads.content_type(name))
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
