"""Two checks on every signed-in request, neither running a query in the usual case (both read the session that
AuthenticationMiddleware has already loaded). Placed after MessageMiddleware."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from . import sessions, twofactor


class SessionIdleMiddleware:
    """A session unused for SESSION_IDLE_TIMEOUT seconds ends: the person is signed out and asked to sign in
    again, with a word on why."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and not sessions.touch(request):
            logout(request)
            messages.info(request, _("You were signed out after a period without activity. Please sign in again."))
            return redirect_to_login(request.get_full_path())
        return self.get_response(request)


def _paths(*names):
    return tuple(reverse(name) for name in names)


class TwoFactorMiddleware:
    """A signed-in person who still owes a code is sent to give it, and one whose role requires a second factor
    they lack is sent to set it up, before any other page (signing out and switching language stay open)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self._open = None

    def _open_paths(self, state):
        if self._open is None:
            always = _paths("logout", "msp:language") + (
                settings.STATIC_URL if settings.STATIC_URL.startswith("/") else "/" + settings.STATIC_URL,
            )
            self._open = {
                twofactor.VERIFY: always + _paths("accounts:two_factor_verify"),
                twofactor.SETUP: always + _paths("accounts:two_factor_setup", "accounts:two_factor_codes"),
            }
        return self._open[state]

    def __call__(self, request):
        if request.user.is_authenticated:
            state = request.session.get(twofactor.STATE_KEY)
            if state is None:  # a session from before two-factor sign-in existed
                state = request.session[twofactor.STATE_KEY] = twofactor.state_for(request.user)
            if state in (twofactor.VERIFY, twofactor.SETUP) and not request.path.startswith(self._open_paths(state)):
                return self._send(request, state)
        return self.get_response(request)

    def _send(self, request, state):
        if state == twofactor.VERIFY:
            target = reverse("accounts:two_factor_verify")
            if request.method == "GET":
                target += "?" + urlencode({"next": request.get_full_path()})
            return redirect(target)
        return redirect("accounts:two_factor_setup")
