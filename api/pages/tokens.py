"""A person's own API tokens: list, make (the key shown once, on the next page), revoke. Only one's own: another
person's token is not found (404). With REQUIRE_TWO_FACTOR on, a person the installation requires a second factor of
(secretariat staff, superusers) makes tokens only from a session verified with one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import DEVICE_ID_SESSION_KEY

from accounts import twofactor

from .. import services
from ..forms import TokenForm
from ..models import ApiToken
from . import api_root

# The key just made, kept in the session only until the next page shows it (then removed).
NEW_KEY = "api_new_token"


def second_factor_missing(request) -> bool:
    """Whether the two-factor rule stops this person making a token now: the installation requires a second factor
    of them, and this session was not verified with one (they have none, or set it up in another session)."""
    if not twofactor.required_for(request.user):
        return False
    return not (twofactor.has_device(request.user) and request.session.get(DEVICE_ID_SESSION_KEY))


@login_required
def token_list(request):
    request.session.pop(NEW_KEY, None)  # a key whose page was never opened is not kept for later
    tokens = list(request.user.api_tokens.all())
    return render(
        request,
        "api/tokens.html",
        {
            "tokens": tokens,
            "active": sum(1 for t in tokens if t.revoked_at is None),
            "limit": services.MAX_ACTIVE_TOKENS,
            "second_factor_missing": second_factor_missing(request),
        },
    )


@login_required
def token_create(request):
    if second_factor_missing(request):
        if request.method == "POST":
            messages.error(request, _("No token was made: set up two-factor sign-in first."))
        return render(request, "api/token_create.html", {"second_factor_missing": True}, status=403)
    form = TokenForm(request.POST or None)
    if form.is_valid():
        try:
            token, key = services.token_create(user=request.user, name=form.cleaned_data["name"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            request.session[NEW_KEY] = {"id": token.pk, "key": key}
            return redirect("developer:token_created")
    return render(request, "api/token_create.html", {"form": form, "limit": services.MAX_ACTIVE_TOKENS})


@never_cache
@login_required
def token_created(request):
    """The key of the token just made, shown this once: taken out of the session as the page is made, and the page
    is not kept by the browser (never_cache), so going back or reloading does not show it again."""
    new = request.session.pop(NEW_KEY, None) or {}
    token = request.user.api_tokens.filter(pk=new.get("id")).first() if new else None
    return render(
        request,
        "api/token_created.html",
        {"token": token, "key": new.get("key") if token else None, "base": api_root(request)},
    )


@login_required
@require_POST
def token_revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    if token.revoked_at is None:
        services.token_revoke(token=token, by=request.user)
        messages.success(
            request, _("The token “%(name)s” is revoked: requests with it are refused.") % {"name": token.name}
        )
    else:
        messages.info(request, _("The token “%(name)s” was already revoked.") % {"name": token.name})
    return redirect("developer:tokens")
