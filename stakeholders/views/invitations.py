from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView

from msp import access
from msp.text import in_sentence

from .. import selectors, services
from ..forms import AcceptInvitationForm, InvitationForm
from ..models import Invitation, InvitationStatus
from .common import StakeholdersMixin, add_service_errors


def _status_filter(status, now):
    return {
        InvitationStatus.PENDING: Q(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now),
        InvitationStatus.ACCEPTED: Q(accepted_at__isnull=False),
        InvitationStatus.REVOKED: Q(accepted_at__isnull=True, revoked_at__isnull=False),
        InvitationStatus.EXPIRED: Q(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__lte=now),
    }.get(status)


class InvitationsView(StakeholdersMixin, FormView):
    """Invite a contact person, and see every invitation of the partnership: pending, accepted, expired, revoked."""

    action = "manage_roles"
    section = "invitations"
    template_name = "stakeholders/invitations.html"
    form_class = InvitationForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["contacts"] = selectors.invitable_contacts(self.partnership)
        return kwargs

    def get_initial(self):
        initial = super().get_initial()
        contact = self.request.GET.get("contact")
        if contact and contact.isdigit():
            initial["contact"] = contact
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        status = self.request.GET.get("status", "")
        invitations = selectors.invitations_for(self.partnership)
        wanted = _status_filter(status, now)
        if wanted is not None:
            invitations = invitations.filter(wanted)
        context["invitations"] = [(i, i.status(now)) for i in invitations]
        context["status"] = status if wanted is not None else ""
        context["statuses"] = InvitationStatus.choices
        context["now"] = now
        return context

    def form_valid(self, form):
        contact = form.cleaned_data["contact"]
        try:
            invitation = services.invitation_create(
                partnership=self.partnership,
                contact=contact,
                role=form.cleaned_data["role"],
                valid_days=form.cleaned_data["valid_days"],
                by=self.request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(name)s is invited as %(role)s; the e-mail with the link goes to %(email)s.")
            % {"name": contact.name, "role": in_sentence(invitation.get_role_display()), "email": invitation.email},
        )
        return redirect("stakeholders:invitations", partnership_pk=self.partnership.pk)


def _invitation(request, partnership_pk, pk):
    partnership = access.get_partnership(request.user, partnership_pk, "manage_roles")
    return get_object_or_404(
        Invitation.objects.select_related("contact", "partnership"), pk=pk, partnership=partnership
    )


@login_required
@require_POST
def invitation_resend(request, partnership_pk, pk):
    invitation = _invitation(request, partnership_pk, pk)
    try:
        invitation = services.invitation_resend(invitation=invitation, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("A new link went to %(email)s, valid until %(date)s; the earlier link no longer works.")
            % {
                "email": invitation.email,
                "date": date_format(timezone.localtime(invitation.expires_at), "DATE_FORMAT"),
            },
        )
    return redirect("stakeholders:invitations", partnership_pk=partnership_pk)


@login_required
@require_POST
def invitation_revoke(request, partnership_pk, pk):
    invitation = _invitation(request, partnership_pk, pk)
    try:
        services.invitation_revoke(invitation=invitation, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("The invitation of %(name)s is revoked; its link grants nothing any more.")
            % {"name": invitation.contact.name},
        )
    return redirect("stakeholders:invitations", partnership_pk=partnership_pk)


def accept(request, token):
    """The invitation link (public). Explains a link that no longer works, and grants nothing then."""
    invitation, superseded = Invitation.from_token(token)
    if invitation is None:
        if superseded:
            problem = _(
                "This link was replaced by a newer invitation e-mail: use the link in the most recent e-mail "
                "from the partnership's secretariat."
            )
            return _closed(request, problem, status=410)
        return _closed(request, _("This invitation link is not valid. Check that it was copied in full."), status=404)
    problem = services.invitation_problem(invitation)
    if problem:
        return _closed(request, problem, invitation=invitation, status=410)

    context = {"invitation": invitation, "contact": invitation.contact, "partnership": invitation.partnership}
    if invitation.contact.user is not None:
        return _accept_with_account(request, invitation, context)
    return _accept_with_new_account(request, invitation, context)


def _accept_with_account(request, invitation, context):
    """The contact already has an account: its owner signs in (if need be) and confirms."""
    user, existing = request.user, invitation.contact.user
    if not user.is_authenticated:
        context["login_url"] = f"{reverse('login')}?{urlencode({'next': request.path})}"
        return render(request, "stakeholders/accept.html", {**context, "mode": "sign_in"})
    if user.pk != existing.pk:
        return render(request, "stakeholders/accept.html", {**context, "mode": "wrong_user"})
    if request.method == "POST":
        return _accept(request, invitation, context, user=user)
    return render(request, "stakeholders/accept.html", {**context, "mode": "confirm"})


def _accept_with_new_account(request, invitation, context):
    """The contact has no account yet: the link's holder creates one (signed out only)."""
    contact = invitation.contact
    if request.user.is_authenticated:
        return render(request, "stakeholders/accept.html", {**context, "mode": "wrong_user"})
    form = AcceptInvitationForm(request.POST or None, contact=contact)
    if request.method == "POST" and form.is_valid():
        return _accept(
            request,
            invitation,
            {**context, "form": form},
            username=form.cleaned_data["username"],
            password=form.cleaned_data["password1"],
        )
    if request.method == "GET":
        form.initial["username"] = _suggest_username(contact)
    status = 400 if request.method == "POST" else 200
    return render(request, "stakeholders/accept.html", {**context, "mode": "create", "form": form}, status=status)


def _accept(request, invitation, context, **account):
    try:
        user, partnership = services.invitation_accept(invitation=invitation, **account)
    except services.InvitationClosed as exc:
        return _closed(request, exc.messages[0], invitation=invitation, status=410)
    except ValidationError as exc:
        form = context.get("form")
        if form is not None:
            add_service_errors(form, exc)
        else:
            messages.error(request, " ".join(exc.messages))
        return render(
            request, "stakeholders/accept.html", {**context, "mode": "create" if form else "confirm"}, status=400
        )
    if not request.user.is_authenticated:
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(
        request,
        _("Welcome, %(name)s. You now see %(partnership)s as %(role)s.")
        % {
            "name": invitation.contact.name,
            "partnership": partnership.name,
            "role": in_sentence(invitation.get_role_display()),
        },
    )
    return redirect(partnership)


def _closed(request, problem, *, invitation=None, status):
    return render(
        request, "stakeholders/accept_closed.html", {"problem": problem, "invitation": invitation}, status=status
    )


def _suggest_username(contact):
    from django.contrib.auth import get_user_model

    base = (contact.email.split("@")[0] if contact.email else contact.name).lower()
    base = "".join(c for c in base if c.isalnum() or c in "._-")[:30] or "partner"
    User = get_user_model()
    candidate, n = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        n += 1
        candidate = f"{base}{n}"
    return candidate
