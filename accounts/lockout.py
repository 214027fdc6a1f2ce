"""The lockout notice: after LOCKOUT_NOTICE_AFTER wrong passwords for one account within an hour (the sign-in
throttle, django-ratelimit, trips soon after), the account's owner is told by e-mail, once a day at most.

Failures are counted in the cache (Redis in production), like the throttle's own counts; nothing is written to the
database until the notice is due.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from msp import profiles, services

WINDOW = 3600


def _count_key(username):
    return f"accounts:login-failures:{username.lower()}"


def count_failure(sender, credentials, request=None, **kwargs):
    """user_login_failed: one more wrong password for the account named in `credentials`."""
    username = (credentials or {}).get("username") or ""
    if not username:
        return
    key = _count_key(username)
    cache.add(key, 0, WINDOW)
    try:
        failures = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW)
        failures = 1
    if failures >= settings.LOCKOUT_NOTICE_AFTER:
        user = get_user_model().objects.filter(username__iexact=username, is_active=True).first()
        if user is not None and user.email:
            lockout_notice_send(user=user, failures=failures)


def lockout_notice_send(*, user, failures):
    """E-mail `user`, in their language, that someone keeps trying their password; at most once a day (the first
    call of the day wins, also across processes: cache.add is atomic)."""
    if not cache.add(f"accounts:lockout-notice:{user.pk}:{timezone.localdate()}", 1, 24 * 3600):
        return None
    name = user.get_username()
    return services.email_address(
        email=user.email,
        language=profiles.user_language(user),
        subject=lambda: _("Repeated failed sign-ins to your MSP Manager account"),
        body=lambda: (
            _(
                "Someone has tried several times to sign in to your MSP Manager account (%(username)s) with a wrong "
                "password. Sign-in to your account is paused for a few minutes after such attempts.\n\n"
                "If this was you, wait a few minutes and try again, or choose a new password with the link below.\n"
                "If it was not you, your password has held, but choose a new one to be safe, and consider turning on "
                'two-factor sign-in ("Two-factor sign-in" in your account menu).'
            )
            % {"username": name}
        ),
        link=reverse("password_reset"),
    )
