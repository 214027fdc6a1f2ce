"""A person's own sign-in settings: two-factor sign-in and their sessions. Every page concerns only the signed-in
person; a session of someone else is not found (404)."""

from base64 import b32encode
from binascii import unhexlify

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from . import sessions, twofactor
from .forms import CodeForm, PasswordConfirmForm, SetupCodeForm
from .models import UserSession

# Codes and passwords tried here, per account (the sign-in page is throttled in msp.urls).
throttled = ratelimit(key="user", rate=settings.TWO_FACTOR_RATE, method="POST")


@login_required
def two_factor(request):
    user = request.user
    enabled = twofactor.has_device(user)
    return render(
        request,
        "accounts/two_factor.html",
        {
            "enabled": enabled,
            "required": twofactor.required_for(user),
            "codes_left": twofactor.recovery_codes_left(user) if enabled else 0,
            # Two forms on one page: their fields need distinct ids.
            "renew_form": PasswordConfirmForm(user, prefix="renew"),
            "disable_form": PasswordConfirmForm(user, prefix="disable"),
        },
    )


@login_required
def two_factor_setup(request):
    key = twofactor.pending_key(request.session)
    form = SetupCodeForm(request.POST or None)
    if form.is_valid():
        if twofactor.two_factor_enable(request=request, key_hex=key, code=form.cleaned_data["code"]) is not None:
            messages.success(request, _("Two-factor sign-in is on."))
            return redirect("accounts:two_factor_codes")
        form.add_error("code", _("That code does not match. Check the app's clock and try the current code."))
    secret = b32encode(unhexlify(key)).decode()
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "required": request.session.get(twofactor.STATE_KEY) == twofactor.SETUP,
            "replacing": twofactor.has_device(request.user),
            "qr": segno.make(twofactor.config_url(request.user, key), error="m").svg_data_uri(scale=5, border=2),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        },
    )


@login_required
def two_factor_codes(request):
    """The recovery codes just made, shown this once (they are kept only as used-once tokens)."""
    return render(request, "accounts/two_factor_codes.html", {"codes": request.session.pop(twofactor.CODES_KEY, [])})


def _password_confirmed(request, prefix):
    form = PasswordConfirmForm(request.user, request.POST, prefix=prefix)
    if form.is_valid():
        return True
    messages.error(request, _("Nothing was changed: %(error)s") % {"error": " ".join(form.errors["password"])})
    return False


@login_required
@require_POST
@throttled
def two_factor_codes_renew(request):
    if not twofactor.has_device(request.user):
        return redirect("accounts:two_factor_setup")
    if not _password_confirmed(request, "renew"):
        return redirect("accounts:two_factor")
    twofactor.recovery_codes_renew(request=request)
    messages.success(request, _("New recovery codes made; the old ones no longer work."))
    return redirect("accounts:two_factor_codes")


@login_required
@require_POST
@throttled
def two_factor_disable(request):
    if not _password_confirmed(request, "disable"):
        return redirect("accounts:two_factor")
    twofactor.two_factor_disable(request=request)
    if request.session.get(twofactor.STATE_KEY) == twofactor.SETUP:
        messages.warning(request, _("Two-factor sign-in is off. Your role requires it: set it up again."))
        return redirect("accounts:two_factor_setup")
    messages.success(request, _("Two-factor sign-in is off."))
    return redirect("accounts:two_factor")


@login_required
@throttled
def two_factor_verify(request):
    """The second step of signing in."""
    pending = request.session.get(twofactor.STATE_KEY) == twofactor.VERIFY
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure()):
        next_url = ""
    form = CodeForm(request.POST or None)
    if pending and form.is_valid():
        if twofactor.verify(request=request, code=form.cleaned_data["code"]):
            return redirect(next_url or settings.LOGIN_REDIRECT_URL)
        form.add_error("code", _("That code is not valid, or has been used already. Try the current code."))
    return render(request, "accounts/two_factor_verify.html", {"form": form, "pending": pending, "next": next_url})


@login_required
def session_list(request):
    current = sessions.current_row(request)
    rows = [
        {"row": row, "browser": sessions.describe_agent(row.user_agent), "current": row.pk == current}
        for row in sessions.active_for(request.user)
    ]
    return render(
        request,
        "accounts/sessions.html",
        {
            "sessions": rows,
            "others": sum(1 for r in rows if not r["current"]),
            "idle_hours": round(settings.SESSION_IDLE_TIMEOUT / 3600, 1),
        },
    )


@login_required
@require_POST
def session_end(request, pk):
    row = get_object_or_404(UserSession, pk=pk, user=request.user)
    if row.pk == sessions.current_row(request):
        messages.info(request, _('This is the session you are using: use "Log out" to end it.'))
    else:
        sessions.session_end(user_session=row)
        messages.success(request, _("The session has ended."))
    return redirect("accounts:sessions")


@login_required
@require_POST
def sessions_end_others(request):
    ended = sessions.sessions_end_others(user=request.user, current=sessions.current_row(request))
    messages.success(request, _("All your other sessions have ended.") if ended else _("You had no other sessions."))
    return redirect("accounts:sessions")
