"""What the roadmap and MoU views share: loading a version, refusing to edit a frozen one, reading the posted
organisation, resolving a comment, and the class-based base of their pages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView

from msp import access
from msp.views import PartnershipMixin
from stakeholders.models import Organisation

from .. import services
from ..models import FrozenVersion


def _messages_of(exc):
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc)


def _form_errors(form, exc):
    """A service's ValidationError on the form: on its field when the form has it, else above the form."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _version_or_404(model, partnership, number, user):
    """The version `number` of `partnership` (already loaded and checked for `user`), or 404: also for a version
    `user` may not read (a donor asking for a draft), exactly as for one that does not exist (msp.access decides)."""
    try:
        version = model.objects.get(partnership=partnership, number=number)
    except model.DoesNotExist:
        raise Http404(_("No such version.")) from None
    version.partnership = partnership  # the loaded one: its role cache answers the access question below
    access.require_version(user, version)
    return version


def _draft_or_redirect(request, version, url_name):
    """Editing pages of a frozen version send the user back to it, with the reason (the model's draft rule and
    its one message, FrozenVersion)."""
    try:
        version.require_draft()
    except FrozenVersion as exc:
        messages.error(request, _messages_of(exc))
        return redirect(url_name, partnership_pk=version.partnership_id, number=version.number)
    return None


def _posted_organisation(form):
    """The organisation the form was shown for (or a stand-in naming an unknown one, so the refusal can say so).

    A form without it (or with something that is not an organisation id) is refused: never taken to mean the
    user's own organisation."""
    if form.is_valid():
        return Organisation.objects.filter(pk=form.cleaned_data["organisation"]).first() or Organisation(
            pk=form.cleaned_data["organisation"], name=_("an unknown organisation")
        )
    raise ValidationError(_("The form did not say which organisation you act for. Reload the page and try again."))


def _resolve(request, partnership_pk, number, pk, version_model, comment_model):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    version = _version_or_404(version_model, partnership, number, request.user)
    comment = get_object_or_404(comment_model, pk=pk, version=version)
    reopen = request.POST.get("reopen") == "1"
    try:
        services.comment_resolve(comment=comment, by=request.user, resolved=not reopen)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
    else:
        messages.success(request, _("The comment is open again.") if reopen else _("The comment is marked resolved."))
    return redirect(version.get_absolute_url() + "#comments")


class _VersionMixin:
    """Loads `self.version` (of `model`, by the URL's `number`). Comes after PartnershipMixin in the method
    resolution order, so it runs once the partnership is loaded and the permission checked: an outsider gets 404
    before anything else is looked up."""

    model = None

    def dispatch(self, request, *args, **kwargs):
        self.version = self.load_version(**kwargs)
        if refused := self.refuse(request):
            return refused
        return super().dispatch(request, *args, **kwargs)

    def load_version(self, **kwargs):
        return _version_or_404(self.model, self.partnership, kwargs["number"], self.request.user)

    def refuse(self, request):
        """A response that ends the request before the page (a redirect), or None."""
        return None


class AgreementPageMixin(PartnershipMixin, _VersionMixin):
    """A page of one roadmap or MoU version (`self.partnership`, `self.version`)."""

    action = "view_agreements"


class DraftFormView(AgreementPageMixin, FormView):
    """A form that changes a draft version (secretariat). A frozen version sends the user back to it; a form with
    errors answers 400; an empty POST shows the form again, as a GET would."""

    action = "change"
    version_url = None  # where a frozen version sends the user back to

    def refuse(self, request):
        return _draft_or_redirect(request, self.version, self.version_url)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if not self.request.POST:  # as `Form(request.POST or None)`: nothing posted is no attempt
            kwargs.pop("data", None)
            kwargs.pop("files", None)
        return kwargs

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400 if form.errors else 200)

    def get_context_data(self, **kwargs):
        return super().get_context_data(version=self.version, **kwargs)
