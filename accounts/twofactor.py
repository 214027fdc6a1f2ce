"""Two-factor sign-in with django-otp: a TOTP device (an authenticator app) and a static device holding one-time
recovery codes.

Where a signed-in session stands is kept in the session (STATE_KEY), set at sign-in and after each step here, so
that TwoFactorMiddleware decides every request without a query:
  VERIFY  the person has a second factor and has not given a code yet in this session;
  SETUP   the installation requires one of them (REQUIRE_TWO_FACTOR) and they have none;
  DONE    nothing more to ask.
"""

import secrets
from binascii import unhexlify

from django.conf import settings
from django.db import transaction
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from msp.models import PartnershipRole, Role

STATE_KEY = "accounts_2fa"
VERIFY, SETUP, DONE = "verify", "setup", "done"
# The secret of a device being set up: kept in the session until the person proves their app has it.
PENDING_KEY = "accounts_2fa_pending"
# Recovery codes just made, shown once by the next page.
CODES_KEY = "accounts_2fa_codes"
RECOVERY_CODES = 10


def required_for(user) -> bool:
    """Superusers and secretariat staff (a secretariat role on any partnership, archived ones included) must have
    a second factor when the installation says so."""
    if not settings.REQUIRE_TWO_FACTOR:
        return False
    return user.is_superuser or PartnershipRole.objects.filter(user=user, role=Role.SECRETARIAT).exists()


def state_for(user) -> str:
    if user_has_device(user):
        return VERIFY
    return SETUP if required_for(user) else DONE


def mark_on_login(sender, request, user, **kwargs):
    """user_logged_in: what the new session still has to show (see the module's docstring)."""
    if request is not None and hasattr(request, "session"):
        request.session[STATE_KEY] = state_for(user)


def has_device(user) -> bool:
    return user_has_device(user)


def pending_key(session) -> str:
    """The hex secret offered on the set-up page, made once per session until used."""
    if PENDING_KEY not in session:
        session[PENDING_KEY] = secrets.token_hex(20)
    return session[PENDING_KEY]


def config_url(user, key_hex) -> str:
    """The otpauth:// address an authenticator app reads from the QR code."""
    return TOTPDevice(user=user, key=key_hex, name="setup").config_url


def _code_matches(key_hex, code) -> bool:
    try:
        token = int(code)
    except (TypeError, ValueError):
        return False
    return TOTP(unhexlify(key_hex)).verify(token, tolerance=1)


def _new_codes(device) -> list[str]:
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def two_factor_enable(*, request, key_hex, code) -> list[str] | None:
    """Turn two-factor sign-in on for the signed-in person when `code` comes from an app holding `key_hex`:
    replaces any devices they had, makes recovery codes (returned, and kept in the session to be shown once),
    and counts this session as verified. None when the code is wrong."""
    user = request.user
    if not _code_matches(key_hex, code):
        return None
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=None):
            device.delete()
        totp = TOTPDevice.objects.create(user=user, name="default", key=key_hex, confirmed=True)
        codes = _new_codes(StaticDevice.objects.create(user=user, name="recovery", confirmed=True))
    request.session.pop(PENDING_KEY, None)
    request.session[CODES_KEY] = codes
    request.session[STATE_KEY] = DONE
    otp_login(request, totp)
    return codes


def recovery_codes_renew(*, request) -> list[str]:
    """New recovery codes for the signed-in person (the old ones stop working), kept to be shown once."""
    with transaction.atomic():
        device, _created = StaticDevice.objects.get_or_create(
            user=request.user, name="recovery", defaults={"confirmed": True}
        )
        codes = _new_codes(device)
    request.session[CODES_KEY] = codes
    return codes


def two_factor_disable(*, request) -> None:
    """Remove the person's second factors. If their role requires one, they are sent to set one up again."""
    with transaction.atomic():
        for device in devices_for_user(request.user, confirmed=None):
            device.delete()
    request.session[STATE_KEY] = SETUP if required_for(request.user) else DONE


def verify(*, request, code) -> bool:
    """The second step of signing in: a code from the app or an unused recovery code (used up by this). Each
    device slows down after wrong codes (django-otp's throttling)."""
    code = (code or "").strip().replace(" ", "").lower()
    with transaction.atomic():
        for device in devices_for_user(request.user, for_verify=True):
            if device.verify_token(code):
                break
        else:
            return False
    request.session[STATE_KEY] = DONE
    otp_login(request, device)
    return True


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
