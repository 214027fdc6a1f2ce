"""Personal API tokens: `Authorization: Bearer <key>` (or `Token <key>`). A request so signed acts as the token's
owner, with exactly their rights: every endpoint asks msp.access like the pages do. No session authentication, so
the API needs no CSRF token and a browser's cookies never act through it."""

from datetime import timedelta

from auditlog.context import auditlog_value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from .models import ApiToken, digest

TOUCH_EVERY = timedelta(minutes=5)  # last_used_at is written at most this often, so reads stay reads


class PersonalTokenAuthentication(authentication.BaseAuthentication):
    keywords = ("bearer", "token")

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].decode(errors="replace").lower() not in self.keywords:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Give the token after “Bearer ”, with no spaces in it."))
        key = header[1].decode(errors="replace")
        token = ApiToken.objects.active().select_related("user").filter(key_hash=digest(key)).first()
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("This API token is not valid, or has been revoked."))
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        _record_as_actor(token.user)
        return token.user, token

    def authenticate_header(self, request):
        return 'Bearer realm="api"'


def _record_as_actor(user):
    """Name the token's owner as the author of what the activity feed records in this request: auditlog's middleware
    opened the request's context before the API read the token, so it found nobody. The one place this is done for
    every API write."""
    context = auditlog_value.get(None)
    if context is not None:
        context["actor"] = user
