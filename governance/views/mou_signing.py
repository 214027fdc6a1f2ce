"""Acting on a MoU version for one's organisation (approve, sign), the signed copy (upload and download), and the
PDF of a version. The downloads are plain function views: they answer a file, not a page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from msp import access
from msp.pdf import PdfUnavailable, attachment, pdf_unavailable

from .. import selectors, services
from ..forms import ActForForm, ScanForm, SignForm
from ..models import MouVersion
from ..pdf import mou_pdf_file, mou_pdf_filename, pdf_language
from .common import _messages_of, _posted_organisation, _version_or_404
from .mou_page import _mou_page


@login_required
@require_POST
def mou_approve(request, partnership_pk, number):
    partnership = access.get_partnership(request.user, partnership_pk, "act_for_organisation")
    version = _version_or_404(MouVersion, partnership, number, request.user)
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
    version = _version_or_404(MouVersion, partnership, number, request.user)
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
def mou_scan_upload(request, partnership_pk, number):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    version = _version_or_404(MouVersion, partnership, number, request.user)
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
    """The wet-ink scan of a version the user may read (never through a media URL); earlier scans, kept as
    history, for the members only (msp.access: "view_evidence")."""
    partnership = access.get_partnership(request.user, partnership_pk, "view_agreements")
    version = _version_or_404(MouVersion, partnership, number, request.user)
    scan = version.signed_scan
    if request.GET.get("scan"):  # an earlier scan, kept as history
        access.require(request.user, "view_evidence", partnership)
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
    version = _version_or_404(MouVersion, partnership, number, request.user)
    version = selectors.mou_version_for_pdf(partnership, version.number)
    language = pdf_language(version, request.GET.get("language"))  # ?language=fr: a translation, on request
    try:
        content, stored = mou_pdf_file(version, language)  # the stored copy once there is one, else rendered now
    except PdfUnavailable as exc:
        return pdf_unavailable(request, exc, back_url=version.get_absolute_url())
    response = attachment(HttpResponse(content, content_type="application/pdf"), mou_pdf_filename(version, language))
    if stored is not None:
        response["ETag"] = f'"{stored.sha256}"'
    response["Cache-Control"] = "private, no-store"
    return response
